import { designRequestSchema, type Actor, type WorkflowSession } from '@luthier/rmos-contracts';
import { assertActorMay, recomputeFeasibility } from '@luthier/rmos-gates';
import { newSessionId, nowIso, type WorkflowDeps } from './deps.js';
import { parseInput } from './input.js';
import { advance } from './session-changes.js';

/**
 * Opens a workflow session for `{ design, context }` (operator only). Only those
 * two fields are read: any feasibility, score or risk bucket the caller sends is
 * ignored, and feasibility is computed here, server-side. The session is stored
 * at FEASIBILITY_READY with the steps DRAFT → CONTEXT_READY → FEASIBILITY_REQUESTED
 * → FEASIBILITY_READY in its history, ready to be approved (GREEN) or refused.
 */
export async function openSession(deps: WorkflowDeps, input: unknown, actor: Actor): Promise<WorkflowSession> {
  assertActorMay(actor, 'open_session');
  const body = (input ?? {}) as { design?: unknown; context?: unknown };
  const { design, context } = parseInput(designRequestSchema, { design: body.design, context: body.context }, 'session request');
  const at = nowIso(deps);
  const feasibility = recomputeFeasibility({ design, context });
  const draft: WorkflowSession = {
    session_id: newSessionId(deps),
    state: 'DRAFT',
    design,
    context,
    feasibility: null,
    approval: null,
    created_at: at,
    updated_at: at,
    revision: 0,
    history: [],
  };
  const session = { ...advance(draft, ['CONTEXT_READY', 'FEASIBILITY_REQUESTED', 'FEASIBILITY_READY'], { actor, at }, { feasibility }), revision: 0 };
  await deps.sessions.create(session);
  return session;
}
