import type { Actor, WorkflowSession, WorkflowState } from '@luthier/rmos-contracts';
import { assertTransitionAllowed } from '@luthier/rmos-gates';

/**
 * The next version of `session` after the transitions `path` (each checked by the
 * state-machine guard, each recorded in the history with its actor and time),
 * with `changes` applied and the revision bumped once: one compare-and-swap
 * stores the whole step, so a session is never left half-changed.
 */
export function advance(
  session: WorkflowSession,
  path: readonly WorkflowState[],
  by: { actor: Actor; at: string; reason?: string },
  changes: Partial<Pick<WorkflowSession, 'feasibility' | 'approval'>> = {},
): WorkflowSession {
  const history = [...session.history];
  let from = session.state;
  for (const to of path) {
    assertTransitionAllowed(from, to);
    history.push({ from, to, actor: { actor_id: by.actor.actor_id, role: by.actor.role }, at: by.at, ...(by.reason === undefined ? {} : { reason: by.reason }) });
    from = to;
  }
  return { ...session, ...changes, state: from, history, updated_at: by.at, revision: session.revision + 1 };
}
