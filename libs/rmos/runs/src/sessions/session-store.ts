import type { WorkflowSession } from '@luthier/rmos-contracts';

/** Thrown by SessionStore.update when the stored revision is not the one the caller read. */
export class SessionConflictError extends Error {
  readonly code = 'SESSION_CONFLICT';
  constructor(readonly sessionId: string) {
    super(`session ${sessionId} was changed concurrently; re-read it and try again`);
    this.name = 'SessionConflictError';
  }
}

/**
 * Where workflow sessions live. The in-memory store serves tests; the persistent
 * stores (SQLite and PostgreSQL) live beside the run artifacts, here.
 */
export interface SessionStore {
  create(session: WorkflowSession): Promise<void>;
  get(sessionId: string): Promise<WorkflowSession | null>;
  /**
   * Compare-and-swap: stores `session` only if the stored revision equals
   * `expectedRevision` (and `session.revision === expectedRevision + 1`);
   * otherwise throws SessionConflictError and changes nothing.
   */
  update(session: WorkflowSession, expectedRevision: number): Promise<void>;
}
