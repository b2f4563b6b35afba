import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { manufacturingContextSchema, RING_PATTERNS, rosetteDesignSchema } from '@luthier/rmos-contracts';
import { REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { formatIssues } from './errors.js';
import { compiledContextSchema, compiledDesignSchema } from './input-schemas.js';

/** What evaluateFeasibility takes from a parse: success, the data, and the issues it reports. */
const outcome = (r: ReturnType<typeof rosetteDesignSchema.safeParse> | ReturnType<typeof manufacturingContextSchema.safeParse>) =>
  r.success ? { data: r.data } : { issues: formatIssues(r.error) };

const assertSame = (value: unknown) => {
  assert.deepEqual(outcome(compiledDesignSchema.safeParse(value)), outcome(rosetteDesignSchema.safeParse(value)));
  assert.deepEqual(outcome(compiledContextSchema.safeParse(value)), outcome(manufacturingContextSchema.safeParse(value)));
};

const num = fc.oneof(fc.double(), fc.integer({ min: -10, max: 500 }), fc.constantFrom(0, -0, 0.05, 0.1, 0.5, 5, 20, 50, 200, 400, NaN, Infinity));
const ring = fc.record(
  { radial_position_mm: num, width_mm: num, depth_mm: num, pattern: fc.oneof(fc.constantFrom(...RING_PATTERNS), fc.string()), extra: fc.anything() },
  { requiredKeys: [] },
);
const design = fc.record(
  { outer_diameter_mm: num, inner_diameter_mm: num, rings: fc.oneof(fc.array(ring, { maxLength: 70 }), fc.anything()), score: fc.anything() },
  { requiredKeys: [] },
);
/** Designs that mostly pass: rings laid out from the soundhole outwards. */
const laidOut = fc
  .record({
    inner: fc.double({ min: 0, max: 100, noNaN: true }),
    rings: fc.array(fc.record({ gap: fc.double({ min: 0, max: 3, noNaN: true }), width_mm: fc.double({ min: 0.1, max: 6, noNaN: true }), depth_mm: fc.double({ min: 0.05, max: 20, noNaN: true }), pattern: fc.constantFrom(...RING_PATTERNS) }), { minLength: 1, maxLength: 64 }),
  })
  .map(({ inner, rings }) => {
    let edge = inner / 2;
    const built = rings.map(({ gap, width_mm, depth_mm, pattern }) => {
      const start = edge + gap;
      edge = start + width_mm;
      return { radial_position_mm: start + width_mm / 2, width_mm, depth_mm, pattern };
    });
    return { outer_diameter_mm: Math.min(400, 2 * edge + 1), inner_diameter_mm: inner, rings: built };
  });
const id = fc.oneof(fc.constantFrom('maple_hard', 'flat_3mm', 'a', 'Maple', '', '../x', 'x'.repeat(65)), fc.string(), fc.anything());
const context = fc.record({ material_id: id, tool_id: id, machine_profile_id: id, approved: fc.boolean() }, { requiredKeys: [] });

test('the compiled schemas are in use (zod could compile them)', () => {
  assert.notEqual(compiledDesignSchema, rosetteDesignSchema);
  assert.notEqual(compiledContextSchema, manufacturingContextSchema);
});

test('property: the compiled schemas accept, return and refuse exactly what the contract schemas do', () => {
  fc.assert(fc.property(fc.oneof(laidOut, design, context, fc.anything()), assertSame), { numRuns: 3000 });
});

test('valid designs near every bound parse to the same data; each bound still refuses', () => {
  const { design: d, context: c } = REFERENCE_GREEN_REQUEST;
  const r = d.rings[0];
  const cases: unknown[] = [
    d,
    c,
    { ...d, inner_diameter_mm: -0 },
    { ...d, inner_diameter_mm: 0, rings: [{ ...r, radial_position_mm: 0.5, width_mm: 0.1, depth_mm: 0.05 }] },
    { ...d, rings: [{ ...r, depth_mm: 20 }] },
    { ...d, rings: [{ ...r, depth_mm: 20.000000000000004 }] },
    { ...d, rings: Array(64).fill(r) },
    { ...d, rings: Array(65).fill(r) },
    { ...d, rings: [] },
    { ...d, outer_diameter_mm: 400.00000000000006 },
    { ...d, inner_diameter_mm: d.outer_diameter_mm },
    { ...d, rings: [{ ...r, radial_position_mm: 64.5 }] },
    // Inherited enumerable keys are unknown keys to both (for...in sees them).
    Object.assign(Object.create({ score: 100 }), d),
    Object.assign(Object.create({ approved: true }), c),
    JSON.parse(`{"__proto__":{"x":1},"material_id":"maple_hard","tool_id":"flat_3mm","machine_profile_id":"grbl_hobby_router"}`),
    { ...c, tool_id: 'flat_3mm\n' },
    [c],
    null,
    undefined,
  ];
  for (const value of cases) assertSame(value);
});
