; Luthiers ToolBox RMOS rosette, rings: 3, stock radius 65 mm
; engines: feasibility 1.0.0, toolpaths 1.0.0, post.grbl 1.0.0
; tool flat_3mm D3 mm, material maple_hard, machine grbl_hobby_router
; S24000 F3000 plunge F750, stepdown max 1.5 mm, stepover max 1.2 mm
; origin: rosette centre X0 Y0, Z0 on the stock top
G17 G21 G90 G94
G0 Z5
M3 S24000
G4 P2
; ring 1 solid: channel r 46-50 mm, depth 1.5 mm, 2 passes x 1 stepdowns
G0 X47.5 Y0
G0 Z1
G3 X-47.5 Y0 Z-0.25 I-47.5 J0 F750
G3 X47.5 Y0 Z-1.5 I47.5 J0
G3 X-47.5 Y0 I-47.5 J0 F3000
G3 X47.5 Y0 I47.5 J0
G1 X48.5
G3 X-48.5 Y0 I-48.5 J0
G3 X48.5 Y0 I48.5 J0
G0 Z5
; ring 2 herringbone: channel r 52-58 mm, depth 1.5 mm, 4 passes x 1 stepdowns
G0 X53.5
G0 Z1
G3 X-53.5 Y0 Z-0.25 I-53.5 J0 F750
G3 X53.5 Y0 Z-1.5 I53.5 J0
G3 X-53.5 Y0 I-53.5 J0 F3000
G3 X53.5 Y0 I53.5 J0
G1 X54.5
G3 X-54.5 Y0 I-54.5 J0
G3 X54.5 Y0 I54.5 J0
G1 X55.5
G3 X-55.5 Y0 I-55.5 J0
G3 X55.5 Y0 I55.5 J0
G1 X56.5
G3 X-56.5 Y0 I-56.5 J0
G3 X56.5 Y0 I56.5 J0
G0 Z5
; ring 3 solid: channel r 60-64 mm, depth 1.5 mm, 2 passes x 1 stepdowns
G0 X61.5
G0 Z1
G3 X-61.5 Y0 Z-0.25 I-61.5 J0 F750
G3 X61.5 Y0 Z-1.5 I61.5 J0
G3 X-61.5 Y0 I-61.5 J0 F3000
G3 X61.5 Y0 I61.5 J0
G1 X62.5
G3 X-62.5 Y0 I-62.5 J0
G3 X62.5 Y0 I62.5 J0
G0 Z5
M5
M30
