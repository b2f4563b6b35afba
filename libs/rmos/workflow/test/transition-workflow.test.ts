import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WORKFLOW_STATES, type WorkflowSession, type WorkflowState } from '@luthier/rmos-contracts';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { getSession, openSession, transitionWorkflow, WORKFLOW_TRANSITIONS } from '../src/index.js';
import { GREEN, RED } from './designs.js';
import { advisor, approver, auditor, forge, openHarness, operator, type Harness } from './harness.js';

const RESERVED = new Set<WorkflowState>(['APPROVED', 'TOOLPATHS_REQUESTED', 'TOOLPATHS_READY']);

describe('transitionWorkflow', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
  });
  after(() => h.close());

  /** A session placed in `state` directly in the store (the use cases cannot reach every state from an open session). */
  async function sessionIn(state: WorkflowState): Promise<WorkflowSession> {
    const opened = await openSession(h.deps, GREEN, operator);
    return state === opened.state ? opened : forge(h.deps, opened, { state });
  }

  for (const from of WORKFLOW_STATES) {
    for (const to of WORKFLOW_STATES) {
      const legal = WORKFLOW_TRANSITIONS[from].includes(to);
      if (!legal && (from.charCodeAt(0) + to.charCodeAt(1)) % 3 !== 0) continue; // every legal pair, a sample of illegal ones
      const expected = !legal ? 'INVALID_TRANSITION' : RESERVED.has(to) ? 'TRANSITION_RESERVED' : 'OK';
      test(`${from} → ${to}: ${expected}`, async () => {
        const session = await sessionIn(from);
        const attempt = transitionWorkflow(h.deps, { session_id: session.session_id, to, reason: 'test' }, operator);
        if (expected !== 'OK') {
          await assert.rejects(attempt, { code: expected, status: 409 });
          assert.deepEqual(await getSession(h.deps, session.session_id), session);
          return;
        }
        const next = await attempt;
        assert.equal(next.state, to);
        assert.equal(next.revision, session.revision + 1);
        assert.deepEqual(next.history.at(-1), { from, to, actor: operator, at: next.updated_at, reason: 'test' });
        assert.deepEqual(await getSession(h.deps, session.session_id), next);
      });
    }
  }

  test('an invalid transition names from, to and the allowed targets', async () => {
    const session = await sessionIn('DRAFT');
    await assert.rejects(transitionWorkflow(h.deps, { session_id: session.session_id, to: 'TOOLPATHS_READY' }, operator), (error: unknown) => {
      const e = error as { code: string; from: string; to: string; allowed: string[]; message: string };
      assert.equal(e.code, 'INVALID_TRANSITION');
      assert.equal(e.from, 'DRAFT');
      assert.equal(e.to, 'TOOLPATHS_READY');
      assert.deepEqual(e.allowed, ['CONTEXT_READY', 'ARCHIVED']);
      return true;
    });
  });

  test('entering FEASIBILITY_READY recomputes feasibility; entering DRAFT clears it', async () => {
    const opened = await openSession(h.deps, RED, operator);
    const forged = await forge(h.deps, opened, { state: 'FEASIBILITY_REQUESTED', feasibility: null });
    const ready = await transitionWorkflow(h.deps, { session_id: forged.session_id, to: 'FEASIBILITY_READY' }, operator);
    assert.deepEqual(ready.feasibility, evaluateFeasibility(RED.design, RED.context));
    const revision = await transitionWorkflow(h.deps, { session_id: ready.session_id, to: 'DESIGN_REVISION_REQUIRED' }, approver);
    const draft = await transitionWorkflow(h.deps, { session_id: revision.session_id, to: 'DRAFT' }, operator);
    assert.equal(draft.feasibility, null);
    assert.equal(draft.approval, null);
  });

  test('an approver may transition; the advisor and auditor may not, and nothing changes', async () => {
    const session = await sessionIn('FEASIBILITY_READY');
    for (const actor of [advisor, auditor]) {
      await assert.rejects(transitionWorkflow(h.deps, { session_id: session.session_id, to: 'ARCHIVED' }, actor), { code: 'ROLE_FORBIDDEN', status: 403 });
    }
    assert.deepEqual(await getSession(h.deps, session.session_id), session);
    assert.equal((await transitionWorkflow(h.deps, { session_id: session.session_id, to: 'ARCHIVED' }, approver)).state, 'ARCHIVED');
  });

  test('bad requests: INVALID_REQUEST (400); unknown session: SESSION_NOT_FOUND (404)', async () => {
    const session = await sessionIn('FEASIBILITY_READY');
    for (const body of [
      { session_id: session.session_id, to: 'SHIPPED' },
      { session_id: session.session_id, to: 'ARCHIVED', feasibility: {} },
      { session_id: session.session_id },
      { to: 'ARCHIVED' },
    ]) {
      await assert.rejects(transitionWorkflow(h.deps, body, operator), { code: 'INVALID_REQUEST', status: 400 });
    }
    await assert.rejects(transitionWorkflow(h.deps, { session_id: `ses_${'e'.repeat(32)}`, to: 'ARCHIVED' }, operator), {
      code: 'SESSION_NOT_FOUND',
      status: 404,
    });
    assert.deepEqual(await getSession(h.deps, session.session_id), session);
  });

  test('concurrent transitions from the same revision: one wins, the other gets a conflict or a refusal', async () => {
    const session = await sessionIn('FEASIBILITY_READY');
    const outcomes = await Promise.allSettled([
      transitionWorkflow(h.deps, { session_id: session.session_id, to: 'REJECTED' }, operator),
      transitionWorkflow(h.deps, { session_id: session.session_id, to: 'DESIGN_REVISION_REQUIRED' }, operator),
    ]);
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    assert.equal(won.length, 1);
    const stored = await getSession(h.deps, session.session_id);
    assert.equal(stored.revision, session.revision + 1);
    assert.equal(stored.history.length, session.history.length + 1);
  });
});
