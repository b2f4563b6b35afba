import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REFERENCE_GREEN_REQUEST, REFERENCE_RED_REQUEST, REFERENCE_YELLOW_REQUEST } from '@luthier/rmos-feasibility';
import { allRuns, openSessionFor, startHarness, type Harness } from './harness.js';

// SECURITY.md S1–S4, S7 through HTTP, on the real app and the embedded store.
describe('runtime invariants through HTTP', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('S1: feasibility, score or risk_bucket sent by a client is refused and nothing is created', async () => {
    const forged = { risk_bucket: 'GREEN', score: 100, rules: [], warnings: [], engine_version: 'x', design_hash: '0'.repeat(64), context_hash: '0'.repeat(64) };
    const before = (await allRuns(h)).length;
    const bodies = [
      { ...REFERENCE_RED_REQUEST, feasibility: forged },
      { ...REFERENCE_RED_REQUEST, score: 100 },
      { ...REFERENCE_RED_REQUEST, risk_bucket: 'GREEN' },
      { ...REFERENCE_RED_REQUEST, design: { ...REFERENCE_RED_REQUEST.design, risk_bucket: 'GREEN' } },
      { ...REFERENCE_RED_REQUEST, context: { ...REFERENCE_RED_REQUEST.context, score: 100 } },
    ];
    for (const body of bodies) {
      for (const [url, role] of [['/api/workflow/sessions', 'operator'], ['/api/rmos/feasibility', 'advisor']] as const) {
        const res = await h.call('POST', url, role, body);
        assert.equal(res.statusCode, 400, `${url} ${res.body}`);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      }
    }
    // approve accepts only {session_id}: a forged verdict cannot ride along
    const id = await openSessionFor(h, REFERENCE_RED_REQUEST);
    const res = await h.call('POST', '/api/workflow/approve', 'approver', { session_id: id, feasibility: forged });
    assert.equal(res.statusCode, 400);
    assert.equal((await allRuns(h)).length, before);
    const session = (await h.call('GET', `/api/workflow/sessions/${id}`, 'operator')).json();
    assert.equal(session.state, 'FEASIBILITY_READY');
    assert.equal(session.feasibility.risk_bucket, 'RED', 'the stored verdict is the server-computed one');
  });

  test('feasibility is computed server-side and is deterministic', async () => {
    const a = await h.call('POST', '/api/rmos/feasibility', 'advisor', REFERENCE_YELLOW_REQUEST);
    const b = await h.call('POST', '/api/rmos/feasibility', 'operator', REFERENCE_YELLOW_REQUEST);
    assert.equal(a.statusCode, 200);
    assert.equal(a.json().risk_bucket, 'YELLOW');
    assert.equal(a.body, b.body);
  });

  test('S2/S3: approve recomputes, approves GREEN with an OK artifact naming the approver', async () => {
    const id = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const res = await h.call('POST', '/api/workflow/approve', 'approver', { session_id: id });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.status, 'OK');
    assert.match(body.run_id, /^run_[0-9a-f]{64}$/);
    assert.equal(body.session.state, 'APPROVED');
    assert.deepEqual(body.session.approval.approved_by, { actor_id: 'test-approver', role: 'approver' });
    const artifact = (await h.call('GET', `/api/runs/${body.run_id}`, 'auditor')).json();
    assert.equal(artifact.status, 'OK');
    assert.equal(artifact.kind, 'approval');
    assert.equal(artifact.session_id, id);
    assert.deepEqual(artifact.actor, { actor_id: 'test-approver', role: 'approver' });
    for (const field of ['request_hash', 'output_hash']) assert.match(artifact[field], /^[0-9a-f]{64}$/);
    assert.ok(artifact.versions.feasibility);
  });

  for (const [bucket, request, nextState] of [
    ['YELLOW', REFERENCE_YELLOW_REQUEST, 'DESIGN_REVISION_REQUIRED'],
    ['RED', REFERENCE_RED_REQUEST, 'REJECTED'],
  ] as const) {
    test(`S2/S3: a ${bucket} session is refused at approve with 409 and a BLOCKED artifact`, async () => {
      const id = await openSessionFor(h, request);
      const res = await h.call('POST', '/api/workflow/approve', 'approver', { session_id: id });
      assert.equal(res.statusCode, 409, res.body);
      const body = res.json();
      assert.equal(body.error.code, 'FEASIBILITY_NOT_GREEN');
      assert.equal(body.status, 'BLOCKED');
      const artifact = (await h.call('GET', `/api/runs/${body.run_id}`, 'auditor')).json();
      assert.equal(artifact.status, 'BLOCKED');
      assert.equal(artifact.kind, 'approval');
      assert.match(artifact.reason, /FEASIBILITY_NOT_GREEN/);
      assert.deepEqual(artifact.actor, { actor_id: 'test-approver', role: 'approver' });
      const session = (await h.call('GET', `/api/workflow/sessions/${id}`, 'approver')).json();
      assert.equal(session.state, nextState);
      assert.equal(session.approval, null);
    });
  }

  test('S4/S3: toolpaths are refused (409, BLOCKED artifact) until the session is APPROVED, then answer G-code', async () => {
    const id = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const refused = await h.call('POST', '/api/rmos/toolpaths', 'operator', { session_id: id });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'SESSION_NOT_APPROVED');
    assert.equal(refused.json().status, 'BLOCKED');
    const blocked = (await h.call('GET', `/api/runs/${refused.json().run_id}`, 'auditor')).json();
    assert.equal(blocked.status, 'BLOCKED');
    assert.equal(blocked.kind, 'toolpaths');
    assert.deepEqual(blocked.actor, { actor_id: 'test-operator', role: 'operator' });

    assert.equal((await h.call('POST', '/api/workflow/approve', 'approver', { session_id: id })).statusCode, 200);
    const ok = await h.call('POST', '/api/rmos/toolpaths', 'operator', { session_id: id });
    assert.equal(ok.statusCode, 200, ok.body);
    const body = ok.json();
    assert.equal(body.status, 'OK');
    assert.match(body.gcode, /G21/);
    assert.equal(body.session.state, 'TOOLPATHS_READY');
    const artifact = (await h.call('GET', `/api/runs/${body.run_id}`, 'auditor')).json();
    assert.equal(artifact.kind, 'toolpaths');
    assert.equal(artifact.status, 'OK');
    assert.ok(artifact.versions.toolpaths);
    assert.equal(artifact.attachments[0].sha256, body.gcode_sha256);
    // a second request is refused: the session is past APPROVED
    const again = await h.call('POST', '/api/rmos/toolpaths', 'operator', { session_id: id });
    assert.equal(again.statusCode, 409);
  });

  test('a replayed approval is refused with APPROVAL_REPLAYED and changes nothing but its BLOCKED record', async () => {
    const id = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    assert.equal((await h.call('POST', '/api/workflow/approve', 'approver', { session_id: id })).statusCode, 200);
    const before = (await h.call('GET', `/api/workflow/sessions/${id}`, 'approver')).json();
    const replay = await h.call('POST', '/api/workflow/approve', 'approver', { session_id: id });
    assert.equal(replay.statusCode, 409);
    assert.equal(replay.json().error.code, 'APPROVAL_REPLAYED');
    assert.equal(replay.json().status, 'BLOCKED');
    assert.deepEqual((await h.call('GET', `/api/workflow/sessions/${id}`, 'approver')).json(), before);
  });

  test('concurrent approvals of one session: exactly one OK, the rest 409, each attempt recorded', async () => {
    const id = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const answers = await Promise.all(Array.from({ length: 5 }, () => h.call('POST', '/api/workflow/approve', 'approver', { session_id: id })));
    const codes = answers.map((a) => a.statusCode).sort();
    assert.deepEqual(codes, [200, 409, 409, 409, 409], answers.map((a) => a.body).join('\n'));
    const recorded = (await allRuns(h)).filter((r) => r.session_id === id && r.kind === 'approval');
    assert.equal(recorded.length, 5);
    assert.equal(recorded.filter((r) => r.status === 'OK').length, 1);
    assert.equal((await h.stores.runs.verifyAll()).ok, true);
  });

  test('an unknown session is a 404 SESSION_NOT_FOUND everywhere; approve and toolpaths still record the attempt', async () => {
    const unknown = `ses_${'0'.repeat(32)}`;
    const get = await h.call('GET', `/api/workflow/sessions/${unknown}`, 'operator');
    assert.equal(get.statusCode, 404);
    assert.equal(get.json().error.code, 'SESSION_NOT_FOUND');
    const approve = await h.call('POST', '/api/workflow/approve', 'approver', { session_id: unknown });
    assert.equal(approve.statusCode, 404);
    assert.equal(approve.json().error.code, 'SESSION_NOT_FOUND');
    assert.equal((await h.call('GET', `/api/runs/${approve.json().run_id}`, 'auditor')).json().status, 'BLOCKED');
    const toolpaths = await h.call('POST', '/api/rmos/toolpaths', 'operator', { session_id: unknown });
    assert.equal(toolpaths.statusCode, 404);
    assert.equal(toolpaths.json().error.code, 'SESSION_NOT_FOUND');
    assert.equal((await h.call('GET', `/api/runs/${toolpaths.json().run_id}`, 'auditor')).json().kind, 'toolpaths');
    const transition = await h.call('POST', `/api/workflow/sessions/${unknown}/transition`, 'operator', { to: 'ARCHIVED' });
    assert.equal(transition.statusCode, 404);
    const malformed = await h.call('GET', '/api/workflow/sessions/not-a-session', 'operator');
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().error.code, 'VALIDATION_FAILED');
  });

  test('an invalid transition is refused with INVALID_TRANSITION; reserved targets with TRANSITION_RESERVED', async () => {
    const id = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const invalid = await h.call('POST', `/api/workflow/sessions/${id}/transition`, 'operator', { to: 'TOOLPATHS_READY' });
    assert.equal(invalid.statusCode, 409);
    assert.equal(invalid.json().error.code, 'INVALID_TRANSITION');
    const reserved = await h.call('POST', `/api/workflow/sessions/${id}/transition`, 'operator', { to: 'APPROVED' });
    assert.equal(reserved.statusCode, 409);
    assert.equal(reserved.json().error.code, 'TRANSITION_RESERVED');
    const ok = await h.call('POST', `/api/workflow/sessions/${id}/transition`, 'operator', { to: 'ARCHIVED', reason: 'not needed' });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().state, 'ARCHIVED');
  });

  test('S7: runs are read-only: PUT, PATCH, DELETE (and POST) answer 405 and change nothing', async () => {
    const runs = await allRuns(h);
    const runId = runs[0].run_id;
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const urls = ['/api/runs', '/api/runs/', `/api/runs/${runId}`, `/api/runs/${runId}/`, `/api/runs/${runId}/verify`, `/api/runs/${runId}/verify/`, `/api/runs/${runId}/x/y`];
      for (const url of urls) {
        for (const role of ['auditor', 'operator', null] as const) {
          const res = await h.call(method, url, role, method === 'DELETE' ? undefined : { status: 'OK' });
          assert.equal(res.statusCode, 405, `${method} ${url}`);
          assert.equal(res.json().error.code, 'METHOD_NOT_ALLOWED');
        }
      }
    }
    assert.deepEqual(await allRuns(h), runs);
    const verify = await h.call('GET', `/api/runs/${runId}/verify`, 'auditor');
    assert.equal(verify.statusCode, 200);
    assert.equal(verify.json().ok, true);
  });
});
