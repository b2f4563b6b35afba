// The workflow's guarantees that depend on the store (compare-and-swap, artifacts on
// every path), again on PostgreSQL. With no server this says plainly that it was
// SKIPPED, unless REQUIRE_POSTGRES=1 (CI), where that is a failure.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { approveWorkflow, getSession, openSession, requestToolpaths } from '../src/index.js';
import { GREEN, RED } from './designs.js';
import { approver, openHarness, operator, PG_TEST_URL, postgresUnreachable, type Harness } from './harness.js';

const unreachable = await postgresUnreachable();
if (unreachable === null) {
  describe('the workflow on PostgreSQL stores', () => {
    let h: Harness;
    before(async () => {
      h = await openHarness({ backend: 'postgres' });
    });
    after(() => h.close());

    test('GREEN: open, approve, toolpaths; each attempt leaves its artifact', async () => {
      const opened = await openSession(h.deps, GREEN, operator);
      const approval = await approveWorkflow(h.deps, { session_id: opened.session_id }, approver);
      const toolpaths = await requestToolpaths(h.deps, { session_id: opened.session_id }, operator);
      assert.equal((await getSession(h.deps, opened.session_id)).state, 'TOOLPATHS_READY');
      for (const run_id of [approval.run_id, toolpaths.run_id]) assert.equal((await h.stores.runs.get(run_id))?.status, 'OK');
      assert.equal(new TextDecoder().decode((await h.stores.runs.getAttachment(toolpaths.gcode_sha256))!), toolpaths.gcode);
    });

    test('RED is rejected with a BLOCKED artifact; a replay is refused', async () => {
      const opened = await openSession(h.deps, RED, operator);
      await assert.rejects(approveWorkflow(h.deps, { session_id: opened.session_id }, approver), { code: 'FEASIBILITY_NOT_GREEN' });
      assert.equal((await getSession(h.deps, opened.session_id)).state, 'REJECTED');
      const green = await openSession(h.deps, GREEN, operator);
      await approveWorkflow(h.deps, { session_id: green.session_id }, approver);
      await assert.rejects(approveWorkflow(h.deps, { session_id: green.session_id }, approver), { code: 'APPROVAL_REPLAYED' });
      const runs = (await h.stores.runs.list({ session_id: opened.session_id })).items;
      assert.deepEqual(runs.map((r) => r.status), ['BLOCKED']);
    });

    test('racing approvals: exactly one wins the compare-and-swap, both are recorded', async () => {
      const opened = await openSession(h.deps, GREEN, operator);
      const outcomes = await Promise.allSettled(
        [approver, { actor_id: 'appr-2', role: 'approver' as const }, { actor_id: 'appr-3', role: 'approver' as const }].map((actor) =>
          approveWorkflow(h.deps, { session_id: opened.session_id }, actor),
        ),
      );
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1);
      const stored = await getSession(h.deps, opened.session_id);
      assert.equal(stored.state, 'APPROVED');
      assert.equal(stored.history.filter((c) => c.to === 'APPROVED').length, 1);
      const runs = (await h.stores.runs.list({ session_id: opened.session_id })).items;
      assert.deepEqual(runs.map((r) => r.status).sort(), ['BLOCKED', 'BLOCKED', 'OK']);
    });
  });
} else if (process.env.REQUIRE_POSTGRES === '1') {
  test('the workflow on PostgreSQL stores', () => assert.fail(`REQUIRE_POSTGRES=1 but PostgreSQL at ${PG_TEST_URL} is unreachable: ${unreachable}`));
} else {
  const message = `PostgreSQL at ${PG_TEST_URL} is unreachable (${unreachable}): the workflow's PostgreSQL tests were SKIPPED`;
  console.log(message);
  test('the workflow on PostgreSQL stores', { skip: message }, () => undefined);
}
