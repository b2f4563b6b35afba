import { sessionIdSchema, type WorkflowSession } from '@luthier/rmos-contracts';
import type { WorkflowDeps } from './deps.js';
import { SessionNotFoundError } from './errors.js';
import { parseInput } from './input.js';

/** The stored session: INVALID_REQUEST (400) for a malformed id, SESSION_NOT_FOUND (404) for an unknown one. */
export async function getSession(deps: WorkflowDeps, sessionId: unknown): Promise<WorkflowSession> {
  const id = parseInput(sessionIdSchema, sessionId, 'session id');
  const session = await deps.sessions.get(id);
  if (!session) throw new SessionNotFoundError(id);
  return session;
}
