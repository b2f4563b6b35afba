import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Role } from '@luthier/rmos-contracts';
import { REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { allRuns, openSessionFor, ROLE_LIST, startHarness, type Harness } from './harness.js';

describe('access: bearer tokens, one role each', () => {
  let h: Harness;
  let sessionId: string;
  let runId: string;
  before(async () => {
    h = await startHarness();
    sessionId = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const refused = await h.call('POST', '/api/rmos/toolpaths', 'operator', { session_id: sessionId });
    runId = refused.json().run_id;
  });
  after(() => h.close());

  // route → the roles that may call it; every other role gets 403.
  const matrix = (): [string, string, Role[], unknown][] => [
    ['POST', '/api/rmos/feasibility', ['operator', 'approver', 'advisor'], REFERENCE_GREEN_REQUEST],
    ['POST', '/api/workflow/sessions', ['operator'], REFERENCE_GREEN_REQUEST],
    ['GET', `/api/workflow/sessions/${sessionId}`, ['operator', 'approver', 'auditor'], undefined],
    ['POST', `/api/workflow/sessions/${sessionId}/transition`, ['operator', 'approver'], { to: 'FEASIBILITY_READY' }],
    ['POST', '/api/workflow/approve', ['approver'], { session_id: sessionId }],
    ['POST', '/api/rmos/toolpaths', ['operator'], { session_id: sessionId }],
    ['GET', '/api/runs', ['auditor'], undefined],
    ['GET', `/api/runs/${runId}`, ['auditor'], undefined],
    ['GET', `/api/runs/${runId}/verify`, ['auditor'], undefined],
    ['POST', '/api/ai/proposals', ['advisor'], REFERENCE_GREEN_REQUEST],
  ];

  test('no token, a malformed header or an unknown token is 401 on every route, logged as a security event', async () => {
    for (const [method, url, , body] of matrix()) {
      for (const authorization of [undefined, 'Bearer', 'Basic dXNlcjpwYXNz', 'Bearer lt_not-a-real-token-but-long-enough', `Bearer ${h.tokens.operator}x`]) {
        const logCount = h.logs.length;
        const res = await h.app.inject({
          method: method as 'GET',
          url,
          headers: { ...(authorization ? { authorization } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
          payload: body ? JSON.stringify(body) : undefined,
        });
        assert.equal(res.statusCode, 401, `${method} ${url} ${authorization}`);
        assert.equal(res.json().error.code, 'UNAUTHENTICATED');
        assert.equal(res.headers['www-authenticate'], 'Bearer');
        assert.ok(h.logs.slice(logCount).some((l) => l.security_event === 'auth.unauthenticated'), 'security event logged');
      }
    }
  });

  test('each role reaches exactly its routes; any other role is 403 ROLE_FORBIDDEN, logged', async () => {
    for (const [method, url, allowed, body] of matrix()) {
      for (const role of ROLE_LIST) {
        const logCount = h.logs.length;
        const res = await h.call(method, url, role, body);
        if (allowed.includes(role)) {
          assert.ok(![401, 403].includes(res.statusCode), `${role} ${method} ${url}: ${res.statusCode} ${res.body}`);
        } else {
          assert.equal(res.statusCode, 403, `${role} ${method} ${url}`);
          assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
          const event = h.logs.slice(logCount).find((l) => l.security_event === 'auth.forbidden');
          assert.ok(event, 'security event logged');
          assert.equal(event.role, role);
        }
      }
    }
  });

  test('HEAD on a read route is guarded like GET', async () => {
    assert.equal((await h.call('HEAD', '/api/runs', null)).statusCode, 401);
    assert.equal((await h.call('HEAD', '/api/runs', 'operator')).statusCode, 403);
    assert.equal((await h.call('HEAD', '/api/runs', 'auditor')).statusCode, 200);
  });

  test('the advisor can never approve, transition or generate toolpaths; its approve and toolpath attempts are recorded BLOCKED', async () => {
    const green = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const runsOf = async () => (await h.call('GET', `/api/runs?session_id=${green}&limit=500`, 'auditor')).json().items as { run_id: string; status: string; kind: string; actor: { role: string } }[];
    for (const [url, body] of [
      ['/api/workflow/approve', { session_id: green }],
      [`/api/workflow/sessions/${green}/transition`, { to: 'ARCHIVED' }],
      ['/api/rmos/toolpaths', { session_id: green }],
      ['/api/workflow/sessions', REFERENCE_GREEN_REQUEST],
    ] as const) {
      const res = await h.call('POST', url, 'advisor', body);
      assert.equal(res.statusCode, 403, url);
      assert.equal(res.json().error.code, 'ROLE_FORBIDDEN', url);
    }
    assert.equal((await h.call('GET', `/api/workflow/sessions/${green}`, 'operator')).json().state, 'FEASIBILITY_READY');
    const runs = await runsOf();
    assert.deepEqual(runs.map((r) => [r.kind, r.status, r.actor.role]).sort(), [
      ['approval', 'BLOCKED', 'advisor'],
      ['toolpaths', 'BLOCKED', 'advisor'],
    ]);
    for (const run of runs) assert.equal((await h.call('GET', `/api/runs/${run.run_id}/verify`, 'auditor')).statusCode, 200);
  });

  test('a wrong role on approve/toolpaths is 403 with a BLOCKED artifact even when the body fails the schema, if it names a session', async () => {
    const green = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const cases: [string, import('@luthier/rmos-contracts').Role, unknown][] = [
      ['/api/workflow/approve', 'advisor', { session_id: green, note: 'x' }],
      ['/api/workflow/approve', 'operator', { session_id: green, feasibility: { risk_bucket: 'GREEN' } }],
      ['/api/rmos/toolpaths', 'auditor', { session_id: green, dialect: 'haas' }],
      ['/api/rmos/toolpaths', 'approver', { session_id: green, gcode: 'M3' }],
    ];
    for (const [url, role, body] of cases) {
      const logCount = h.logs.length;
      const res = await h.call('POST', url, role, body);
      assert.equal(res.statusCode, 403, `${role} ${url}: ${res.body}`);
      assert.equal(res.json().error.code, 'ROLE_FORBIDDEN');
      assert.equal(res.json().status, 'BLOCKED');
      const artifact = (await h.call('GET', `/api/runs/${res.json().run_id}`, 'auditor')).json();
      assert.equal(artifact.status, 'BLOCKED');
      assert.equal(artifact.session_id, green);
      assert.deepEqual(artifact.actor, { actor_id: `test-${role}`, role });
      assert.deepEqual(artifact.request, { session_id: green }, 'nothing else the client sent is used or recorded');
      const events = h.logs.slice(logCount).filter((l) => l.security_event === 'auth.forbidden');
      assert.equal(events.length, 1, 'one security event per attempt');
      assert.equal(events[0]!.recorded, true);
      assert.equal(events[0]!.run_id, res.json().run_id);
    }
    assert.equal((await h.call('GET', `/api/workflow/sessions/${green}`, 'operator')).json().state, 'FEASIBILITY_READY');
  });

  test('an unusable body (not JSON, malformed, no well-formed session id) is refused for what it is and logged recorded:false', async () => {
    const green = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const before = (await allRuns(h)).length;
    const cases: [string, import('@luthier/rmos-contracts').Role, string, string, number, string][] = [
      ['/api/rmos/toolpaths', 'auditor', 'text/plain', JSON.stringify({ session_id: green }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['/api/workflow/approve', 'advisor', 'application/json', '{"session_id": ', 400, 'MALFORMED_JSON'],
      ['/api/workflow/approve', 'advisor', 'application/json', '[]', 400, 'VALIDATION_FAILED'],
      ['/api/workflow/approve', 'advisor', 'application/json', '{}', 400, 'VALIDATION_FAILED'],
      ['/api/rmos/toolpaths', 'advisor', 'application/json', JSON.stringify({ session_id: 'ses_nope', note: 1 }), 400, 'VALIDATION_FAILED'],
      ['/api/rmos/toolpaths', 'auditor', 'application/json', JSON.stringify([{ session_id: green }]), 400, 'VALIDATION_FAILED'],
    ];
    for (const [url, role, type, payload, status, code] of cases) {
      const logCount = h.logs.length;
      const res = await h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${h.tokens[role]}`, 'content-type': type }, payload });
      assert.equal(res.statusCode, status, `${role} ${url} ${payload}: ${res.body}`);
      assert.equal(res.json().error.code, code);
      assert.equal(res.json().run_id, undefined);
      const events = h.logs.slice(logCount).filter((l) => l.security_event === 'auth.forbidden');
      assert.equal(events.length, 1, 'the wrong role is still logged');
      assert.equal(events[0]!.recorded, false, 'and never claims a record that does not exist');
      assert.equal(events[0]!.status_code, status);
    }
    assert.equal((await allRuns(h)).length, before, 'nothing recorded');
  });

  test('the right role with a body the schema refuses is 400 VALIDATION_FAILED, nothing recorded, no security event', async () => {
    const green = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const before = (await allRuns(h)).length;
    for (const [url, role, body] of [
      ['/api/workflow/approve', 'approver', { session_id: green, note: 'x' }],
      ['/api/rmos/toolpaths', 'operator', { session_id: green, dialect: 'haas' }],
    ] as const) {
      const logCount = h.logs.length;
      const res = await h.call('POST', url, role, body);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.ok(!h.logs.slice(logCount).some((l) => l.security_event), url);
    }
    assert.equal((await allRuns(h)).length, before);
    assert.equal((await h.call('GET', `/api/workflow/sessions/${green}`, 'operator')).json().state, 'FEASIBILITY_READY');
  });

  test('identity comes from the token only: free-form identity headers are ignored', async () => {
    const id = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/workflow/approve',
      headers: {
        authorization: `Bearer ${h.tokens.approver}`,
        'content-type': 'application/json',
        'x-actor-id': 'mallory',
        'x-role': 'admin',
        'x-user': 'mallory',
      },
      payload: JSON.stringify({ session_id: id }),
    });
    assert.equal(res.statusCode, 200);
    const artifact = (await h.call('GET', `/api/runs/${res.json().run_id}`, 'auditor')).json();
    assert.deepEqual(artifact.actor, { actor_id: 'test-approver', role: 'approver' });
  });

  test('every request log line carries a request id and no log line holds a token', async () => {
    await h.call('POST', '/api/rmos/feasibility', 'operator', REFERENCE_GREEN_REQUEST);
    const requestLines = h.logs.filter((l) => l.req || l.res || l.security_event);
    assert.ok(requestLines.length > 0);
    for (const line of requestLines) assert.match(String(line.request_id), /^req_[0-9a-f-]{36}$/);
    const all = h.rawLogs.join('\n');
    for (const token of Object.values(h.tokens)) assert.ok(!all.includes(token), 'a token leaked into the logs');
    assert.ok(!/authorization/i.test(all) || /\[redacted\]/.test(all));
  });

  test('answers carry the request id header', async () => {
    const res = await h.call('POST', '/api/rmos/feasibility', 'operator', REFERENCE_GREEN_REQUEST);
    assert.match(String(res.headers['x-request-id']), /^req_/);
  });
});

describe('rate limit', () => {
  test('beyond the per-minute budget a client gets 429 RATE_LIMITED', async () => {
    const h = await startHarness({ rateLimitPerMinute: 5 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 7; i++) codes.push((await h.call('POST', '/api/rmos/feasibility', 'advisor', REFERENCE_GREEN_REQUEST)).statusCode);
      assert.deepEqual(codes, [200, 200, 200, 200, 200, 429, 429]);
      const res = await h.call('POST', '/api/rmos/feasibility', 'advisor', REFERENCE_GREEN_REQUEST);
      assert.equal(res.json().error.code, 'RATE_LIMITED');
    } finally {
      await h.close();
    }
  });

  test('refused authentication is rate-limited too: over budget, no token, a bad token and a wrong role all get 429', async () => {
    const h = await startHarness({ rateLimitPerMinute: 5 });
    try {
      for (let i = 0; i < 5; i++) assert.equal((await h.call('GET', '/api/runs', null)).statusCode, 401, 'within budget: refused as usual');
      const attempts = [
        () => h.call('GET', '/api/runs', null),
        () => h.app.inject({ method: 'GET', url: '/api/runs', headers: { authorization: 'Bearer lt_not-a-real-token-but-long-enough' } }),
        () => h.call('GET', '/api/runs', 'operator'),
        () => h.call('POST', '/api/workflow/approve', 'advisor', { session_id: 'x' }),
        () => h.call('GET', '/api/runs', 'auditor'),
        () => h.call('GET', '/api/nothing', null),
      ];
      for (const attempt of attempts) {
        const logCount = h.logs.length;
        const res = await attempt();
        assert.equal(res.statusCode, 429, res.body);
        assert.equal(res.json().error.code, 'RATE_LIMITED');
        assert.ok(!h.logs.slice(logCount).some((l) => l.security_event), 'refused before authentication ran');
      }
      assert.equal((await allRuns(h).catch(() => null)), null, 'the auditor is over budget as well');
    } finally {
      await h.close();
    }
  });
});
