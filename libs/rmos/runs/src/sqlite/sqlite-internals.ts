import type { RunArtifact, RunArtifactInput, WorkflowSession } from '@luthier/rmos-contracts';
import type { SqliteGroupCommit } from './group-commit.js';

/**
 * What only this package's own modules reach of the SQLite stores. Kept off the
 * store objects on purpose: a store handed to other code by injection then offers
 * no way to write an artifact but its authority-named methods, which the boundary
 * checks recognise (contract §3).
 */
export interface SqliteRunStoreInternals {
  writer: SqliteGroupCommit;
  /** Checks an input (schema, attachments present); answers its append as a write for a group transaction. */
  prepareAppend(input: RunArtifactInput): Promise<() => RunArtifact>;
}

export interface SqliteSessionStoreInternals {
  writer: SqliteGroupCommit;
  /** Checks an update; answers the compare-and-swap as a write for a group transaction (it throws SessionConflictError there). */
  prepareUpdate(session: WorkflowSession, expectedRevision: number): () => void;
}

export const sqliteRunStoreInternals = new WeakMap<object, SqliteRunStoreInternals>();
export const sqliteSessionStoreInternals = new WeakMap<object, SqliteSessionStoreInternals>();
