import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  designRequestSchema,
  feasibilityResultSchema,
  manufacturingContextSchema,
  rosetteDesignSchema,
  transitionRequestSchema,
  workflowSessionSchema,
} from '@luthier/rmos-contracts';

const ring = { radial_position_mm: 50, width_mm: 4, depth_mm: 1.5, pattern: 'solid' };
const design = { outer_diameter_mm: 130, inner_diameter_mm: 88, rings: [ring] };
const context = { material_id: 'maple_hard', tool_id: 'flat_3mm', machine_profile_id: 'grbl_hobby_router' };
const sha = 'a'.repeat(64);

test('a valid design request parses to the same value', () => {
  assert.deepEqual(designRequestSchema.parse({ design, context }), { design, context });
});

test('unknown fields are refused at every level: a client cannot smuggle a verdict in', () => {
  for (const bad of [
    { design, context, feasibility: { risk_bucket: 'GREEN' } },
    { design: { ...design, score: 100 }, context },
    { design: { ...design, rings: [{ ...ring, risk_bucket: 'GREEN' }] }, context },
    { design, context: { ...context, approved: true } },
  ]) {
    assert.equal(designRequestSchema.safeParse(bad).success, false, JSON.stringify(bad));
  }
});

test('every number is finite and bounded', () => {
  for (const value of [NaN, Infinity, -1, 0, 1e9]) {
    assert.equal(rosetteDesignSchema.safeParse({ ...design, outer_diameter_mm: value }).success, false, String(value));
    assert.equal(rosetteDesignSchema.safeParse({ ...design, rings: [{ ...ring, depth_mm: value }] }).success, false, String(value));
  }
  assert.equal(rosetteDesignSchema.safeParse({ ...design, rings: Array(65).fill(ring) }).success, false, 'ring count bounded');
  assert.equal(rosetteDesignSchema.safeParse({ ...design, rings: [] }).success, false, 'at least one ring');
});

test('geometry is consistent: inner below outer, every channel inside the annulus', () => {
  assert.equal(rosetteDesignSchema.safeParse({ ...design, inner_diameter_mm: 130 }).success, false);
  assert.equal(rosetteDesignSchema.safeParse({ ...design, rings: [{ ...ring, radial_position_mm: 64, width_mm: 4 }] }).success, false);
  assert.equal(rosetteDesignSchema.safeParse({ ...design, rings: [{ ...ring, radial_position_mm: 44.5, width_mm: 2 }] }).success, false);
});

test('catalog ids are slugs; unknown-but-well-formed ids pass the schema (feasibility makes them RED)', () => {
  assert.equal(manufacturingContextSchema.safeParse({ ...context, material_id: 'unobtainium' }).success, true);
  for (const id of ['', 'Maple', '../etc', 'a b', 'x'.repeat(65)]) {
    assert.equal(manufacturingContextSchema.safeParse({ ...context, tool_id: id }).success, false, id);
  }
});

test('the feasibility result, session and transition schemas are strict', () => {
  const result = { score: 90, risk_bucket: 'GREEN', warnings: [], rules: [], engine_version: '1.0.0', design_hash: sha, context_hash: sha };
  assert.equal(feasibilityResultSchema.safeParse(result).success, true);
  assert.equal(feasibilityResultSchema.safeParse({ ...result, approved: true }).success, false);
  assert.equal(feasibilityResultSchema.safeParse({ ...result, risk_bucket: 'BLUE' }).success, false);
  assert.equal(transitionRequestSchema.safeParse({ to: 'APPROVED', approver: 'me' }).success, false);
  assert.equal(workflowSessionSchema.safeParse({ session_id: 'ses_x' }).success, false);
});

test('whatever a fuzzer sends, a parsed request never carries a key outside the schema', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })), (extra) => {
      const parsed = designRequestSchema.safeParse({ design, context, ...extra });
      if (parsed.success) assert.deepEqual(Object.keys(parsed.data).sort(), ['context', 'design']);
    }),
  );
});
