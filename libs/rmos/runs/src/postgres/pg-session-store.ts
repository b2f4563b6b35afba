import type pg from 'pg';
import type { WorkflowSession } from '@luthier/rmos-contracts';
import { toRunStoreError } from '../errors.js';
import { SessionConflictError, type SessionStore } from '../sessions/session-store.js';
import { parseSession, parseStoredSession } from '../sessions/session-validation.js';
import { assertSchemaName } from './pg-migrations.js';

/** Sessions in the same PostgreSQL schema as the artifacts: mutable rows, changed only by revision compare-and-swap. */
export class PgSessionStore implements SessionStore {
  private readonly S: string;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
  ) {
    this.S = `"${assertSchemaName(schema)}"`;
  }

  async create(session: WorkflowSession): Promise<void> {
    const s = parseSession(session);
    const result = await this.query(
      'create session',
      `INSERT INTO ${this.S}.sessions (session_id, revision, body, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (session_id) DO NOTHING`,
      [s.session_id, s.revision, JSON.stringify(s), s.updated_at],
    );
    if (result.rowCount === 0) throw new SessionConflictError(s.session_id);
  }

  async get(sessionId: string): Promise<WorkflowSession | null> {
    const { rows } = await this.query('get session', `SELECT body FROM ${this.S}.sessions WHERE session_id = $1`, [sessionId]);
    return rows.length ? parseStoredSession(sessionId, rows[0].body as string) : null;
  }

  async update(session: WorkflowSession, expectedRevision: number): Promise<void> {
    const s = parseSession(session);
    if (s.revision !== expectedRevision + 1) throw new SessionConflictError(s.session_id);
    const result = await this.query(
      'update session',
      `UPDATE ${this.S}.sessions SET revision = $1, body = $2, updated_at = $3 WHERE session_id = $4 AND revision = $5`,
      [s.revision, JSON.stringify(s), s.updated_at, s.session_id, expectedRevision],
    );
    if (result.rowCount === 0) throw new SessionConflictError(s.session_id);
  }

  private async query(operation: string, sql: string, params: unknown[]): Promise<pg.QueryResult> {
    try {
      return await this.pool.query(sql, params);
    } catch (error) {
      throw toRunStoreError(error, operation);
    }
  }
}
