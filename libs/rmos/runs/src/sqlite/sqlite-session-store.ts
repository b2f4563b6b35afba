import type Database from 'better-sqlite3';
import type { WorkflowSession } from '@luthier/rmos-contracts';
import { toRunStoreError } from '../errors.js';
import { parseSession, parseStoredSession } from '../sessions/session-validation.js';
import { SessionConflictError, type SessionStore } from '../sessions/session-store.js';

/** Sessions in the same SQLite database as the artifacts: mutable rows, changed only by revision compare-and-swap. */
export class SqliteSessionStore implements SessionStore {
  private readonly stmt;

  constructor(db: Database.Database) {
    this.stmt = {
      insert: db.prepare('INSERT INTO sessions (session_id, revision, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING'),
      get: db.prepare('SELECT body FROM sessions WHERE session_id = ?'),
      cas: db.prepare('UPDATE sessions SET revision = ?, body = ?, updated_at = ? WHERE session_id = ? AND revision = ?'),
    };
  }

  async create(session: WorkflowSession): Promise<void> {
    const s = parseSession(session);
    const result = this.run(() => this.stmt.insert.run(s.session_id, s.revision, JSON.stringify(s), s.updated_at), 'create session');
    if (result.changes === 0) throw new SessionConflictError(s.session_id);
  }

  async get(sessionId: string): Promise<WorkflowSession | null> {
    const row = this.run(() => this.stmt.get.get(sessionId) as { body: string } | undefined, 'get session');
    return row ? parseStoredSession(sessionId, row.body) : null;
  }

  async update(session: WorkflowSession, expectedRevision: number): Promise<void> {
    const s = parseSession(session);
    if (s.revision !== expectedRevision + 1) throw new SessionConflictError(s.session_id);
    const result = this.run(
      () => this.stmt.cas.run(s.revision, JSON.stringify(s), s.updated_at, s.session_id, expectedRevision),
      'update session',
    );
    if (result.changes === 0) throw new SessionConflictError(s.session_id);
  }

  private run<T>(fn: () => T, operation: string): T {
    try {
      return fn();
    } catch (error) {
      throw toRunStoreError(error, operation);
    }
  }
}
