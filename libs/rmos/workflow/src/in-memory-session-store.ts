import { workflowSessionSchema, type WorkflowSession } from '@luthier/rmos-contracts';
import { SessionConflictError, SessionInvalidError, type SessionStore } from '@luthier/rmos-runs';

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
 * update is a compare-and-swap on the revision, and a session that does not match
 * the contract schema is refused (SessionInvalidError), like the persistent stores.
 */
export function createInMemorySessionStore(): SessionStore {
  const sessions = new Map<string, WorkflowSession>();
  return {
    async create(session) {
      const valid = parse(session);
      if (sessions.has(valid.session_id)) throw new SessionExistsError(valid.session_id);
      sessions.set(valid.session_id, valid);
    },
    async get(sessionId) {
      const stored = sessions.get(sessionId);
      return stored ? structuredClone(stored) : null;
    },
    async update(session, expectedRevision) {
      const valid = parse(session);
      const stored = sessions.get(session.session_id);
      if (!stored || stored.revision !== expectedRevision || session.revision !== expectedRevision + 1) {
        throw new SessionConflictError(session.session_id);
      }
      sessions.set(valid.session_id, valid);
    },
  };
}

/** A schema-checked deep copy: nothing the caller holds is kept. */
function parse(session: WorkflowSession): WorkflowSession {
  const parsed = workflowSessionSchema.safeParse(session);
  if (!parsed.success) {
    throw new SessionInvalidError(`invalid session: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return structuredClone(parsed.data);
}
