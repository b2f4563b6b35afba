// Golden files: the exact G-code of a few approved designs in each dialect.
// Default: compare. `UPDATE_GOLDEN=1 node --import tsx --test …/golden.test.ts` rewrites
// them; review the diff, and bump the toolpaths or post version if the output changed.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ManufacturingContext, RosetteDesign } from '@luthier/rmos-contracts';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { DIALECTS, generateToolpaths } from '@luthier/rmos-toolpaths';
import { GREEN_REFERENCE, approvedSession } from './fixtures.js';

const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const GOLDEN_DESIGNS: Record<string, { design: RosetteDesign; context: ManufacturingContext }> = {
  reference: GREEN_REFERENCE,
  'ebony-single-ring': {
    design: { outer_diameter_mm: 30, inner_diameter_mm: 16, rings: [{ radial_position_mm: 10, width_mm: 2.4, depth_mm: 0.6, pattern: 'solid' }] },
    context: { material_id: 'ebony_african', tool_id: 'flat_1mm', machine_profile_id: 'linuxcnc_router' },
  },
  'spruce-five-rings': {
    design: {
      outer_diameter_mm: 130,
      inner_diameter_mm: 84,
      rings: [
        { radial_position_mm: 45, width_mm: 3.6, depth_mm: 2, pattern: 'solid' },
        { radial_position_mm: 50, width_mm: 4.2, depth_mm: 2, pattern: 'radial' },
        { radial_position_mm: 55, width_mm: 3.6, depth_mm: 1.8, pattern: 'spiral' },
        { radial_position_mm: 59.5, width_mm: 3.3, depth_mm: 1.5, pattern: 'solid' },
        { radial_position_mm: 63, width_mm: 3.3, depth_mm: 1.5, pattern: 'solid' },
      ],
    },
    context: { material_id: 'spruce_sitka', tool_id: 'flat_3mm', machine_profile_id: 'grbl_hobby_router' },
  },
};

describe('golden G-code', () => {
  for (const [name, { design, context }] of Object.entries(GOLDEN_DESIGNS)) {
    for (const dialect of DIALECTS) {
      test(`${name} in ${dialect} matches golden/${name}.${dialect}.nc`, () => {
        assert.equal(evaluateFeasibility(design, context).risk_bucket, 'GREEN', `golden design ${name} must stay GREEN`);
        const { gcode } = generateToolpaths(approvedSession(design, context), { dialect });
        const file = path.join(GOLDEN_DIR, `${name}.${dialect}.nc`);
        if (UPDATE) writeFileSync(file, gcode);
        assert.equal(gcode, readFileSync(file, 'utf8'));
      });
    }
  }
});
