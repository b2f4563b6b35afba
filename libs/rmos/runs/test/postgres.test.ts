// The shared run-store suite against PostgreSQL, each run in a schema of its own
// (runs_test_<pid>_<random>, dropped afterwards). With no server it says plainly that
// this half was skipped, unless REQUIRE_POSTGRES=1 (CI), where that is a failure.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defineRunStoreSuite } from './run-store.suite.js';
import { PG_TEST_URL, postgresHarness, postgresUnreachable } from './helpers/harness.js';

const unreachable = await postgresUnreachable();
if (unreachable === null) {
  describe('PostgreSQL run store', () => defineRunStoreSuite(() => postgresHarness()));
} else if (process.env.REQUIRE_POSTGRES === '1') {
  test('PostgreSQL run store', () => assert.fail(`REQUIRE_POSTGRES=1 but PostgreSQL at ${PG_TEST_URL} is unreachable: ${unreachable}`));
} else {
  const message = `PostgreSQL at ${PG_TEST_URL} is unreachable (${unreachable}): the PostgreSQL half of the run-store suite was SKIPPED`;
  console.log(message);
  test('PostgreSQL run store', { skip: message }, () => undefined);
}
