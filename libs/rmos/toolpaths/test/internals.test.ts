import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RosetteDesign } from '@luthier/rmos-contracts';
import { fixed4Mm, pointMm, trimmedMm } from '../src/post/number-format.js';
import { planOperations } from '../src/plan.js';
import { buildProgram } from '../src/program.js';
import { estimateCycleTimeSeconds } from '../src/cycle-time.js';
import type { ToolpathInputs } from '../src/inputs.js';

describe('number formats', () => {
  test('GRBL trims to at most 3 decimals, LinuxCNC prints 4, FANUC always has a decimal point', () => {
    const cases: [number, string, string, string][] = [
      [0, '0', '0.0000', '0.'],
      [10000, '10', '10.0000', '10.'],
      [1500, '1.5', '1.5000', '1.5'],
      [-250, '-0.25', '-0.2500', '-0.25'],
      [-1, '-0.001', '-0.0010', '-0.001'],
      [123456, '123.456', '123.4560', '123.456'],
    ];
    for (const [um, grbl, linuxcnc, fanuc] of cases) {
      assert.equal(trimmedMm(um), grbl);
      assert.equal(fixed4Mm(um), linuxcnc);
      assert.equal(pointMm(um), fanuc);
    }
  });

  test('a non-integer micrometre value is a bug, not something to round silently', () => {
    assert.throws(() => trimmedMm(1.5), RangeError);
  });
});

const inputs = (design: RosetteDesign, over: Partial<ToolpathInputs> = {}): ToolpathInputs => ({
  design,
  tool: { id: 'flat_2mm', diameter_mm: 2 },
  material: { id: 'maple_hard', max_depth_per_pass_mm: 8 },
  machine: { id: 'grbl_hobby_router', safe_z_mm: 5, max_feed_mm_per_min: 5000 },
  cutting: { rpm: 18000, feed_mm_per_min: 2000, plunge_feed_mm_per_min: 600, stepdown_mm: 1, stepover_mm: 0.8 },
  ...over,
});
const oneRing = (width_mm: number, depth_mm: number): RosetteDesign => ({
  outer_diameter_mm: 100,
  inner_diameter_mm: 40,
  rings: [{ radial_position_mm: 30, width_mm, depth_mm, pattern: 'solid' }],
});

describe('operation plan', () => {
  test('passes run from inner+r to outer-r at ≤ the stepover; stepdowns are even and ≤ the limit', () => {
    const ring = planOperations(inputs(oneRing(5, 2.5))).rings[0];
    assert.deepEqual(ring.pass_radii_mm, [28.5, 29.25, 30, 30.75, 31.5]);
    assert.deepEqual(ring.level_depths_mm, [0.833, 1.667, 2.5]);
    assert.equal(ring.passes, 5);
    assert.equal(ring.stepdowns, 3);
    assert.equal(ring.helix_radius_mm, 28.5);
  });

  test('the stepover never exceeds 50% of the tool, even if the cutting parameters ask for more', () => {
    const plan = planOperations(inputs(oneRing(10, 1), { cutting: { rpm: 18000, feed_mm_per_min: 2000, plunge_feed_mm_per_min: 600, stepdown_mm: 1, stepover_mm: 1.9 } }));
    assert.equal(plan.max_stepover_mm, 1);
    const radii = plan.rings[0].pass_radii_mm;
    radii.slice(1).forEach((r, i) => assert.ok(r - radii[i] <= 1 + 1e-12));
  });

  test("the stepdown never exceeds the material's max depth per pass", () => {
    const plan = planOperations(inputs(oneRing(4, 3), { material: { id: 'ebony_african', max_depth_per_pass_mm: 0.7 } }));
    assert.equal(plan.max_stepdown_mm, 0.7);
    assert.deepEqual(plan.rings[0].level_depths_mm, [0.6, 1.2, 1.8, 2.4, 3]);
  });

  test('a channel exactly the tool width is one pass; a narrower one is refused with a typed error', () => {
    assert.deepEqual(planOperations(inputs(oneRing(2, 1))).rings[0].pass_radii_mm, [30]);
    assert.throws(() => planOperations(inputs(oneRing(1.99, 1))), { code: 'CHANNEL_NARROWER_THAN_TOOL', status: 409 });
  });

  test('depths are floored to the 1 µm grid, never rounded past the floor', () => {
    assert.equal(planOperations(inputs(oneRing(4, 1.0004))).rings[0].cut_depth_mm, 1);
    assert.equal(planOperations(inputs(oneRing(4, 1.005))).rings[0].cut_depth_mm, 1.005);
  });

  test('non-finite or zero cutting parameters are refused', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(
        () => planOperations(inputs(oneRing(4, 1), { cutting: { rpm: 18000, feed_mm_per_min: bad, plunge_feed_mm_per_min: 600, stepdown_mm: 1, stepover_mm: 0.8 } })),
        { code: 'INVALID_CUTTING_PARAMETERS', status: 500 },
      );
    }
  });
});

describe('program and cycle time', () => {
  test('the helix turns an even number of half turns and ends where the passes start', () => {
    const program = buildProgram(planOperations(inputs(oneRing(4, 1))));
    const arcs = program.filter((op) => op.op === 'arc');
    const helix = arcs.filter((op) => op.z !== undefined);
    assert.ok(helix.length >= 2 && helix.length % 2 === 0);
    assert.equal(helix.at(-1)!.x, 29000);
    assert.equal(helix.at(-1)!.z, -1000);
  });

  test('the cycle time grows with the work: one ring < two rings, and counts the spindle dwell', () => {
    const one = planOperations(inputs(oneRing(4, 1)));
    const two = planOperations(inputs({ ...oneRing(4, 1), rings: [...oneRing(4, 1).rings, { radial_position_mm: 40, width_mm: 4, depth_mm: 1, pattern: 'solid' }] }));
    const t1 = estimateCycleTimeSeconds(buildProgram(one), 5000);
    const t2 = estimateCycleTimeSeconds(buildProgram(two), 5000);
    assert.ok(t1 > 2 && t2 > t1, `${t1} ${t2}`);
    // One full circle at r = 29 mm at 2000 mm/min takes 2π·29/2000 min ≈ 5.47 s: the ring has ≥ 3 of them.
    assert.ok(t1 > 2 + 3 * ((2 * Math.PI * 29) / 2000) * 60);
  });
});
