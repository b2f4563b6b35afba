import { workflowSessionSchema, type WorkflowSession } from '@luthier/rmos-contracts';

/** A session that does not match the contract schema: refused, nothing stored. */
export class SessionInvalidError extends Error {
  readonly code = 'SESSION_INVALID';
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'SessionInvalidError';
  }
}

export function parseSession(session: WorkflowSession): WorkflowSession {
  const parsed = workflowSessionSchema.safeParse(session);
  if (!parsed.success) {
    throw new SessionInvalidError(`invalid session: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}

export function parseStoredSession(sessionId: string, text: string): WorkflowSession {
  try {
    return workflowSessionSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new SessionInvalidError(`stored session ${sessionId} does not parse: ${(error as Error).message}`);
  }
}
