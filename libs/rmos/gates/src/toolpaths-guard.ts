import { approvalSchema, workflowStateSchema, type FeasibilityResult, type WorkflowSession } from '@luthier/rmos-contracts';
import { hashCanonical } from '@luthier/shared-hashing';
import { ApprovalStaleError, NotApprovedError } from './errors.js';

/**
 * The approved-for-toolpaths guard: the session is in APPROVED and carries an
 * approval by an actor in the approver role. Throws NotApprovedError
 * (SESSION_NOT_APPROVED, 409) otherwise. It does not re-check feasibility: pair
 * it with feasibilityGate, which recomputes.
 */
export function assertApprovedForToolpaths(session: Pick<WorkflowSession, 'state' | 'approval'>): void {
  const state = workflowStateSchema.safeParse(session?.state);
  if (!state.success) throw new NotApprovedError(String(session?.state), 'the session state is unknown');
  if (state.data !== 'APPROVED') throw new NotApprovedError(state.data, `the session is ${state.data}`);
  const approval = approvalSchema.safeParse(session.approval);
  if (!approval.success) throw new NotApprovedError(state.data, 'the session carries no valid approval');
  if (approval.data.approved_by.role !== 'approver') {
    throw new NotApprovedError(state.data, `the approval was given by role ${approval.data.approved_by.role}, not approver`);
  }
}

/**
 * The approval holds for this feasibility result: its recorded hash equals the
 * hash of the result recomputed now. Throws ApprovalStaleError (APPROVAL_STALE, 409)
 * otherwise, so an approval cannot outlive a change of the rules it was decided by.
 */
export function assertApprovalMatches(session: Pick<WorkflowSession, 'approval'>, recomputed: FeasibilityResult): void {
  const current = hashCanonical(recomputed);
  const approved = session?.approval?.feasibility_hash ?? '';
  if (approved !== current) throw new ApprovalStaleError(approved, current);
}
