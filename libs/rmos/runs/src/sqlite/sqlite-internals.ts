import type { RunArtifact, RunArtifactInput, WorkflowSession } from '@luthier/rmos-contracts';
import type { AppendStamps } from '../artifact/build-artifact.js';
import type { SqliteWriter } from './sqlite-writer.js';
import type { AppendWrite, SessionRowWrite } from './sqlite-writes.js';

/**
 * What only this package's own modules reach of the SQLite stores. Kept off the
 * store objects on purpose: a store handed to other code by injection then offers
 * no way to write an artifact but its authority-named methods, which the boundary
 * checks recognise (contract §3).
 */
export interface SqliteRunStoreInternals {
  writer: SqliteWriter;
  /** Checks an input (schema, attachments present); answers its append, for a write in a group transaction. */
  prepareAppend(input: RunArtifactInput): Promise<PreparedAppend>;
}

/** An append ready for a group transaction, and the artifact it stores, made of the stamps the write answers. */
export interface PreparedAppend {
  append: AppendWrite;
  artifactOf(stamps: AppendStamps): RunArtifact;
}

export interface SqliteSessionStoreInternals {
  writer: SqliteWriter;
  /** Checks an update; answers the compare-and-swap's row, for a write in a group transaction (it throws SessionConflictError there). */
  prepareUpdate(session: WorkflowSession, expectedRevision: number): SessionRowWrite;
}

export const sqliteRunStoreInternals = new WeakMap<object, SqliteRunStoreInternals>();
export const sqliteSessionStoreInternals = new WeakMap<object, SqliteSessionStoreInternals>();
