import { WORKFLOW_STATES, type WorkflowState } from '@luthier/rmos-contracts';
import { InvalidTransitionError } from './errors.js';

/**
 * The legal transitions of a workflow session, and nothing else.
 *
 * | from                     | to                                                        | why                                          |
 * |--------------------------|-----------------------------------------------------------|----------------------------------------------|
 * | DRAFT                    | CONTEXT_READY, ARCHIVED                                   | a design gets its manufacturing context       |
 * | CONTEXT_READY            | FEASIBILITY_REQUESTED, ARCHIVED                           | ask for the server-side evaluation            |
 * | FEASIBILITY_REQUESTED    | FEASIBILITY_READY, ARCHIVED                               | the result is computed (never sent in)        |
 * | FEASIBILITY_READY        | APPROVED, DESIGN_REVISION_REQUIRED, REJECTED, ARCHIVED    | approve (GREEN only) or send back / reject    |
 * | DESIGN_REVISION_REQUIRED | DRAFT, REJECTED, ARCHIVED                                 | revise the design and start over, or give up  |
 * | APPROVED                 | TOOLPATHS_REQUESTED, ARCHIVED                             | generate G-code for the approved design       |
 * | TOOLPATHS_REQUESTED      | TOOLPATHS_READY, ARCHIVED                                 | the G-code is stored as a run attachment      |
 * | TOOLPATHS_READY          | ARCHIVED                                                  | done                                          |
 * | REJECTED                 | ARCHIVED                                                  | terminal but for archiving                    |
 * | ARCHIVED                 | (none)                                                    | terminal                                      |
 *
 * APPROVED is entered only from FEASIBILITY_READY, so every approval follows an
 * evaluation; TOOLPATHS_READY only through TOOLPATHS_REQUESTED, only from APPROVED.
 * Which of these a caller may ask for directly (and which only approve/toolpaths
 * may take) is the workflow's business; this table is what no path may step outside.
 * Deep-frozen so that no code holding a reference can widen it at run time.
 */
export const WORKFLOW_TRANSITIONS: Readonly<Record<WorkflowState, readonly WorkflowState[]>> = deepFreeze({
  DRAFT: ['CONTEXT_READY', 'ARCHIVED'],
  CONTEXT_READY: ['FEASIBILITY_REQUESTED', 'ARCHIVED'],
  FEASIBILITY_REQUESTED: ['FEASIBILITY_READY', 'ARCHIVED'],
  FEASIBILITY_READY: ['APPROVED', 'DESIGN_REVISION_REQUIRED', 'REJECTED', 'ARCHIVED'],
  DESIGN_REVISION_REQUIRED: ['DRAFT', 'REJECTED', 'ARCHIVED'],
  APPROVED: ['TOOLPATHS_REQUESTED', 'ARCHIVED'],
  TOOLPATHS_REQUESTED: ['TOOLPATHS_READY', 'ARCHIVED'],
  TOOLPATHS_READY: ['ARCHIVED'],
  REJECTED: ['ARCHIVED'],
  ARCHIVED: [],
} satisfies Record<WorkflowState, WorkflowState[]>);

function deepFreeze<T extends Record<string, readonly unknown[]>>(table: T): T {
  for (const targets of Object.values(table)) Object.freeze(targets);
  return Object.freeze(table);
}

export function isWorkflowState(value: unknown): value is WorkflowState {
  return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value);
}

/** The legal targets from `from`; empty for an unknown state (fail closed). */
export function allowedTransitions(from: unknown): readonly WorkflowState[] {
  return isWorkflowState(from) ? WORKFLOW_TRANSITIONS[from] : [];
}

/** The state-machine guard: throws InvalidTransitionError (INVALID_TRANSITION, 409) unless the table allows `from → to`. */
export function assertTransitionAllowed(from: WorkflowState, to: WorkflowState): void {
  const allowed = allowedTransitions(from);
  if (!isWorkflowState(to) || !allowed.includes(to)) throw new InvalidTransitionError(from, to, allowed);
}
