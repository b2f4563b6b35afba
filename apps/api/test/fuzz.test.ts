import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RING_PATTERNS, ROLES, WORKFLOW_STATES, type Role } from '@luthier/rmos-contracts';
import { REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { openSessionFor, startHarness, type Harness } from './harness.js';

// Values near and across each schema's bounds, plus junk of every JSON type.
const junk = fc.oneof(fc.constant(null), fc.boolean(), fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.constant([]), fc.constant({}));
const num = (min: number, max: number) =>
  fc.oneof(fc.double({ min, max, noNaN: true }), fc.constantFrom(min, max, min - 1e-9, max + 1, 0, -1, 1e308), junk);
const ring = fc.record(
  {
    radial_position_mm: num(0.5, 200),
    width_mm: num(0.1, 50),
    depth_mm: num(0.05, 20),
    pattern: fc.oneof(fc.constantFrom(...RING_PATTERNS), junk),
  },
  { requiredKeys: [] },
);
const design = fc.oneof(
  fc.record({ outer_diameter_mm: num(5, 400), inner_diameter_mm: num(0, 400), rings: fc.array(ring, { maxLength: 4 }) }, { requiredKeys: [] }),
  fc.constant(REFERENCE_GREEN_REQUEST.design),
  junk,
);
const catalogId = fc.oneof(fc.constantFrom('maple_hard', 'flat_3mm', 'flat_6mm', 'grbl_hobby_router', 'linuxcnc_router', 'nope', ''), junk);
const context = fc.oneof(
  fc.record({ material_id: catalogId, tool_id: catalogId, machine_profile_id: catalogId }, { requiredKeys: [] }),
  fc.constant(REFERENCE_GREEN_REQUEST.context),
  junk,
);
// Fields a client must never be able to slip in, and prototype keys.
const extraKey = fc.constantFrom('feasibility', 'score', 'risk_bucket', 'state', 'approval', 'actor', '__proto__', 'constructor', 'x');
const withExtra = <T extends object>(arb: fc.Arbitrary<T>) =>
  fc.tuple(arb, fc.option(fc.tuple(extraKey, fc.jsonValue({ maxDepth: 2 })), { nil: undefined })).map(([value, extra]) => {
    if (!extra || typeof value !== 'object' || value === null) return value;
    return JSON.parse(JSON.stringify(value).replace(/^\{/, `{${JSON.stringify(extra[0])}:${JSON.stringify(extra[1])}${Object.keys(value).length ? ',' : ''}`));
  });

describe('fuzz: a few thousand requests over the request schemas', () => {
  let h: Harness;
  let sessionIds: string[];
  before(async () => {
    h = await startHarness();
    sessionIds = [await openSessionFor(h, REFERENCE_GREEN_REQUEST), await openSessionFor(h, REFERENCE_GREEN_REQUEST)];
  });
  after(() => h.close());

  test('no request gets a 5xx and the runs log still verifies', async () => {
    const sessionId = fc.oneof(fc.constantFrom(...sessionIds), fc.string({ maxLength: 40 }), junk);
    const role = fc.constantFrom<Role | null>(...ROLES, null);
    const request = fc.oneof(
      fc.record({ url: fc.constant('/api/rmos/feasibility'), body: withExtra(fc.record({ design, context }, { requiredKeys: [] })) }),
      fc.record({ url: fc.constant('/api/workflow/sessions'), body: withExtra(fc.record({ design, context }, { requiredKeys: [] })) }),
      fc.record({ url: fc.constant('/api/ai/proposals'), body: withExtra(fc.record({ design, context, max_proposals: num(1, 10) }, { requiredKeys: ['design', 'context'] })) }),
      fc.record({ url: fc.constant('/api/workflow/approve'), body: withExtra(fc.record({ session_id: sessionId }, { requiredKeys: [] })) }),
      fc.record({ url: fc.constant('/api/rmos/toolpaths'), body: withExtra(fc.record({ session_id: sessionId, dialect: fc.oneof(fc.constantFrom('grbl', 'linuxcnc', 'fanuc', 'heidenhain'), junk) }, { requiredKeys: [] })) }),
      fc.record({
        url: fc.oneof(sessionId, fc.constant('x')).map((id) => `/api/workflow/sessions/${encodeURIComponent(String(id))}/transition`),
        body: withExtra(fc.record({ to: fc.oneof(fc.constantFrom(...WORKFLOW_STATES), junk), reason: fc.oneof(fc.string({ maxLength: 600 }), junk) }, { requiredKeys: [] })),
      }),
      fc.record({ url: fc.constant('/api/rmos/feasibility'), body: fc.jsonValue({ maxDepth: 4 }) }),
      fc.record({ url: fc.constant('/api/workflow/sessions'), body: fc.string({ maxLength: 40 }).map((s) => ({ raw: `{"design":${s}` })) }),
    );
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, role, async ({ url, body }, who) => {
        const raw = body && typeof body === 'object' && 'raw' in body ? String((body as { raw: string }).raw) : JSON.stringify(body);
        const res = await h.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': 'application/json', ...(who ? { authorization: `Bearer ${h.tokens[who]}` } : {}) },
          payload: raw,
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        assert.ok(res.statusCode < 500, `${url} ${raw.slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        if (res.statusCode >= 400) assert.match(res.json().error.code, /^[A-Z][A-Z0-9_]+$/);
      }),
      { numRuns: 2500, seed: 20261123 },
    );
    const report = await h.stores.runs.verifyAll();
    assert.equal(report.ok, true, JSON.stringify(report.problems.slice(0, 5)));
    // the fuzz reached past validation too, not only 400s
    assert.ok((statuses.get(200) ?? 0) + (statuses.get(201) ?? 0) > 0, JSON.stringify([...statuses]));
    assert.ok((statuses.get(409) ?? 0) + (statuses.get(404) ?? 0) > 0, JSON.stringify([...statuses]));
    assert.equal(({} as Record<string, unknown>).isAdmin, undefined);
  });
});
