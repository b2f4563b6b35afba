import type Database from 'better-sqlite3';
import type { WorkflowSession } from '@luthier/rmos-contracts';
import { toRunStoreError } from '../errors.js';
import { parseSession, parseStoredSession } from '../sessions/session-validation.js';
import { SessionConflictError, type SessionStore } from '../sessions/session-store.js';
import { sqliteSessionStoreInternals } from './sqlite-internals.js';
import { InlineSqliteWriter, type SqliteWriter } from './sqlite-writer.js';
import type { SessionRowWrite, SqliteWrite } from './sqlite-writes.js';

/** Sessions in the same SQLite database as the artifacts: mutable rows, changed only by revision compare-and-swap. */
export class SqliteSessionStore implements SessionStore {
  private readonly stmt;
  private readonly writer: SqliteWriter;

  /** `writer`: where the connection's writes are committed, shared with the run store, so a session write and an append share a commit. */
  constructor(db: Database.Database, writer?: SqliteWriter) {
    this.writer = writer ?? new InlineSqliteWriter(db);
    sqliteSessionStoreInternals.set(this, { writer: this.writer, prepareUpdate: (session, expected) => this.prepareUpdate(session, expected) });
    this.stmt = {
      get: db.prepare('SELECT body FROM sessions WHERE session_id = ?'),
    };
  }

  async create(session: WorkflowSession): Promise<void> {
    // Refused as SessionConflictError in the commit if the id is taken.
    await this.write({ kind: 'session-create', row: sessionRow(parseSession(session)) }, 'create session');
  }

  async get(sessionId: string): Promise<WorkflowSession | null> {
    const row = this.run(() => this.stmt.get.get(sessionId) as { body: string } | undefined, 'get session');
    return row ? parseStoredSession(sessionId, row.body) : null;
  }

  async update(session: WorkflowSession, expectedRevision: number): Promise<void> {
    // The compare-and-swap runs in the group commit; a conflict rejects only this caller.
    await this.write({ kind: 'session-update', row: this.prepareUpdate(session, expectedRevision) }, 'update session');
  }

  /**
   * Checks an update and answers the compare-and-swap's row, for a write inside a
   * group transaction (it throws SessionConflictError there if the revision moved).
   */
  private prepareUpdate(session: WorkflowSession, expectedRevision: number): SessionRowWrite {
    const s = parseSession(session);
    if (s.revision !== expectedRevision + 1) throw new SessionConflictError(s.session_id);
    return { ...sessionRow(s), expectedRevision };
  }

  /** A write through the connection's writer; answers once its commit is durable. */
  private async write(write: SqliteWrite, operation: string): Promise<void> {
    try {
      await this.writer.submit(write);
    } catch (error) {
      throw toRunStoreError(error, operation);
    }
  }

  private run<T>(fn: () => T, operation: string): T {
    try {
      return fn();
    } catch (error) {
      throw toRunStoreError(error, operation);
    }
  }
}

function sessionRow(s: WorkflowSession): SessionRowWrite {
  return { session_id: s.session_id, revision: s.revision, text: JSON.stringify(s), updated_at: s.updated_at };
}
