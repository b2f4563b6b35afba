; Luthiers ToolBox RMOS rosette, rings: 1, stock radius 15 mm
; engines: feasibility 1.0.0, toolpaths 1.0.0, post.grbl 1.0.0
; tool flat_1mm D1 mm, material ebony_african, machine linuxcnc_router
; S24000 F960 plunge F400, stepdown max 0.5 mm, stepover max 0.4 mm
; origin: rosette centre X0 Y0, Z0 on the stock top
G17 G21 G90 G94
G0 Z10
M3 S24000
G4 P2
; ring 1 solid: channel r 8.8-11.2 mm, depth 0.6 mm, 5 passes x 2 stepdowns
G0 X9.3 Y0
G0 Z1
G3 X-9.3 Y0 Z0.35 I-9.3 J0 F400
G3 X9.3 Y0 Z-0.3 I9.3 J0
G3 X-9.3 Y0 I-9.3 J0 F960
G3 X9.3 Y0 I9.3 J0
G1 X9.65
G3 X-9.65 Y0 I-9.65 J0
G3 X9.65 Y0 I9.65 J0
G1 X10
G3 X-10 Y0 I-10 J0
G3 X10 Y0 I10 J0
G1 X10.35
G3 X-10.35 Y0 I-10.35 J0
G3 X10.35 Y0 I10.35 J0
G1 X10.7
G3 X-10.7 Y0 I-10.7 J0
G3 X10.7 Y0 I10.7 J0
G1 X9.3
G3 X-9.3 Y0 Z-0.45 I-9.3 J0 F400
G3 X9.3 Y0 Z-0.6 I9.3 J0
G3 X-9.3 Y0 I-9.3 J0 F960
G3 X9.3 Y0 I9.3 J0
G1 X9.65
G3 X-9.65 Y0 I-9.65 J0
G3 X9.65 Y0 I9.65 J0
G1 X10
G3 X-10 Y0 I-10 J0
G3 X10 Y0 I10 J0
G1 X10.35
G3 X-10.35 Y0 I-10.35 J0
G3 X10.35 Y0 I10.35 J0
G1 X10.7
G3 X-10.7 Y0 I-10.7 J0
G3 X10.7 Y0 I10.7 J0
G0 Z10
M5
M30
