import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { allRuns, openSessionFor, startHarness, type Harness } from './harness.js';

describe('bad input: 4xx with a stable code, never 500, nothing changed', () => {
  let h: Harness;
  let sessionId: string;
  before(async () => {
    h = await startHarness({ bodyLimitBytes: 16 * 1024 });
    sessionId = await openSessionFor(h, REFERENCE_GREEN_REQUEST);
  });
  after(() => h.close());

  const nested = (depth: number) => '{"design":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
  const cases: [string, string, number, string][] = [
    ['malformed JSON', '{"design": ', 400, 'MALFORMED_JSON'],
    ['trailing garbage', JSON.stringify(REFERENCE_GREEN_REQUEST) + 'x', 400, 'MALFORMED_JSON'],
    ['empty body', '', 400, 'EMPTY_BODY'],
    ['a JSON array', '[]', 400, 'VALIDATION_FAILED'],
    ['a JSON string', '"design"', 400, 'VALIDATION_FAILED'],
    ['null', 'null', 400, 'VALIDATION_FAILED'],
    ['wrong types', JSON.stringify({ design: 'round', context: 42 }), 400, 'VALIDATION_FAILED'],
    ['NaN-like numbers', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, design: { ...REFERENCE_GREEN_REQUEST.design, outer_diameter_mm: '1e999' } }), 400, 'VALIDATION_FAILED'],
    ['a huge number', JSON.stringify(REFERENCE_GREEN_REQUEST).replace('130', '1e308'), 400, 'VALIDATION_FAILED'],
    ['deep nesting', nested(5000), 400, 'NESTING_TOO_DEEP'],
    ['a __proto__ key', '{"__proto__":{"isAdmin":true},"design":{}}', 400, 'FORBIDDEN_KEY'],
    ['an escaped __proto__ key', '{"\\u005f_proto__":{"isAdmin":true}}', 400, 'FORBIDDEN_KEY'],
    ['an escaped constructor key', '{"constr\\u0075ctor":1}', 400, 'FORBIDDEN_KEY'],
    ['an escaped prototype key, nested', '{"design":{"x":[{"\\u0070rototype":{"isAdmin":true}}]}}', 400, 'FORBIDDEN_KEY'],
    ['a nested constructor key', JSON.stringify({ design: { constructor: { prototype: { x: 1 } } } }), 400, 'FORBIDDEN_KEY'],
    ['a huge body', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, padding: 'x'.repeat(64 * 1024) }), 413, 'BODY_TOO_LARGE'],
    // JSON.parse keeps the last of two values silently; a reader that takes the first would see another request
    ['a repeated key', JSON.stringify(REFERENCE_GREEN_REQUEST).replace('{', '{"context":{},'), 400, 'DUPLICATE_KEY'],
    ['a repeated key spelled with an escape', '{"session_id":"x","\\u0073ession_id":"y"}', 400, 'DUPLICATE_KEY'],
    // The route schemas run zod-compiled (http/zod-compilers.ts): still strict and bounded.
    ['an unknown design field', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, design: { ...REFERENCE_GREEN_REQUEST.design, glue: 'hide' } }), 400, 'VALIDATION_FAILED'],
    ['an unknown ring field', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, design: { ...REFERENCE_GREEN_REQUEST.design, rings: [{ ...REFERENCE_GREEN_REQUEST.design.rings[0], colour: 'red' }] } }), 400, 'VALIDATION_FAILED'],
    ['an out-of-bounds ring depth', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, design: { ...REFERENCE_GREEN_REQUEST.design, rings: [{ ...REFERENCE_GREEN_REQUEST.design.rings[0], depth_mm: -1 }] } }), 400, 'VALIDATION_FAILED'],
    ['a client-sent feasibility', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, feasibility: { risk_bucket: 'GREEN' } }), 400, 'VALIDATION_FAILED'],
    ['too many rings', JSON.stringify({ ...REFERENCE_GREEN_REQUEST, design: { ...REFERENCE_GREEN_REQUEST.design, rings: Array(65).fill(REFERENCE_GREEN_REQUEST.design.rings[0]) } }), 400, 'VALIDATION_FAILED'],
  ];

  for (const [label, payload, status, code] of cases) {
    test(label, async () => {
      const runsBefore = await allRuns(h);
      for (const [url, role] of [
        ['/api/workflow/sessions', 'operator'],
        ['/api/rmos/feasibility', 'advisor'],
        ['/api/workflow/approve', 'approver'],
        ['/api/rmos/toolpaths', 'operator'],
        ['/api/ai/proposals', 'advisor'],
        [`/api/workflow/sessions/${sessionId}/transition`, 'operator'],
      ] as const) {
        const res = await h.call('POST', url, role, payload);
        assert.equal(res.statusCode, status, `${url}: ${res.body}`);
        assert.equal(res.json().error.code, code, `${url}: ${res.body}`);
        assert.equal(typeof res.json().error.message, 'string');
      }
      assert.deepEqual(await allRuns(h), runsBefore, 'no artifact for input the router refused');
      assert.equal((await h.call('GET', `/api/workflow/sessions/${sessionId}`, 'operator')).json().state, 'FEASIBILITY_READY');
      assert.equal(({} as Record<string, unknown>).isAdmin, undefined, 'no prototype pollution');
    });
  }

  test('a JSON body declared in a charset other than UTF-8 is 415 and changes nothing', async () => {
    const runsBefore = await allRuns(h);
    for (const charset of ['utf-16', 'ISO-8859-1', '"utf-32"']) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/workflow/approve',
        headers: { authorization: `Bearer ${h.tokens.approver}`, 'content-type': `application/json; charset=${charset}` },
        payload: JSON.stringify({ session_id: sessionId }),
      });
      assert.equal(res.statusCode, 415, charset);
      assert.equal(res.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
    }
    const utf8 = await h.app.inject({ method: 'POST', url: '/api/rmos/feasibility', headers: { authorization: `Bearer ${h.tokens.advisor}`, 'content-type': 'application/json; charset=UTF-8' }, payload: JSON.stringify(REFERENCE_GREEN_REQUEST) });
    assert.equal(utf8.statusCode, 200, 'UTF-8 declared is JSON as usual');
    assert.deepEqual(await allRuns(h), runsBefore);
    assert.equal((await h.call('GET', `/api/workflow/sessions/${sessionId}`, 'operator')).json().state, 'FEASIBILITY_READY');
  });

  test('a JSON body declaring two charsets, bytes that are not UTF-8, or an encoded body is refused with a typed error and changes nothing', async () => {
    const runsBefore = await allRuns(h);
    const valid = Buffer.from(JSON.stringify({ session_id: sessionId }));
    const cases: [string, Record<string, string>, Buffer, number, string][] = [
      ['two charsets, the first UTF-8', { 'content-type': 'application/json; charset=utf-8; charset=latin1' }, valid, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['the same charset twice', { 'content-type': 'application/json; charset=utf-8;charset="UTF-8"' }, valid, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an empty charset', { 'content-type': 'application/json; charset=' }, valid, 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['a lone continuation byte in a string', { 'content-type': 'application/json' }, Buffer.concat([Buffer.from('{"session_id":"'), Buffer.from([0x80]), Buffer.from('"}')]), 400, 'INVALID_UTF8'],
      ['a truncated sequence in a key', { 'content-type': 'application/json' }, Buffer.concat([Buffer.from('{"'), Buffer.from([0xe2, 0x82]), Buffer.from('":1}')]), 400, 'INVALID_UTF8'],
      ['an overlong encoding', { 'content-type': 'application/json; charset=utf-8' }, Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]), 400, 'INVALID_UTF8'],
      ['Content-Encoding gzip', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, valid, 415, 'UNSUPPORTED_CONTENT_ENCODING'],
      ['Content-Encoding identity then br', { 'content-type': 'application/json', 'content-encoding': 'identity, br' }, valid, 415, 'UNSUPPORTED_CONTENT_ENCODING'],
    ];
    for (const [label, headers, payload, status, code] of cases) {
      for (const [url, role] of [
        ['/api/workflow/approve', 'approver'],
        ['/api/rmos/toolpaths', 'operator'],
        ['/api/rmos/feasibility', 'advisor'],
      ] as const) {
        const res = await h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${h.tokens[role]}`, ...headers }, payload });
        assert.equal(res.statusCode, status, `${label} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, code, `${label} ${url}`);
      }
    }
    const identity = await h.app.inject({ method: 'POST', url: '/api/rmos/feasibility', headers: { authorization: `Bearer ${h.tokens.advisor}`, 'content-type': 'application/json', 'content-encoding': 'Identity' }, payload: JSON.stringify(REFERENCE_GREEN_REQUEST) });
    assert.equal(identity.statusCode, 200, 'identity is no encoding');
    const multibyte = await h.app.inject({ method: 'POST', url: '/api/rmos/feasibility', headers: { authorization: `Bearer ${h.tokens.advisor}`, 'content-type': 'application/json' }, payload: Buffer.from(JSON.stringify({ ...REFERENCE_GREEN_REQUEST, note: 'épicéa 🎸' })) });
    assert.equal(multibyte.json().error.code, 'VALIDATION_FAILED', 'valid UTF-8 reaches the schema');
    assert.deepEqual(await allRuns(h), runsBefore);
    assert.equal((await h.call('GET', `/api/workflow/sessions/${sessionId}`, 'operator')).json().state, 'FEASIBILITY_READY');
  });

  test('a body that is not JSON is 415', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/rmos/feasibility',
      headers: { authorization: `Bearer ${h.tokens.advisor}`, 'content-type': 'text/plain' },
      payload: 'design',
    });
    assert.equal(res.statusCode, 415);
    assert.equal(res.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
  });

  test('unknown query fields and bad query values are refused', async () => {
    for (const qs of ['?limit=0', '?limit=abc', '?status=GREEN', '?admin=1', '?limit=501']) {
      const res = await h.call('GET', `/api/runs${qs}`, 'auditor');
      assert.equal(res.statusCode, 400, qs);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const badCursor = await h.call('GET', '/api/runs?cursor=zzzz', 'auditor');
    assert.equal(badCursor.statusCode, 400);
  });

  test('an unknown route is a 404 in the uniform body', async () => {
    const res = await h.call('GET', '/api/nothing', 'auditor');
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND');
  });

  test('an unknown run id is 404 RUN_NOT_FOUND, a malformed one 400', async () => {
    const unknown = await h.call('GET', `/api/runs/run_${'a'.repeat(64)}`, 'auditor');
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'RUN_NOT_FOUND');
    const verify = await h.call('GET', `/api/runs/run_${'a'.repeat(64)}/verify`, 'auditor');
    assert.equal(verify.statusCode, 404);
    assert.equal((await h.call('GET', '/api/runs/run_x', 'auditor')).statusCode, 400);
  });

  test("the router's own refusals (bad percent-encoding, an over-long path parameter) answer the uniform body", async () => {
    const before = (await allRuns(h)).length;
    const cases: [string, string, number, string][] = [
      ['GET', '/api/runs/%00%ff', 400, 'BAD_URL'],
      ['POST', '/api/workflow/sessions/%ZZ/transition', 400, 'BAD_URL'],
      ['GET', `/api/runs/run_${'a'.repeat(200)}`, 414, 'PARAM_TOO_LONG'],
    ];
    for (const [method, url, status, code] of cases) {
      const res = await h.app.inject({ method: method as 'GET', url, headers: { authorization: `Bearer ${h.tokens.auditor}` } });
      assert.equal(res.statusCode, status, url);
      assert.equal(res.json().error.code, code, url);
      assert.equal(typeof res.json().error.message, 'string', url);
      assert.match(String(res.headers['x-request-id']), /^req_/, url);
    }
    assert.equal((await allRuns(h)).length, before);
  });
});
