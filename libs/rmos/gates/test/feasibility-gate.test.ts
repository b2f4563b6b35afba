import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeasibilityResult, WorkflowSession } from '@luthier/rmos-contracts';
import {
  evaluateFeasibility,
  REFERENCE_GREEN_REQUEST as GREEN,
  REFERENCE_RED_REQUEST as RED,
  REFERENCE_YELLOW_REQUEST as YELLOW,
} from '@luthier/rmos-feasibility';
import { FeasibilityGateError } from '../src/errors.js';
import { feasibilityGate, recomputeFeasibility } from '../src/feasibility-gate.js';

const greenResult = evaluateFeasibility(GREEN.design, GREEN.context);

function gateError(fn: () => unknown): FeasibilityGateError {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof FeasibilityGateError, String(error));
    assert.equal(error.code, 'FEASIBILITY_NOT_GREEN');
    assert.equal(error.status, 409);
    return error;
  }
  assert.fail('the gate let it through');
}

describe('the feasibility gate', () => {
  test('GREEN passes and answers the recomputed result', () => {
    assert.deepEqual(feasibilityGate({ design: GREEN.design, context: GREEN.context }), greenResult);
  });

  test('YELLOW and RED are blocked, carrying the recomputed result', () => {
    for (const [request, bucket] of [
      [YELLOW, 'YELLOW'],
      [RED, 'RED'],
    ] as const) {
      const error = gateError(() => feasibilityGate({ design: request.design, context: request.context }));
      assert.equal(error.feasibility?.risk_bucket, bucket);
      assert.deepEqual(error.feasibility, evaluateFeasibility(request.design, request.context));
    }
  });

  test('never trusts a result passed in: a session claiming GREEN with a RED design is blocked', () => {
    const forged = {
      design: RED.design,
      context: RED.context,
      feasibility: { ...greenResult, score: 100 },
      risk_bucket: 'GREEN',
      score: 100,
    } as unknown as WorkflowSession;
    const error = gateError(() => feasibilityGate(forged));
    assert.equal(error.feasibility?.risk_bucket, 'RED');
    assert.notDeepEqual(error.feasibility, forged.feasibility);
  });

  test('fails closed on what cannot be evaluated: missing or malformed design or context', () => {
    const cases: unknown[] = [
      {},
      null,
      { design: GREEN.design },
      { design: { ...GREEN.design, rings: [] }, context: GREEN.context },
      { design: GREEN.design, context: { ...GREEN.context, tool_id: '../../etc' } },
      { design: { ...GREEN.design, outer_diameter_mm: Number.NaN }, context: GREEN.context },
    ];
    for (const subject of cases) {
      const error = gateError(() => feasibilityGate(subject as WorkflowSession));
      assert.equal(error.feasibility, null);
    }
  });

  test('an unknown material, tool or machine is RED, never GREEN', () => {
    for (const context of [
      { ...GREEN.context, material_id: 'unobtainium' },
      { ...GREEN.context, tool_id: 'flat_99mm' },
      { ...GREEN.context, machine_profile_id: 'cnc_of_theseus' },
    ]) {
      const error = gateError(() => feasibilityGate({ design: GREEN.design, context }));
      assert.equal(error.feasibility?.risk_bucket, 'RED');
    }
  });

  test('recomputeFeasibility answers the server-side result whatever its bucket', () => {
    const result: FeasibilityResult = recomputeFeasibility({ design: YELLOW.design, context: YELLOW.context });
    assert.equal(result.risk_bucket, 'YELLOW');
  });
});
