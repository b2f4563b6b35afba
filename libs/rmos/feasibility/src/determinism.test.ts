import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { feasibilityResultSchema, RING_PATTERNS, type Ring } from '@luthier/rmos-contracts';
import { canonicalJson, hashCanonical } from '@luthier/shared-hashing';
import { canonicalContextJson, canonicalDesignBytes, canonicalDesignJson } from './input-hash.js';
import { catalogs, evaluateFeasibility } from '@luthier/rmos-feasibility';

const ids = (m: ReadonlyMap<string, unknown>, unknown: string) => fc.constantFrom(...m.keys(), unknown);

const arbRequest = fc
  .record({
    innerRadius: fc.double({ min: 0, max: 60, noNaN: true }),
    rings: fc.array(
      fc.record({
        gap: fc.double({ min: 0, max: 5, noNaN: true }),
        width_mm: fc.double({ min: 0.1, max: 8, noNaN: true }),
        depth_mm: fc.double({ min: 0.05, max: 20, noNaN: true }),
        pattern: fc.constantFrom(...RING_PATTERNS),
      }),
      { minLength: 1, maxLength: 40 },
    ),
    margin: fc.double({ min: 0, max: 10, noNaN: true }),
    material_id: ids(catalogs.materials, 'balsa'),
    tool_id: ids(catalogs.tools, 'flat_9mm'),
    machine_profile_id: ids(catalogs.machines, 'haas_vf2'),
  })
  .map(({ innerRadius, rings, margin, material_id, tool_id, machine_profile_id }) => {
    let edge = innerRadius;
    const built: Ring[] = rings.map(({ gap, width_mm, depth_mm, pattern }) => {
      const start = edge + gap;
      edge = start + width_mm;
      return { radial_position_mm: Math.max(0.5, start + width_mm / 2), width_mm, depth_mm, pattern };
    });
    return {
      design: { outer_diameter_mm: Math.min(400, 2 * (edge + margin) + 1), inner_diameter_mm: 2 * innerRadius, rings: built },
      context: { material_id, tool_id, machine_profile_id },
    };
  })
  .filter(({ design }) => design.outer_diameter_mm >= 5 && design.rings.every((r) => r.radial_position_mm + r.width_mm / 2 <= design.outer_diameter_mm / 2 && r.radial_position_mm <= 200 && r.radial_position_mm - r.width_mm / 2 >= design.inner_diameter_mm / 2));

/** The same value with every object's keys in reverse insertion order. */
const reverseKeys = <T>(value: T): T =>
  JSON.parse(JSON.stringify(value), (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v));

test('property: the same input gives byte-identical canonical output, whatever the key order', () => {
  fc.assert(
    fc.property(arbRequest, ({ design, context }) => {
      const first = canonicalJson(evaluateFeasibility(design, context));
      assert.equal(canonicalJson(evaluateFeasibility(structuredClone(design), structuredClone(context))), first);
      assert.equal(canonicalJson(evaluateFeasibility(reverseKeys(design), reverseKeys(context))), first);
    }),
    { numRuns: 200 },
  );
});

test('property: the result is schema-valid and its bucket follows the verdicts, never the score', () => {
  fc.assert(
    fc.property(arbRequest, ({ design, context }) => {
      const r = evaluateFeasibility(design, context);
      assert.deepEqual(feasibilityResultSchema.parse(r), r);
      const verdicts = new Set(r.rules.map((v) => v.verdict));
      const expected = verdicts.has('RED') ? 'RED' : verdicts.has('YELLOW') ? 'YELLOW' : 'GREEN';
      assert.equal(r.risk_bucket, expected);
      if (r.rules.some((v) => v.value === null)) assert.equal(r.risk_bucket, 'RED');
      if (r.risk_bucket === 'GREEN') assert.equal(r.score, 100);
      assert.equal(r.warnings.length, r.rules.filter((v) => v.verdict !== 'GREEN').length);
    }),
    { numRuns: 200 },
  );
});

test('property: the design and context hashes are hashCanonical of the inputs (the fast encoder is byte-identical)', () => {
  fc.assert(
    fc.property(arbRequest, fc.constantFrom(0, -0), ({ design, context }, zero) => {
      const withZero = { ...design, inner_diameter_mm: design.inner_diameter_mm === 0 ? zero : design.inner_diameter_mm };
      assert.equal(canonicalDesignJson(withZero), canonicalJson(withZero));
      assert.equal(new TextDecoder().decode(canonicalDesignBytes(withZero)), canonicalJson(withZero));
      assert.equal(canonicalContextJson(context), canonicalJson(context));
      const r = evaluateFeasibility(withZero, context);
      assert.equal(r.design_hash, hashCanonical(design));
      assert.equal(r.context_hash, hashCanonical(context));
    }),
    { numRuns: 200 },
  );
});

test('property: canonicalContextJson is canonicalJson for any id strings, slugs or not', () => {
  const id = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9_.-]*$/), fc.string({ unit: 'binary' }));
  fc.assert(
    fc.property(id, id, id, (material_id, tool_id, machine_profile_id) => {
      const context = { material_id, tool_id, machine_profile_id };
      assert.equal(canonicalContextJson(context), canonicalJson(context));
    }),
  );
});

test('property: the order of the rings changes no verdict, value or message (only the design hash)', () => {
  fc.assert(
    fc.property(arbRequest, fc.nat(), ({ design, context }, seed) => {
      const rings = [...design.rings];
      // A seeded shuffle, and a duplicated ring, so the summary's out-of-order path is taken too.
      for (let i = rings.length - 1; i > 0; i--) {
        const j = (seed + i * 7919) % (i + 1);
        [rings[i], rings[j]] = [rings[j], rings[i]];
      }
      const shuffled = { ...design, rings: seed % 3 === 0 ? [...rings, rings[0]] : rings };
      const a = evaluateFeasibility(seed % 3 === 0 ? { ...design, rings: [...design.rings, rings[0]] } : design, context);
      const b = evaluateFeasibility(shuffled, context);
      assert.deepEqual({ ...b, design_hash: '' }, { ...a, design_hash: '' });
    }),
    { numRuns: 200 },
  );
});

test('canonicalDesignBytes grows its buffer for any ring count and leaves a pattern outside the contract to the string encoder', () => {
  const ring = { radial_position_mm: 100.30000000000001, width_mm: 0.30000000000000004, depth_mm: 1e-7, pattern: 'solid' as const };
  const design = { outer_diameter_mm: 399.99999999999994, inner_diameter_mm: 0.1, rings: Array(500).fill(ring) };
  assert.equal(new TextDecoder().decode(canonicalDesignBytes(design)), canonicalJson(design));
  assert.equal(canonicalDesignBytes({ ...design, rings: [{ ...ring, pattern: 'zigzag' as 'solid' }] }), undefined);
});
