import type Database from 'better-sqlite3';
import type { WorkflowSession } from '@luthier/rmos-contracts';
import { toRunStoreError } from '../errors.js';
import { parseSession, parseStoredSession } from '../sessions/session-validation.js';
import { SessionConflictError, type SessionStore } from '../sessions/session-store.js';
import { SqliteGroupCommit } from './group-commit.js';
import { sqliteSessionStoreInternals } from './sqlite-internals.js';

/** Sessions in the same SQLite database as the artifacts: mutable rows, changed only by revision compare-and-swap. */
export class SqliteSessionStore implements SessionStore {
  private readonly stmt;
  private readonly writer: SqliteGroupCommit;

  /** `writer`: the connection's group committer, shared with the run store, so a session write and an append share a commit. */
  constructor(db: Database.Database, writer?: SqliteGroupCommit) {
    this.writer = writer ?? new SqliteGroupCommit(db);
    sqliteSessionStoreInternals.set(this, { writer: this.writer, prepareUpdate: (session, expected) => this.prepareUpdate(session, expected) });
    this.stmt = {
      insert: db.prepare('INSERT INTO sessions (session_id, revision, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING'),
      get: db.prepare('SELECT body FROM sessions WHERE session_id = ?'),
      cas: db.prepare('UPDATE sessions SET revision = ?, body = ?, updated_at = ? WHERE session_id = ? AND revision = ?'),
    };
  }

  async create(session: WorkflowSession): Promise<void> {
    const s = parseSession(session);
    const text = JSON.stringify(s);
    await this.write(() => {
      const result = this.stmt.insert.run(s.session_id, s.revision, text, s.updated_at);
      if (result.changes === 0) throw new SessionConflictError(s.session_id);
    }, 'create session');
  }

  async get(sessionId: string): Promise<WorkflowSession | null> {
    const row = this.run(() => this.stmt.get.get(sessionId) as { body: string } | undefined, 'get session');
    return row ? parseStoredSession(sessionId, row.body) : null;
  }

  async update(session: WorkflowSession, expectedRevision: number): Promise<void> {
    // The compare-and-swap runs in the group commit; a conflict rejects only this caller.
    await this.write(this.prepareUpdate(session, expectedRevision), 'update session');
  }

  /**
   * Checks an update and answers the compare-and-swap as a write to run inside a
   * group transaction (it throws SessionConflictError there if the revision moved).
   */
  private prepareUpdate(session: WorkflowSession, expectedRevision: number): () => void {
    const s = parseSession(session);
    if (s.revision !== expectedRevision + 1) throw new SessionConflictError(s.session_id);
    const text = JSON.stringify(s);
    return () => {
      const result = this.stmt.cas.run(s.revision, text, s.updated_at, s.session_id, expectedRevision);
      if (result.changes === 0) throw new SessionConflictError(s.session_id);
    };
  }

  /** A write through the group committer; answers once its commit is durable. */
  private async write(fn: () => void, operation: string): Promise<void> {
    try {
      await this.writer.submit(fn);
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
