// The shared run-store suite against the embedded SQLite backend.
import { describe } from 'node:test';
import { defineRunStoreSuite } from './run-store.suite.js';
import { sqliteHarness } from './helpers/harness.js';

describe('SQLite run store', () => defineRunStoreSuite(sqliteHarness));
