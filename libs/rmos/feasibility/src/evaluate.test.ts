import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { feasibilityResultSchema, type ManufacturingContext } from '@luthier/rmos-contracts';
import { canonicalJson, hasCanonicalShape, hashCanonical } from '@luthier/shared-hashing';
import {
  evaluateFeasibility,
  FeasibilityInputError,
  REFERENCE_GREEN_REQUEST,
  REFERENCE_RED_REQUEST,
  REFERENCE_YELLOW_REQUEST,
  FEASIBILITY_RULES,
  manyRingRequest,
} from '@luthier/rmos-feasibility';
import { CALCULATORS } from './rules/calculators.js';
import { evaluateVariant } from './test-support.js';
import { integrityProblems } from './integrity.js';

const ruleIds = FEASIBILITY_RULES.map((r) => r.id);

describe('reference requests', () => {
  test('GREEN: every rule GREEN, score 100, no warnings, hashes of the inputs', () => {
    const r = evaluateFeasibility(REFERENCE_GREEN_REQUEST.design, REFERENCE_GREEN_REQUEST.context);
    assert.equal(r.risk_bucket, 'GREEN');
    assert.deepEqual(r.rules.map((v) => v.verdict), ruleIds.map(() => 'GREEN'));
    assert.equal(r.score, 100);
    assert.deepEqual(r.warnings, []);
    assert.equal(r.design_hash, hashCanonical(REFERENCE_GREEN_REQUEST.design));
    assert.equal(r.context_hash, hashCanonical(REFERENCE_GREEN_REQUEST.context));
    assert.deepEqual(feasibilityResultSchema.parse(r), r);
  });
  test('YELLOW: only F006 in caution, the score is high and still not GREEN', () => {
    const r = evaluateFeasibility(REFERENCE_YELLOW_REQUEST.design, REFERENCE_YELLOW_REQUEST.context);
    assert.equal(r.risk_bucket, 'YELLOW');
    assert.deepEqual(r.rules.filter((v) => v.verdict !== 'GREEN').map((v) => `${v.rule_id}:${v.verdict}`), ['F006:YELLOW']);
    assert.ok(r.score > 90, `score ${r.score}`);
    assert.equal(r.warnings.length, 1);
    assert.match(r.warnings[0], /^F006 channel_width_to_tool_ratio: /);
  });
  test('RED: the 6 mm cutter does not fit the 4 mm channels; one RED rule decides even with a high score', () => {
    const r = evaluateFeasibility(REFERENCE_RED_REQUEST.design, REFERENCE_RED_REQUEST.context);
    assert.equal(r.risk_bucket, 'RED');
    assert.deepEqual(r.rules.filter((v) => v.verdict !== 'GREEN').map((v) => `${v.rule_id}:${v.verdict}`), ['F006:RED']);
    assert.ok(r.score > 80, `score ${r.score}`);
  });
  test('manyRingRequest builds valid designs of the asked size (the benchmark inputs)', () => {
    for (const n of [1, 3, 40, 64]) {
      const { design, context } = manyRingRequest(n);
      const r = evaluateFeasibility(design, context);
      assert.equal(design.rings.length, n);
      assert.equal(r.rules.length, FEASIBILITY_RULES.length);
      assert.equal(r.rules.find((v) => v.rule_id === 'F013')!.verdict, 'GREEN');
    }
  });
  test('the fixtures are frozen so a test elsewhere cannot change them for everyone', () => {
    assert.ok(Object.isFrozen(REFERENCE_GREEN_REQUEST.design.rings[0]));
  });
});

describe('unknown catalog ids are RED, never "unknown, so fine"', () => {
  const cases: [string, ManufacturingContext][] = [
    ['material', { ...REFERENCE_GREEN_REQUEST.context, material_id: 'balsa' }],
    ['tool', { ...REFERENCE_GREEN_REQUEST.context, tool_id: 'flat_9mm' }],
    ['machine', { ...REFERENCE_GREEN_REQUEST.context, machine_profile_id: 'haas_vf2' }],
    ['prototype-named tool', { ...REFERENCE_GREEN_REQUEST.context, tool_id: 'constructor' }],
    ['all three', { material_id: 'x', tool_id: 'y', machine_profile_id: 'z' }],
  ];
  for (const [label, context] of cases) {
    test(`unknown ${label}`, () => {
      const r = evaluateFeasibility(REFERENCE_GREEN_REQUEST.design, context);
      assert.equal(r.risk_bucket, 'RED');
      const f013 = r.rules.find((v) => v.rule_id === 'F013')!;
      assert.equal(f013.verdict, 'RED');
      assert.ok((f013.value ?? 0) >= 1);
      for (const v of r.rules.filter((v) => CALCULATORS[v.rule_id as keyof typeof CALCULATORS].needs_catalogs)) {
        assert.equal(v.verdict, 'RED', v.rule_id);
        assert.equal(v.value, null, v.rule_id);
      }
      assert.ok(r.warnings.some((w) => w.startsWith('F013')));
      assert.ok(r.score < 50, `score ${r.score}`);
      assert.deepEqual(feasibilityResultSchema.parse(r), r);
    });
  }
});

describe('a failing calculator is RED for its rule and the result (injected, not edited into the table)', () => {
  const failing = {
    throws: () => {
      throw new Error('boom');
    },
    NaN: () => ({ value: Number.NaN, detail: '' }),
    Infinity: () => ({ value: Number.POSITIVE_INFINITY, detail: '' }),
    'a non-number': () => ({ value: '1' as unknown as number, detail: '' }),
    nothing: () => undefined as unknown as { value: number; detail: string },
  };
  for (const [label, compute] of Object.entries(failing)) {
    for (const ruleId of ['F002', 'F003'] as const) {
      test(`${ruleId} calculator that gives ${label}`, () => {
        const r = evaluateVariant({
          env: { calculators: { ...CALCULATORS, [ruleId]: { needs_catalogs: ruleId === 'F003', compute } } },
        });
        const v = r.rules.find((x) => x.rule_id === ruleId)!;
        assert.equal(v.verdict, 'RED');
        assert.equal(v.value, null);
        assert.match(v.message, /not computed/);
        assert.equal(r.risk_bucket, 'RED');
        assert.equal(r.rules.filter((x) => x.verdict !== 'GREEN').length, 1, 'the other rules are unaffected');
      });
    }
  }
  test('a rule with no calculator at all is RED', () => {
    const { F004: _dropped, ...rest } = CALCULATORS;
    const r = evaluateVariant({ env: { calculators: rest } });
    assert.equal(r.rules.find((x) => x.rule_id === 'F004')!.verdict, 'RED');
    assert.equal(r.risk_bucket, 'RED');
  });
  test('a band rule whose calculator gives no range is RED', () => {
    const r = evaluateVariant({ env: { calculators: { ...CALCULATORS, F001: { needs_catalogs: false, compute: () => ({ value: 0.05, detail: '' }) } } } });
    assert.equal(r.rules.find((x) => x.rule_id === 'F001')!.verdict, 'RED');
  });
  test('an empty rule table is RED, not vacuously GREEN', () => {
    const r = evaluateVariant({ env: { rules: [] } });
    assert.equal(r.risk_bucket, 'RED');
  });
});

describe('engine integrity', () => {
  test('a rule table or catalog that does not match the registry makes every result RED with score 0', () => {
    const r = evaluateVariant({ env: { integrityProblems: ['feasibility rule table does not match'] } });
    assert.equal(r.risk_bucket, 'RED');
    assert.equal(r.score, 0);
    assert.equal(r.warnings[0], 'feasibility rule table does not match');
  });
  test('integrityProblems compares the declared and actual hashes', () => {
    const a = { rule_table_sha256: 'a'.repeat(64), catalogs_sha256: 'b'.repeat(64) };
    assert.deepEqual(integrityProblems(a, a), []);
    assert.equal(integrityProblems(a, { ...a, rule_table_sha256: 'c'.repeat(64) }).length, 1);
    assert.equal(integrityProblems(a, { ...a, catalogs_sha256: 'c'.repeat(64) }).length, 1);
    assert.deepEqual(integrityProblems(), [], 'the shipped build matches its registry entry');
  });
});

describe('invalid input is a typed error, never a result', () => {
  const { design, context } = REFERENCE_GREEN_REQUEST;
  const bad: [string, unknown, unknown][] = [
    ['a NaN diameter', { ...design, outer_diameter_mm: Number.NaN }, context],
    ['an unknown design field', { ...design, risk_bucket: 'GREEN' }, context],
    ['inner ≥ outer', { ...design, inner_diameter_mm: 130 }, context],
    ['no rings', { ...design, rings: [] }, context],
    ['a ring outside the rosette', { ...design, rings: [{ ...design.rings[0], radial_position_mm: 90 }] }, context],
    ['an unknown context field', design, { ...context, feasibility: { risk_bucket: 'GREEN' } }],
    ['a context id that is not a slug', design, { ...context, tool_id: '__proto__' }],
    ['null', null, null],
  ];
  for (const [label, d, c] of bad) {
    test(label, () => {
      assert.throws(
        () => evaluateFeasibility(d as never, c as never),
        (e: unknown) => e instanceof FeasibilityInputError && e.code === 'FEASIBILITY_INPUT_INVALID' && e.status === 400 && e.issues.length > 0,
      );
    });
  }
});

test('a result is built in canonical key order, so that hashing it takes the native encoder, and hashes the same as when its keys are not', () => {
  for (const request of [REFERENCE_GREEN_REQUEST, REFERENCE_YELLOW_REQUEST, REFERENCE_RED_REQUEST]) {
    const result = evaluateFeasibility(request.design, request.context);
    assert.equal(hasCanonicalShape(result), true);
    const reordered = Object.fromEntries(Object.entries({ ...result, rules: result.rules.map((r) => Object.fromEntries(Object.entries(r).reverse())) }).reverse());
    assert.equal(hasCanonicalShape(reordered), false);
    assert.equal(canonicalJson(reordered), canonicalJson(result));
  }
});
