import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startHarness, type Harness } from './harness.js';

/** Writes raw bytes to the server and reads everything it answers until it closes the connection. */
function raw(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const split = data.indexOf('\r\n\r\n');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), headers: data.slice(0, split), body: data.slice(split + 4) });
    });
    socket.write(request);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer')));
  });
}

describe("the HTTP parser's refusals answer the uniform body with stable codes", () => {
  let h: Harness;
  let port: number;
  before(async () => {
    h = await startHarness();
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    port = (h.app.server.address() as AddressInfo).port;
  });
  after(() => h.close());

  const cases: [string, string, number, string][] = [
    ['a malformed Content-Length', 'POST /api/rmos/feasibility HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1x\r\n\r\n{}', 400, 'INVALID_CONTENT_LENGTH'],
    ['Content-Length with Transfer-Encoding', 'POST /api/rmos/feasibility HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n', 400, 'INVALID_FRAMING'],
    ['a malformed chunk size', 'POST /api/rmos/feasibility HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 400, 'INVALID_FRAMING'],
    ['a control character in a header', 'GET /api/runs HTTP/1.1\r\nHost: x\r\nX-Thing: a\x01b\r\n\r\n', 400, 'INVALID_HEADER'],
    ['a garbage request line', 'HELLO\x00WORLD\r\n\r\n', 400, 'MALFORMED_REQUEST'],
    ['headers over the limit', `GET /api/runs HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20 * 1024)}\r\n\r\n`, 431, 'HEADERS_TOO_LARGE'],
  ];
  for (const [label, request, status, code] of cases) {
    test(label, async () => {
      const res = await raw(port, request);
      assert.equal(res.status, status, res.headers + res.body);
      assert.match(res.headers, /content-type: application\/json/i);
      const body = JSON.parse(res.body);
      assert.equal(body.error.code, code);
      assert.equal(typeof body.error.message, 'string');
      assert.equal(Object.keys(body).join(), 'error', 'no Fastify fields beside it');
    });
  }

  test('a token sent in a request the parser refuses is not logged', async () => {
    const logCount = h.rawLogs.length;
    await raw(port, `GET /api/runs?token=${h.tokens.auditor} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h.tokens.auditor}\r\nContent-Length: zz\r\n\r\n`);
    assert.ok(!h.rawLogs.slice(logCount).some((l) => l.includes(h.tokens.auditor)));
  });

  test("Fastify's own refusals never answer its internal FST_ codes: a QUERY with no content type", async () => {
    const res = await h.app.inject({ method: 'QUERY' as 'GET', url: '/api/runs', headers: { authorization: `Bearer ${h.tokens.auditor}` }, payload: 'x' });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
    assert.doesNotMatch(res.json().error.code, /^FST_/);
    const raw400 = await raw(port, 'QUERY /api/runs HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nConnection: close\r\n\r\nx');
    assert.equal(raw400.status, 400, raw400.body);
    assert.equal(JSON.parse(raw400.body).error.code, 'MISSING_CONTENT_TYPE');
  });
});
