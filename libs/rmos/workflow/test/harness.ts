// Test harness: the real run and session stores (SQLite in a temp dir), actors, and a
// fixed clock. Not a test file itself (no .test.ts), imported by the tests beside it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Actor, RunArtifact, WorkflowSession } from '@luthier/rmos-contracts';
import { openStores, type RunStore, type Stores } from '@luthier/rmos-runs';
import type { WorkflowDeps } from '../src/deps.js';
import { createInMemorySessionStore } from '../src/in-memory-session-store.js';

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
 * Real stores in a fresh temp data dir. `sessions: 'memory'` swaps the persistent
 * session store for the in-memory one (both implement SessionStore).
 */
export async function openHarness(options: { sessions?: 'sqlite' | 'memory'; runs?: (runs: RunStore) => RunStore } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rmos-workflow-'));
  const stores = await openStores({ dataDir });
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
