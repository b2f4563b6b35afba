import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startHarness } from './harness.js';

test('writes on runs routes with a trailing slash answer 405, not 404', async () => {
  const h = await startHarness();
  try {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const url of ['/api/runs/abc/', '/api/runs/abc/verify/']) {
        const res = await h.app.inject({ method: method as 'PUT', url });
        assert.equal(res.statusCode, 405, `${method} ${url}: ${res.body}`);
        assert.equal(res.json().error.code, 'METHOD_NOT_ALLOWED');
      }
    }
  } finally {
    await h.close();
  }
});
