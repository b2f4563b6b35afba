// Holds the rule table and catalogs to the version the engine registry declares:
// changing a threshold, weight, pattern factor or catalog figure without a version bump fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, checkTableHash } from '@luthier/rmos-engines';
import { FEASIBILITY_RULE_TABLE, catalogData } from '@luthier/rmos-feasibility';

test(`the feasibility rule table hashes to the registry's rule_table_sha256 for version ${ENGINES.feasibility.version}`, () => {
  const check = checkTableHash('feasibility rule table', FEASIBILITY_RULE_TABLE, ENGINES.feasibility.rule_table_sha256);
  assert.ok(check.ok, check.ok ? '' : check.message);
});

test(`the catalogs hash to the registry's catalogs_sha256 for version ${ENGINES.feasibility.version}`, () => {
  const check = checkTableHash('feasibility catalogs', catalogData(), ENGINES.feasibility.catalogs_sha256);
  assert.ok(check.ok, check.ok ? '' : check.message);
});

test('a changed threshold, weight or pattern factor no longer matches the declared hash', () => {
  const declared = ENGINES.feasibility.rule_table_sha256;
  const copy = () => structuredClone(FEASIBILITY_RULE_TABLE) as unknown as {
    rules: { thresholds: Record<string, unknown>; weight: number }[];
    pattern_heat_factors: Record<string, number>;
    cutting_policy: Record<string, number>;
  };
  const threshold = copy();
  threshold.rules[5].thresholds.red_below = 0.99;
  const weight = copy();
  weight.rules[0].weight += 1;
  const factor = copy();
  factor.pattern_heat_factors.herringbone = 2.5;
  const policy = copy();
  policy.cutting_policy.stepover_diameter_factor = 0.5;
  for (const changed of [threshold, weight, factor, policy]) assert.equal(checkTableHash('t', changed, declared).ok, false);
  assert.equal(checkTableHash('t', copy(), declared).ok, true, 'an unchanged copy still matches');
});
