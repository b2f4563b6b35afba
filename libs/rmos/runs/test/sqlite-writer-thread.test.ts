// The shared run-store suite against the embedded SQLite backend with its writes
// committed in the writer thread (how the API server opens it), the SIGKILL and
// two-process cases included.
import { describe } from 'node:test';
import { defineRunStoreSuite } from './run-store.suite.js';
import { sqliteHarness } from './helpers/harness.js';

describe('SQLite run store, writer thread', () => defineRunStoreSuite(() => sqliteHarness({ writerThread: true })));
