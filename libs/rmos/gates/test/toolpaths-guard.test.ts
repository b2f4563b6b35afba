import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WORKFLOW_STATES, type WorkflowSession } from '@luthier/rmos-contracts';
import { evaluateFeasibility, REFERENCE_GREEN_REQUEST as GREEN } from '@luthier/rmos-feasibility';
import { hashCanonical } from '@luthier/shared-hashing';
import { assertApprovalMatches, assertApprovedForToolpaths } from '../src/toolpaths-guard.js';

const feasibility = evaluateFeasibility(GREEN.design, GREEN.context);
const approval = {
  approved_by: { actor_id: 'appr-1', role: 'approver' as const },
  approved_at: '2026-01-01T12:00:00.000Z',
  feasibility_hash: hashCanonical(feasibility),
};

describe('the approved-for-toolpaths guard', () => {
  test('passes an APPROVED session approved by an approver', () => {
    assert.doesNotThrow(() => assertApprovedForToolpaths({ state: 'APPROVED', approval }));
  });

  test('refuses every other state, SESSION_NOT_APPROVED (409)', () => {
    for (const state of WORKFLOW_STATES.filter((s) => s !== 'APPROVED')) {
      assert.throws(() => assertApprovedForToolpaths({ state, approval }), { code: 'SESSION_NOT_APPROVED', status: 409, state });
    }
    assert.throws(() => assertApprovedForToolpaths({ state: 'approved' as WorkflowSession['state'], approval }), { code: 'SESSION_NOT_APPROVED' });
  });

  test('refuses an APPROVED state without a valid approval by the approver role', () => {
    for (const bad of [
      null,
      {},
      { ...approval, approved_by: { actor_id: 'ai', role: 'advisor' } },
      { ...approval, approved_by: { actor_id: 'op', role: 'operator' } },
      { ...approval, feasibility_hash: 'GREEN' },
    ]) {
      assert.throws(() => assertApprovedForToolpaths({ state: 'APPROVED', approval: bad as WorkflowSession['approval'] }), {
        code: 'SESSION_NOT_APPROVED',
      });
    }
  });

  test('assertApprovalMatches: the approval must be for the result recomputed now (APPROVAL_STALE otherwise)', () => {
    assert.doesNotThrow(() => assertApprovalMatches({ approval }, feasibility));
    assert.throws(() => assertApprovalMatches({ approval }, { ...feasibility, engine_version: '9.9.9' }), { code: 'APPROVAL_STALE', status: 409 });
    assert.throws(() => assertApprovalMatches({ approval: null }, feasibility), { code: 'APPROVAL_STALE' });
  });
});
