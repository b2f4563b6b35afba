import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor, RunArtifact } from '@luthier/rmos-contracts';
import { ENGINES } from '@luthier/rmos-engines';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { RunStoreFullError } from '@luthier/rmos-runs';
import { hashCanonical } from '@luthier/shared-hashing';
import { approveWorkflow, getSession, openSession, WorkflowActionError } from '../src/index.js';
import { GREEN, RED, YELLOW } from './designs.js';
import { advisor, approver, auditor, failingArtifacts, forge, openHarness, operator, type Harness } from './harness.js';

/** Runs an attempt expected to be refused; answers the error and the artifact it left. */
async function refused(h: Harness, attempt: Promise<unknown>): Promise<{ error: WorkflowActionError; artifact: RunArtifact }> {
  const error = await attempt.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WorkflowActionError, `expected WorkflowActionError, got ${String(error)}`);
  const artifact = await h.stores.runs.get(error.run_id);
  assert.ok(artifact, 'the refusal names a stored artifact');
  assert.equal(artifact.status, error.run_status);
  return { error, artifact };
}

describe('approveWorkflow', () => {
  let h: Harness;
  before(async () => {
    h = await openHarness();
  });
  after(() => h.close());

  test('GREEN: approves, names the approver and the feasibility hash, and records an OK artifact', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const result = await approveWorkflow(h.deps, { session_id: opened.session_id }, approver);
    const recomputed = evaluateFeasibility(GREEN.design, GREEN.context);
    assert.equal(result.status, 'OK');
    assert.equal(result.session.state, 'APPROVED');
    assert.deepEqual(result.feasibility, recomputed);
    assert.deepEqual(result.session.approval?.approved_by, approver);
    assert.equal(result.session.approval?.feasibility_hash, hashCanonical(recomputed));
    assert.equal(result.session.revision, opened.revision + 1);
    assert.deepEqual(result.session.history.at(-1), { from: 'FEASIBILITY_READY', to: 'APPROVED', actor: approver, at: result.session.updated_at });
    assert.deepEqual(await getSession(h.deps, opened.session_id), result.session);

    const artifact = await h.stores.runs.get(result.run_id);
    assert.ok(artifact);
    assert.equal(artifact.kind, 'approval');
    assert.equal(artifact.status, 'OK');
    assert.equal(artifact.reason, null);
    assert.equal(artifact.session_id, opened.session_id);
    assert.deepEqual(artifact.actor, approver);
    assert.deepEqual(artifact.versions, { feasibility: ENGINES.feasibility.version });
    assert.deepEqual((artifact.request as { design: unknown }).design, GREEN.design);
    assert.equal((artifact.output as { state: string }).state, 'APPROVED');
    assert.equal(artifact.request_hash, hashCanonical(artifact.request));
  });

  for (const [bucket, request, next] of [
    ['YELLOW', YELLOW, 'DESIGN_REVISION_REQUIRED'],
    ['RED', RED, 'REJECTED'],
  ] as const) {
    test(`${bucket}: refused FEASIBILITY_NOT_GREEN (409), session → ${next}, BLOCKED artifact`, async () => {
      const opened = await openSession(h.deps, request, operator);
      const { error, artifact } = await refused(h, approveWorkflow(h.deps, { session_id: opened.session_id }, approver));
      assert.equal(error.code, 'FEASIBILITY_NOT_GREEN');
      assert.equal(error.status, 409);
      assert.equal(error.run_status, 'BLOCKED');
      assert.equal(error.feasibility?.risk_bucket, bucket);
      assert.equal(error.session?.state, next);
      const stored = await getSession(h.deps, opened.session_id);
      assert.equal(stored.state, next);
      assert.equal(stored.approval, null);
      assert.equal(stored.history.at(-1)?.to, next);
      assert.equal(artifact.kind, 'approval');
      assert.equal(artifact.status, 'BLOCKED');
      assert.match(artifact.reason ?? '', /^FEASIBILITY_NOT_GREEN/);
      assert.deepEqual(artifact.actor, approver);
      assert.equal(artifact.session_id, opened.session_id);
      // the high score of the RED design changes nothing: the bucket alone decides
      if (bucket === 'RED') assert.ok(evaluateFeasibility(RED.design, RED.context).score > 80);
      // asking again does not help
      const again = await refused(h, approveWorkflow(h.deps, { session_id: opened.session_id }, approver));
      assert.equal(again.error.code, 'INVALID_TRANSITION');
      assert.equal((await getSession(h.deps, opened.session_id)).state, next);
    });
  }

  test('a forged GREEN feasibility on a RED design is ignored: recomputed, refused, rejected', async () => {
    const opened = await openSession(h.deps, RED, operator);
    const green = evaluateFeasibility(GREEN.design, GREEN.context);
    // the stored result claims GREEN with this design's own hashes
    await forge(h.deps, opened, { feasibility: { ...green, design_hash: opened.feasibility!.design_hash, context_hash: opened.feasibility!.context_hash } });
    const { error, artifact } = await refused(h, approveWorkflow(h.deps, { session_id: opened.session_id }, approver));
    assert.equal(error.code, 'FEASIBILITY_NOT_GREEN');
    assert.equal(error.feasibility?.risk_bucket, 'RED');
    assert.equal((await getSession(h.deps, opened.session_id)).state, 'REJECTED');
    assert.equal(artifact.status, 'BLOCKED');
  });

  test('a feasibility object passed with the request is refused, never used', async () => {
    const opened = await openSession(h.deps, RED, operator);
    const green = evaluateFeasibility(GREEN.design, GREEN.context);
    const { error, artifact } = await refused(h, approveWorkflow(h.deps, { session_id: opened.session_id, feasibility: green }, approver));
    assert.equal(error.code, 'INVALID_REQUEST');
    assert.equal(artifact.status, 'BLOCKED');
    assert.equal((await getSession(h.deps, opened.session_id)).state, 'FEASIBILITY_READY');
  });

  for (const actor of [advisor, operator, auditor]) {
    test(`the ${actor.role} role cannot approve: ROLE_FORBIDDEN (403), BLOCKED artifact naming it, session unchanged`, async () => {
      const opened = await openSession(h.deps, GREEN, operator);
      const { error, artifact } = await refused(h, approveWorkflow(h.deps, { session_id: opened.session_id }, actor));
      assert.equal(error.code, 'ROLE_FORBIDDEN');
      assert.equal(error.status, 403);
      assert.deepEqual(artifact.actor, actor);
      assert.equal(artifact.status, 'BLOCKED');
      assert.equal(artifact.session_id, opened.session_id);
      assert.deepEqual(await getSession(h.deps, opened.session_id), opened);
    });
  }

  test('an advisor dressed up as an approver (inherited role) is not an approver, and nothing changes', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const disguised = Object.assign(Object.create({ role: 'approver' }), { actor_id: 'ai-advisor' }) as Actor;
    await assert.rejects(approveWorkflow(h.deps, { session_id: opened.session_id }, disguised), { code: 'INVALID_ACTOR', status: 403 });
    assert.deepEqual(await getSession(h.deps, opened.session_id), opened);
  });

  test('a replayed approval is refused APPROVAL_REPLAYED (409) with a BLOCKED artifact, and changes nothing', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const first = await approveWorkflow(h.deps, { session_id: opened.session_id }, approver);
    const { error, artifact } = await refused(h, approveWorkflow(h.deps, { session_id: opened.session_id }, approver));
    assert.equal(error.code, 'APPROVAL_REPLAYED');
    assert.equal(error.status, 409);
    assert.equal(artifact.status, 'BLOCKED');
    assert.notEqual(artifact.run_id, first.run_id);
    assert.deepEqual(await getSession(h.deps, opened.session_id), first.session);
  });

  test('two approvals racing: exactly one is OK, the other is refused, both are recorded', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const before = (await h.artifacts()).length;
    const outcomes = await Promise.allSettled([
      approveWorkflow(h.deps, { session_id: opened.session_id }, approver),
      approveWorkflow(h.deps, { session_id: opened.session_id }, { actor_id: 'appr-2', role: 'approver' }),
    ]);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['fulfilled', 'rejected']);
    const rejection = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    assert.ok(['APPROVAL_REPLAYED', 'SESSION_CONFLICT'].includes(rejection.reason.code));
    const added = (await h.artifacts()).slice(before);
    assert.deepEqual(added.map((a) => a.status).sort(), ['BLOCKED', 'OK']);
  });

  test('an unknown or malformed session id is refused (404 / 400) and still recorded', async () => {
    const unknown = await refused(h, approveWorkflow(h.deps, { session_id: `ses_${'f'.repeat(32)}` }, approver));
    assert.equal(unknown.error.code, 'SESSION_NOT_FOUND');
    assert.equal(unknown.error.status, 404);
    assert.equal(unknown.artifact.session_id, `ses_${'f'.repeat(32)}`);
    const malformed = await refused(h, approveWorkflow(h.deps, { session_id: { $ne: null } }, approver));
    assert.equal(malformed.error.code, 'INVALID_REQUEST');
    assert.deepEqual(malformed.artifact.request, { session_id: { $ne: null } });
    assert.equal(malformed.artifact.session_id, null);
    const unencodable = await refused(h, approveWorkflow(h.deps, { session_id: () => 1 }, approver));
    assert.deepEqual(unencodable.artifact.request, { unencodable_request: true });
  });

  test('an unexpected failure (the session store breaks) is recorded as an ERROR artifact and answered 500', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const sessions = { ...h.deps.sessions, get: h.deps.sessions.get.bind(h.deps.sessions), update: () => Promise.reject(new Error('database is locked')) };
    const { error, artifact } = await refused(h, approveWorkflow({ ...h.deps, sessions }, { session_id: opened.session_id }, approver));
    assert.equal(error.code, 'INTERNAL_ERROR');
    assert.equal(error.status, 500);
    assert.equal(error.run_status, 'ERROR');
    assert.equal(artifact.status, 'ERROR');
    assert.match(artifact.reason ?? '', /database is locked/);
    assert.deepEqual(await getSession(h.deps, opened.session_id), opened);
  });

  test('when the run store fails, the attempt answers RUN_NOT_RECORDED (500)', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const broken = { ...h.deps, runs: failingArtifacts(h.stores.runs, 'ANY') };
    await assert.rejects(approveWorkflow(broken, { session_id: opened.session_id }, advisor), { code: 'RUN_NOT_RECORDED', status: 500 });
    assert.deepEqual(await getSession(h.deps, opened.session_id), opened);
    // a run store that says it is full keeps its status
    const full = { ...h.deps, runs: failingArtifacts(h.stores.runs, 'ANY', new RunStoreFullError('persist')) };
    await assert.rejects(approveWorkflow(full, { session_id: opened.session_id }, approver), { code: 'RUN_NOT_RECORDED', status: 507 });
  });

  test('an approval whose OK artifact cannot be recorded is withdrawn: RUN_NOT_RECORDED and the session is ARCHIVED', async () => {
    const opened = await openSession(h.deps, GREEN, operator);
    const broken = { ...h.deps, runs: failingArtifacts(h.stores.runs, 'OK') };
    await assert.rejects(approveWorkflow(broken, { session_id: opened.session_id }, approver), { code: 'RUN_NOT_RECORDED', status: 500 });
    const stored = await getSession(h.deps, opened.session_id);
    assert.equal(stored.state, 'ARCHIVED');
    assert.deepEqual(stored.history.slice(-2).map((c) => c.to), ['APPROVED', 'ARCHIVED']);
    assert.match(stored.history.at(-1)?.reason ?? '', /could not be recorded/);
  });
});
