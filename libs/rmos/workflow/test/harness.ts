// Test harness: the real run and session stores (SQLite in a temp dir), actors, and a
// fixed clock. Not a test file itself (no .test.ts), imported by the tests beside it.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor, RunArtifact, WorkflowSession } from '@luthier/rmos-contracts';
import { openStores, type RunStore, type Stores } from '@luthier/rmos-runs';
import type { WorkflowDeps } from '../src/deps.js';
import pg from 'pg';
import { createInMemorySessionStore } from '../src/in-memory-session-store.js';

export const PG_TEST_URL = process.env.DATABASE_TEST_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Null when PostgreSQL answers, else why not. */
export async function postgresUnreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

const SCHEMA_PREFIX = 'workflow_test_';

/** Drops a test's own schema: the prefix is written in the SQL, so the boundary check can see it is never the store's. */
async function dropSchema(suffix: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA_PREFIX}${suffix}" CASCADE`);
  } finally {
    await client.end();
  }
}

export const operator: Actor = { actor_id: 'op-ada', role: 'operator' };
export const approver: Actor = { actor_id: 'appr-ben', role: 'approver' };
export const advisor: Actor = { actor_id: 'ai-advisor', role: 'advisor' };
export const auditor: Actor = { actor_id: 'aud-cy', role: 'auditor' };

export interface Harness {
  deps: WorkflowDeps;
  stores: Stores;
  /** Every artifact in the log, oldest first. */
  artifacts(): Promise<RunArtifact[]>;
  close(): Promise<void>;
}

/**
 * Real stores in a fresh temp data dir: SQLite, or PostgreSQL in a schema of its
 * own (dropped on close). `sessions: 'memory'` swaps the persistent session store
 * for the in-memory one (both implement SessionStore).
 */
export async function openHarness(
  options: { sessions?: 'store' | 'memory'; backend?: 'sqlite' | 'postgres'; runs?: (runs: RunStore) => RunStore } = {},
): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rmos-workflow-'));
  const suffix = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const schema = `${SCHEMA_PREFIX}${suffix}`;
  const postgres = options.backend === 'postgres';
  const stores = await openStores(postgres ? { dataDir, databaseUrl: PG_TEST_URL, schema } : { dataDir });
  let tick = 0;
  const deps: WorkflowDeps = {
    sessions: options.sessions === 'memory' ? createInMemorySessionStore() : stores.sessions,
    runs: options.runs ? options.runs(stores.runs) : stores.runs,
    clock: () => new Date(Date.UTC(2026, 0, 1, 12, 0, 0) + 1000 * tick++),
  };
  return {
    deps,
    stores,
    async artifacts() {
      const all: RunArtifact[] = [];
      for await (const artifact of stores.runs.exportAll()) all.push(artifact);
      return all;
    },
    async close() {
      await stores.close();
      if (postgres) await dropSchema(suffix);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Writes a session straight into the store, bypassing every use case: how a forged session would look. */
export async function forge(deps: WorkflowDeps, session: WorkflowSession, changes: Partial<WorkflowSession>): Promise<WorkflowSession> {
  const forged = { ...session, ...changes, revision: session.revision + 1 };
  await deps.sessions.update(forged, session.revision);
  return forged;
}

/** A run store whose artifact writes of the given status fail (as if the disk filled up at that moment). */
export function failingArtifacts(runs: RunStore, failStatus: 'OK' | 'BLOCKED' | 'ERROR' | 'ANY', failure: Error = new Error('disk full')): RunStore {
  return new Proxy(runs, {
    get(target, prop) {
      if (prop === 'persistRunArtifact') {
        return (input: { status: string }) =>
          failStatus === 'ANY' || input.status === failStatus ? Promise.reject(failure) : target.persistRunArtifact(input as never);
      }
      const value = Reflect.get(target, prop);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
