import type { Actor, WorkflowSession, WorkflowState } from '@luthier/rmos-contracts';
import { assertActorMay, assertTransitionAllowed, recomputeFeasibility } from '@luthier/rmos-gates';
import { nowIso, type WorkflowDeps } from './deps.js';
import { TransitionReservedError } from './errors.js';
import { getSession } from './get-session.js';
import { parseInput, transitionWorkflowRequestSchema } from './input.js';
import { advance } from './session-changes.js';

/** Targets a plain transition may never take: only approveWorkflow and requestToolpaths enter them, through their gates. */
const RESERVED: Partial<Record<WorkflowState, string>> = Object.freeze({
  APPROVED: 'approveWorkflow (POST /api/workflow/approve)',
  TOOLPATHS_REQUESTED: 'requestToolpaths (POST /api/rmos/toolpaths)',
  TOOLPATHS_READY: 'requestToolpaths (POST /api/rmos/toolpaths)',
});

/**
 * A state transition the table allows (operator or approver). Entering
 * FEASIBILITY_READY recomputes feasibility server-side; entering DRAFT (to revise)
 * clears the feasibility and any approval. Stored with compare-and-swap; a
 * concurrent change answers SESSION_CONFLICT.
 */
export async function transitionWorkflow(deps: WorkflowDeps, input: unknown, actor: Actor): Promise<WorkflowSession> {
  assertActorMay(actor, 'transition');
  const { session_id, to, reason } = parseInput(transitionWorkflowRequestSchema, input, 'transition request');
  const session = await getSession(deps, session_id);
  assertTransitionAllowed(session.state, to);
  const via = RESERVED[to];
  if (via) throw new TransitionReservedError(to, via);
  const changes =
    to === 'FEASIBILITY_READY'
      ? { feasibility: recomputeFeasibility(session) }
      : to === 'DRAFT'
        ? { feasibility: null, approval: null }
        : {};
  const next = advance(session, [to], { actor, at: nowIso(deps), reason }, changes);
  await deps.sessions.update(next, session.revision);
  return next;
}
