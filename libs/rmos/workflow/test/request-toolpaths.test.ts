import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunArtifact, WorkflowSession } from '@luthier/rmos-contracts';
import { ENGINES } from '@luthier/rmos-engines';
import type { RunStore } from '@luthier/rmos-runs';
import { ThreadToolpathEngine } from '@luthier/rmos-toolpaths';
import { sha256Hex } from '@luthier/shared-hashing';
import { approveWorkflow, getSession, openSession, requestToolpaths, transitionWorkflow, WorkflowActionError } from '../src/index.js';
import { GREEN, RED, YELLOW } from './designs.js';
import { advisor, approver, auditor, failingArtifacts, forge, openHarness, operator, type Harness } from './harness.js';

async function refused(h: Harness, attempt: Promise<unknown>): Promise<{ error: WorkflowActionError; artifact: RunArtifact }> {
  const error = await attempt.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof WorkflowActionError, `expected WorkflowActionError, got ${String(error)}`);
  const artifact = await h.stores.runs.get(error.run_id);
  assert.ok(artifact);
  assert.equal(artifact.kind, 'toolpaths');
  assert.equal(artifact.status, error.run_status);
  return { error, artifact };
}

async function approved(h: Harness): Promise<WorkflowSession> {
  const opened = await openSession(h.deps, GREEN, operator);
  return (await approveWorkflow(h.deps, { session_id: opened.session_id }, approver)).session;
}

/** A run store whose attachment writes fail: a failure in the middle of the toolpath step. */
function failingAttachments(runs: RunStore): RunStore {
  return new Proxy(runs, {
    get(target, prop) {
      if (prop === 'putRunAttachment') return () => Promise.reject(new Error('attachment disk full'));
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

// Every case runs twice: generateToolpaths in the caller's thread (the default) and in the
// toolpath thread the server hands in, whose refusals must come out exactly the same.
for (const engine of ['in the caller\'s thread', 'in the toolpath thread'] as const) describe(`requestToolpaths, generating ${engine}`, () => {
  let h: Harness;
  let thread: ThreadToolpathEngine | null = null;
  before(async () => {
    h = await openHarness();
    if (engine === 'in the toolpath thread') h.deps.toolpaths = thread = await ThreadToolpathEngine.start();
  });
  after(async () => {
    if (thread) {
      // The toolpath thread did generate (it is not only falling back to the caller's thread).
      assert.ok(thread.answered.inThread > 0, JSON.stringify(thread.answered));
      await thread.close();
    }
    await h.close();
  });

  test('APPROVED → TOOLPATHS_READY: G-code stored as an attachment, OK artifact with actor and version stamps', async () => {
    const session = await approved(h);
    const result = await requestToolpaths(h.deps, { session_id: session.session_id }, operator);
    assert.equal(result.status, 'OK');
    assert.equal(result.dialect, 'grbl');
    assert.match(result.gcode, /G21/);
    assert.match(result.gcode, /M30/);
    assert.equal(result.gcode_sha256, sha256Hex(result.gcode));
    assert.equal(result.session.state, 'TOOLPATHS_READY');
    assert.deepEqual(
      result.session.history.slice(-2).map((c) => [c.from, c.to, c.actor.actor_id]),
      [
        ['APPROVED', 'TOOLPATHS_REQUESTED', operator.actor_id],
        ['TOOLPATHS_REQUESTED', 'TOOLPATHS_READY', operator.actor_id],
      ],
    );
    assert.equal(result.session.revision, session.revision + 1);
    assert.deepEqual(await getSession(h.deps, session.session_id), result.session);

    const artifact = await h.stores.runs.get(result.run_id);
    assert.ok(artifact);
    assert.equal(artifact.kind, 'toolpaths');
    assert.equal(artifact.status, 'OK');
    assert.deepEqual(artifact.actor, operator);
    assert.deepEqual(artifact.versions, {
      feasibility: ENGINES.feasibility.version,
      toolpaths: ENGINES.toolpaths.version,
      'post.grbl': ENGINES['post.grbl'].version,
    });
    assert.equal(artifact.attachments.length, 1);
    assert.equal(artifact.attachments[0].sha256, result.gcode_sha256);
    assert.equal(artifact.attachments[0].media_type, 'text/x-gcode');
    const bytes = await h.stores.runs.getAttachment(result.gcode_sha256);
    assert.equal(new TextDecoder().decode(bytes!), result.gcode);
  });

  test('each dialect posts its own program, stamped with its post-processor', async () => {
    for (const dialect of ['linuxcnc', 'fanuc'] as const) {
      const session = await approved(h);
      const result = await requestToolpaths(h.deps, { session_id: session.session_id, dialect }, operator);
      assert.equal(result.dialect, dialect);
      assert.equal(result.versions[`post.${dialect}`], ENGINES[`post.${dialect}`].version);
    }
  });

  test('a session that is not APPROVED is refused SESSION_NOT_APPROVED (409), BLOCKED artifact, session unchanged', async () => {
    for (const request of [GREEN, YELLOW, RED]) {
      const opened = await openSession(h.deps, request, operator);
      const { error, artifact } = await refused(h, requestToolpaths(h.deps, { session_id: opened.session_id }, operator));
      assert.equal(error.code, 'SESSION_NOT_APPROVED');
      assert.equal(error.status, 409);
      assert.equal(artifact.status, 'BLOCKED');
      assert.equal(artifact.attachments.length, 0);
      assert.deepEqual(await getSession(h.deps, opened.session_id), opened);
    }
  });

  test('a second request after TOOLPATHS_READY is refused', async () => {
    const session = await approved(h);
    await requestToolpaths(h.deps, { session_id: session.session_id }, operator);
    const { error } = await refused(h, requestToolpaths(h.deps, { session_id: session.session_id }, operator));
    assert.equal(error.code, 'SESSION_NOT_APPROVED');
  });

  test('a forged APPROVED state on a RED design is refused by the recomputation', async () => {
    const opened = await openSession(h.deps, RED, operator);
    const now = new Date().toISOString();
    await forge(h.deps, opened, {
      state: 'APPROVED',
      approval: { approved_by: approver, approved_at: now, feasibility_hash: 'a'.repeat(64) },
      feasibility: { ...opened.feasibility!, risk_bucket: 'GREEN', score: 100, rules: [] },
    });
    const { error, artifact } = await refused(h, requestToolpaths(h.deps, { session_id: opened.session_id }, operator));
    assert.equal(error.code, 'FEASIBILITY_NOT_GREEN');
    assert.equal(error.feasibility?.risk_bucket, 'RED');
    assert.equal(artifact.status, 'BLOCKED');
    assert.equal((await getSession(h.deps, opened.session_id)).state, 'APPROVED');
  });

  test('a forged approval (by an advisor, or on another feasibility result) is refused', async () => {
    const session = await approved(h);
    const byAdvisor = await forge(h.deps, session, { approval: { ...session.approval!, approved_by: advisor } });
    assert.equal((await refused(h, requestToolpaths(h.deps, { session_id: session.session_id }, operator))).error.code, 'SESSION_NOT_APPROVED');
    await forge(h.deps, byAdvisor, { approval: { ...session.approval!, feasibility_hash: 'b'.repeat(64) } });
    assert.equal((await refused(h, requestToolpaths(h.deps, { session_id: session.session_id }, operator))).error.code, 'APPROVAL_STALE');
  });

  for (const actor of [advisor, approver, auditor]) {
    test(`the ${actor.role} role cannot generate toolpaths: ROLE_FORBIDDEN (403), BLOCKED artifact naming it`, async () => {
      const session = await approved(h);
      const { error, artifact } = await refused(h, requestToolpaths(h.deps, { session_id: session.session_id }, actor));
      assert.equal(error.code, 'ROLE_FORBIDDEN');
      assert.equal(error.status, 403);
      assert.deepEqual(artifact.actor, actor);
      assert.deepEqual(await getSession(h.deps, session.session_id), session);
    });
  }

  test('no plain transition reaches TOOLPATHS_REQUESTED or TOOLPATHS_READY', async () => {
    const session = await approved(h);
    await assert.rejects(transitionWorkflow(h.deps, { session_id: session.session_id, to: 'TOOLPATHS_REQUESTED' }, operator), {
      code: 'TRANSITION_RESERVED',
    });
    await assert.rejects(transitionWorkflow(h.deps, { session_id: session.session_id, to: 'TOOLPATHS_READY' }, operator), {
      code: 'INVALID_TRANSITION',
    });
  });

  test('a failure in the middle of the step: ERROR artifact, and the session is left exactly as it was', async () => {
    const session = await approved(h);
    const failing = { ...h.deps, runs: failingAttachments(h.stores.runs) };
    const { error, artifact } = await refused(h, requestToolpaths(failing, { session_id: session.session_id }, operator));
    assert.equal(error.status, 500);
    assert.equal(error.run_status, 'ERROR');
    assert.equal(artifact.status, 'ERROR');
    assert.match(artifact.reason ?? '', /attachment disk full/);
    assert.deepEqual(await getSession(h.deps, session.session_id), session);
    // and it can be retried once the store is healthy
    const retried = await requestToolpaths(h.deps, { session_id: session.session_id }, operator);
    assert.equal(retried.session.state, 'TOOLPATHS_READY');
  });

  test('G-code whose OK artifact cannot be recorded is withdrawn: RUN_NOT_RECORDED and the session is ARCHIVED', async () => {
    const session = await approved(h);
    const broken = { ...h.deps, runs: failingArtifacts(h.stores.runs, 'OK') };
    await assert.rejects(requestToolpaths(broken, { session_id: session.session_id }, operator), { code: 'RUN_NOT_RECORDED', status: 500 });
    const stored = await getSession(h.deps, session.session_id);
    assert.equal(stored.state, 'ARCHIVED');
    assert.deepEqual(stored.history.slice(-3).map((c) => c.to), ['TOOLPATHS_REQUESTED', 'TOOLPATHS_READY', 'ARCHIVED']);
  });

  test('an unknown dialect or extra field is INVALID_REQUEST (400), recorded', async () => {
    const session = await approved(h);
    for (const body of [
      { session_id: session.session_id, dialect: 'heidenhain' },
      { session_id: session.session_id, feasibility: { risk_bucket: 'GREEN' } },
    ]) {
      const { error, artifact } = await refused(h, requestToolpaths(h.deps, body, operator));
      assert.equal(error.code, 'INVALID_REQUEST');
      assert.equal(error.status, 400);
      assert.equal(artifact.status, 'BLOCKED');
    }
    assert.equal((await getSession(h.deps, session.session_id)).state, 'APPROVED');
  });
});
