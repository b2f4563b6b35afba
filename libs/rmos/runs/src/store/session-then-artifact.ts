import type { RunArtifact, RunArtifactInput, WorkflowSession } from '@luthier/rmos-contracts';
import { toRunStoreError } from '../errors.js';
import type { SessionStore } from '../sessions/session-store.js';
import { sqliteRunStoreInternals, sqliteSessionStoreInternals } from '../sqlite/sqlite-internals.js';
import type { PreparedAppend } from '../sqlite/sqlite-internals.js';
import type { AppendOutcome } from '../sqlite/sqlite-writes.js';
import type { RunStore } from './run-store.js';

/** The session change an artifact records, made just before it. */
export interface SessionUpdate {
  sessions: SessionStore;
  session: WorkflowSession;
  expectedRevision: number;
}

/** The artifact stored after the session change, or why it could not be (the session change stands). */
export type ArtifactOutcome = { recorded: RunArtifact } | { notRecorded: unknown };

/**
 * `sessions.update(...)` and then — only if it was stored — the artifact, answered
 * the same way as those two calls one after the other: the session's error is
 * thrown and nothing is written; an artifact refused after the change is answered
 * as `notRecorded` with the change standing, for the caller to withdraw. When both
 * stores share one SQLite connection the two writes go into one group commit (one
 * fsync to wait for, not two; a failed commit writes neither). Any other pair
 * (PostgreSQL, the in-memory session store, a wrapped store) takes two steps.
 */
export async function persistAfterSessionUpdate(runs: RunStore, input: RunArtifactInput, change: SessionUpdate): Promise<ArtifactOutcome> {
  const runInternals = sqliteRunStoreInternals.get(runs);
  const sessionInternals = sqliteSessionStoreInternals.get(change.sessions);
  if (runInternals && sessionInternals && runInternals.writer === sessionInternals.writer) {
    const row = sessionInternals.prepareUpdate(change.session, change.expectedRevision);
    let prepared: PreparedAppend | null = null;
    let refused: unknown = null;
    try {
      prepared = await runInternals.prepareAppend(input);
    } catch (error) {
      refused = error;
    }
    if (prepared) {
      let outcome: AppendOutcome;
      try {
        // The artifact is appended in a savepoint nested in the change's write: its own refusal is undone alone.
        outcome = await runInternals.writer.submit({ kind: 'session-update-then-append', row, append: prepared.append });
      } catch (error) {
        throw toRunStoreError(error, 'update session');
      }
      return outcome.ok ? { recorded: prepared.artifactOf(outcome.value) } : { notRecorded: toRunStoreError(outcome.error, 'persistRunArtifact') };
    }
    // Refused before any write: the change is still made, exactly as in the two-step path.
    await change.sessions.update(change.session, change.expectedRevision);
    return { notRecorded: refused };
  }
  await change.sessions.update(change.session, change.expectedRevision);
  try {
    return { recorded: await runs.persistRunArtifact(input) };
  } catch (error) {
    return { notRecorded: error };
  }
}
