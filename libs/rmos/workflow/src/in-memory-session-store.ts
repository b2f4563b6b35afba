import type { WorkflowSession } from '@luthier/rmos-contracts';
import { SessionConflictError, type SessionStore } from '@luthier/rmos-runs';

/** Thrown by create for a session id that is already stored. */
export class SessionExistsError extends Error {
  readonly code = 'SESSION_EXISTS';
  readonly status = 409;
  constructor(readonly sessionId: string) {
    super(`session ${sessionId} already exists`);
    this.name = 'SessionExistsError';
  }
}

/**
 * A SessionStore in memory, for tests and tools. Copies deeply on the way in and
 * on the way out, so no caller can change a stored session except through update,
 * and update is a compare-and-swap on the revision like the persistent stores'.
 */
export function createInMemorySessionStore(): SessionStore {
  const sessions = new Map<string, WorkflowSession>();
  return {
    async create(session) {
      if (sessions.has(session.session_id)) throw new SessionExistsError(session.session_id);
      sessions.set(session.session_id, structuredClone(session));
    },
    async get(sessionId) {
      const stored = sessions.get(sessionId);
      return stored ? structuredClone(stored) : null;
    },
    async update(session, expectedRevision) {
      const stored = sessions.get(session.session_id);
      if (!stored || stored.revision !== expectedRevision || session.revision !== expectedRevision + 1) {
        throw new SessionConflictError(session.session_id);
      }
      sessions.set(session.session_id, structuredClone(session));
    },
  };
}
