import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { getSession, openSession } from '../src/index.js';
import { GREEN, RED } from './designs.js';
import { advisor, approver, auditor, openHarness, operator, type Harness } from './harness.js';

describe('openSession', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
  });
  after(() => h.close());

  test('computes feasibility server-side and stores the session at FEASIBILITY_READY with its history', async () => {
    const session = await openSession(h.deps, RED, operator);
    assert.match(session.session_id, /^ses_[0-9a-f]{32}$/);
    assert.equal(session.state, 'FEASIBILITY_READY');
    assert.deepEqual(session.feasibility, evaluateFeasibility(RED.design, RED.context));
    assert.equal(session.feasibility?.risk_bucket, 'RED');
    assert.equal(session.approval, null);
    assert.equal(session.revision, 0);
    assert.deepEqual(
      session.history.map((h) => [h.from, h.to, h.actor.actor_id]),
      [
        ['DRAFT', 'CONTEXT_READY', operator.actor_id],
        ['CONTEXT_READY', 'FEASIBILITY_REQUESTED', operator.actor_id],
        ['FEASIBILITY_REQUESTED', 'FEASIBILITY_READY', operator.actor_id],
      ],
    );
    assert.deepEqual(await getSession(h.deps, session.session_id), session);
  });

  test('a feasibility, score or risk bucket sent by the client is ignored', async () => {
    const forged = {
      ...RED,
      feasibility: { ...evaluateFeasibility(GREEN.design, GREEN.context) },
      risk_bucket: 'GREEN',
      score: 100,
    };
    const session = await openSession(h.deps, forged, operator);
    assert.equal(session.feasibility?.risk_bucket, 'RED');
    assert.equal(session.feasibility?.design_hash, evaluateFeasibility(RED.design, RED.context).design_hash);
  });

  test('unknown fields inside the design or context are refused with INVALID_REQUEST and nothing is stored', async () => {
    const withExtra = { design: { ...GREEN.design, risk_bucket: 'GREEN' }, context: GREEN.context };
    await assert.rejects(openSession(h.deps, withExtra, operator), { code: 'INVALID_REQUEST', status: 400 });
    await assert.rejects(openSession(h.deps, { design: GREEN.design }, operator), { code: 'INVALID_REQUEST' });
    await assert.rejects(openSession(h.deps, null, operator), { code: 'INVALID_REQUEST' });
  });

  test('only an operator may open a session', async () => {
    for (const actor of [approver, advisor, auditor]) {
      await assert.rejects(openSession(h.deps, GREEN, actor), { code: 'ROLE_FORBIDDEN', status: 403 });
    }
  });

  test('getSession: INVALID_REQUEST for a malformed id, SESSION_NOT_FOUND for an unknown one', async () => {
    await assert.rejects(getSession(h.deps, '../etc/passwd'), { code: 'INVALID_REQUEST', status: 400 });
    await assert.rejects(getSession(h.deps, `ses_${'0'.repeat(32)}`), { code: 'SESSION_NOT_FOUND', status: 404 });
  });
});
