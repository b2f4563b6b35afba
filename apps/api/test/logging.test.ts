import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { startHarness, type Harness } from './harness.js';

describe('request logging at info: one line per request, with its id', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('"request completed" names the request id, method, url and status; "incoming request" is debug only', async () => {
    const res = await h.call('POST', '/api/rmos/feasibility', 'advisor', REFERENCE_GREEN_REQUEST);
    assert.equal(res.statusCode, 200);
    const id = res.headers['x-request-id'];
    const lines = h.logs.filter((l) => l.request_id === id);
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['request completed'],
    );
    const [line] = lines as { req: { method: string; url: string }; res: { statusCode: number }; responseTime: number }[];
    assert.equal(line!.req.method, 'POST');
    assert.equal(line!.req.url, '/api/rmos/feasibility');
    assert.equal(line!.res.statusCode, 200);
    assert.equal(typeof line!.responseTime, 'number');
    assert.ok(!h.rawLogs.some((l) => l.includes(h.tokens.advisor)), 'no token in any log line');
  });

  test('a refused token is still logged as a security event next to its completion line', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/rmos/feasibility', headers: { authorization: 'Bearer lt_not-a-real-token', 'content-type': 'application/json' }, payload: '{}' });
    assert.equal(res.statusCode, 401);
    const lines = h.logs.filter((l) => l.request_id === res.headers['x-request-id']);
    assert.ok(lines.some((l) => l.security_event === 'auth.unauthenticated'));
    assert.ok(lines.some((l) => l.msg === 'request completed'));
  });

  test('credentials in a query string never reach a log line, whatever the parameter is called', async () => {
    const token = h.tokens.auditor;
    const names = ['token', 'access_token', 'TOKEN', 'Access-Token', 'api_key', 'apiKey', 'key', 'password', 'secret', 'client_secret', 'auth', 'authorization', '%74oken', 'auth%5Btoken%5D', 'id_token', 'x'];
    for (const name of names) {
      for (const url of [`/api/runs?${name}=${token}`, `/api/runs?limit=5&${name}=${encodeURIComponent(token)}&status=OK`, `/api/nothing/${token}?${name}=${token}`]) {
        const logCount = h.rawLogs.length;
        const res = await h.app.inject({ method: 'GET', url });
        assert.ok(res.statusCode >= 400, url);
        const lines = h.rawLogs.slice(logCount);
        assert.ok(lines.length > 0, url);
        assert.ok(!lines.some((l) => l.includes(token) || l.includes(encodeURIComponent(token))), `${url}: ${lines.join('\n')}`);
      }
    }
    // a line still says which request it was, minus the credential
    const res = await h.app.inject({ method: 'GET', url: `/api/runs?limit=5&access_token=${token}` });
    const line = h.logs.find((l) => l.request_id === res.headers['x-request-id'] && l.msg === 'request completed') as { req: { url: string } };
    assert.equal(line.req.url, '/api/runs?limit=5&access_token=[redacted]');
  });
});
