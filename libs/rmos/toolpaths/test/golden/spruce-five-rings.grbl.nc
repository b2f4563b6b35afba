; Luthiers ToolBox RMOS rosette, rings: 5, stock radius 65 mm
; engines: feasibility 1.0.0, toolpaths 1.0.0, post.grbl 1.0.0
; tool flat_3mm D3 mm, material spruce_sitka, machine grbl_hobby_router
; S20000 F3200 plunge F1200, stepdown max 1.5 mm, stepover max 1.2 mm
; origin: rosette centre X0 Y0, Z0 on the stock top
G17 G21 G90 G94
G0 Z5
M3 S20000
G4 P2
; ring 1 solid: channel r 43.2-46.8 mm, depth 2 mm, 2 passes x 2 stepdowns
G0 X44.7 Y0
G0 Z1
G3 X-44.7 Y0 Z0 I-44.7 J0 F1200
G3 X44.7 Y0 Z-1 I44.7 J0
G3 X-44.7 Y0 I-44.7 J0 F3200
G3 X44.7 Y0 I44.7 J0
G1 X45.3
G3 X-45.3 Y0 I-45.3 J0
G3 X45.3 Y0 I45.3 J0
G1 X44.7
G3 X-44.7 Y0 Z-1.5 I-44.7 J0 F1200
G3 X44.7 Y0 Z-2 I44.7 J0
G3 X-44.7 Y0 I-44.7 J0 F3200
G3 X44.7 Y0 I44.7 J0
G1 X45.3
G3 X-45.3 Y0 I-45.3 J0
G3 X45.3 Y0 I45.3 J0
G0 Z5
; ring 2 radial: channel r 47.9-52.1 mm, depth 2 mm, 2 passes x 2 stepdowns
G0 X49.4
G0 Z1
G3 X-49.4 Y0 Z0 I-49.4 J0 F1200
G3 X49.4 Y0 Z-1 I49.4 J0
G3 X-49.4 Y0 I-49.4 J0 F3200
G3 X49.4 Y0 I49.4 J0
G1 X50.6
G3 X-50.6 Y0 I-50.6 J0
G3 X50.6 Y0 I50.6 J0
G1 X49.4
G3 X-49.4 Y0 Z-1.5 I-49.4 J0 F1200
G3 X49.4 Y0 Z-2 I49.4 J0
G3 X-49.4 Y0 I-49.4 J0 F3200
G3 X49.4 Y0 I49.4 J0
G1 X50.6
G3 X-50.6 Y0 I-50.6 J0
G3 X50.6 Y0 I50.6 J0
G0 Z5
; ring 3 spiral: channel r 53.2-56.8 mm, depth 1.8 mm, 2 passes x 2 stepdowns
G0 X54.7
G0 Z1
G3 X-54.7 Y0 Z0.05 I-54.7 J0 F1200
G3 X54.7 Y0 Z-0.9 I54.7 J0
G3 X-54.7 Y0 I-54.7 J0 F3200
G3 X54.7 Y0 I54.7 J0
G1 X55.3
G3 X-55.3 Y0 I-55.3 J0
G3 X55.3 Y0 I55.3 J0
G1 X54.7
G3 X-54.7 Y0 Z-1.35 I-54.7 J0 F1200
G3 X54.7 Y0 Z-1.8 I54.7 J0
G3 X-54.7 Y0 I-54.7 J0 F3200
G3 X54.7 Y0 I54.7 J0
G1 X55.3
G3 X-55.3 Y0 I-55.3 J0
G3 X55.3 Y0 I55.3 J0
G0 Z5
; ring 4 solid: channel r 57.85-61.15 mm, depth 1.5 mm, 2 passes x 1 stepdowns
G0 X59.35
G0 Z1
G3 X-59.35 Y0 Z-0.25 I-59.35 J0 F1200
G3 X59.35 Y0 Z-1.5 I59.35 J0
G3 X-59.35 Y0 I-59.35 J0 F3200
G3 X59.35 Y0 I59.35 J0
G1 X59.65
G3 X-59.65 Y0 I-59.65 J0
G3 X59.65 Y0 I59.65 J0
G0 Z5
; ring 5 solid: channel r 61.35-64.65 mm, depth 1.5 mm, 2 passes x 1 stepdowns
G0 X62.85
G0 Z1
G3 X-62.85 Y0 Z-0.25 I-62.85 J0 F1200
G3 X62.85 Y0 Z-1.5 I62.85 J0
G3 X-62.85 Y0 I-62.85 J0 F3200
G3 X62.85 Y0 I62.85 J0
G1 X63.15
G3 X-63.15 Y0 I-63.15 J0
G3 X63.15 Y0 I63.15 J0
G0 Z5
M5
M30
