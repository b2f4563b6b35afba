import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from './harness.js';

describe('OpenAPI at /docs', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  test('the document is generated from the route schemas and lists every contract route', async () => {
    const res = await h.call('GET', '/docs/json', null);
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.match(doc.openapi, /^3\./);
    const expected: [string, string][] = [
      ['/api/rmos/feasibility', 'post'],
      ['/api/workflow/sessions', 'post'],
      ['/api/workflow/sessions/{id}', 'get'],
      ['/api/workflow/sessions/{id}/transition', 'post'],
      ['/api/workflow/approve', 'post'],
      ['/api/rmos/toolpaths', 'post'],
      ['/api/runs', 'get'],
      ['/api/runs/{run_id}', 'get'],
      ['/api/runs/{run_id}/verify', 'get'],
      ['/api/ai/proposals', 'post'],
    ];
    for (const [p, method] of expected) assert.ok(doc.paths[p]?.[method], `${method} ${p} documented`);
    const body = doc.paths['/api/workflow/sessions'].post.requestBody.content['application/json'].schema;
    assert.equal(body.additionalProperties, false, 'strict schemas document unknown fields as refused');
    assert.ok(doc.components.securitySchemes.bearer);
    // the 405 guards are not operations
    assert.equal(doc.paths['/api/runs'].delete, undefined);
  });

  test('the UI is served', async () => {
    const res = await h.call('GET', '/docs/', null);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /swagger/i);
  });
});
