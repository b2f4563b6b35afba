import type { FeasibilityResult, Role, WorkflowState } from '@luthier/rmos-contracts';

/**
 * Every gate refusal is a GateError: a stable machine-readable `code` for clients
 * and an HTTP-ish `status` (409 a refusal of the request in the session's current
 * state, 403 a role that may not act) so a router can answer without a mapping table.
 */
export abstract class GateError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

/** The state machine does not allow `from → to`; `allowed` lists the legal targets from `from`. */
export class InvalidTransitionError extends GateError {
  readonly code = 'INVALID_TRANSITION';
  readonly status = 409;
  constructor(
    readonly from: WorkflowState | string,
    readonly to: WorkflowState | string,
    readonly allowed: readonly WorkflowState[],
  ) {
    super(`transition ${from} → ${to} is not allowed; from ${from} the allowed targets are: ${allowed.length ? allowed.join(', ') : 'none'}`);
    this.name = 'InvalidTransitionError';
  }
}

/** The actor's role may not perform the action (the advisor role may never approve, transition or generate). */
export class RoleForbiddenError extends GateError {
  readonly code = 'ROLE_FORBIDDEN';
  readonly status = 403;
  constructor(
    readonly role: Role | string,
    readonly action: string,
    readonly allowedRoles: readonly Role[],
  ) {
    super(`role ${role} may not ${action}; allowed roles: ${allowedRoles.join(', ') || 'none'}`);
    this.name = 'RoleForbiddenError';
  }
}

/** The actor object itself is malformed (no id, unknown role): fail closed, nobody is assumed. */
export class InvalidActorError extends GateError {
  readonly code = 'INVALID_ACTOR';
  readonly status = 403;
  constructor(readonly action: string) {
    super(`a valid actor (actor_id and a known role) is required to ${action}`);
    this.name = 'InvalidActorError';
  }
}

/**
 * The server-side recomputation was not GREEN, or could not be made.
 * `feasibility` is the recomputed result (null when the design or context could
 * not even be evaluated); it is never the result the caller passed in.
 */
export class FeasibilityGateError extends GateError {
  readonly code = 'FEASIBILITY_NOT_GREEN';
  readonly status = 409;
  constructor(
    readonly feasibility: FeasibilityResult | null,
    reason: string,
  ) {
    super(`feasibility gate: ${reason}`);
    this.name = 'FeasibilityGateError';
  }
}

/** Toolpaths were asked for a session that is not APPROVED (or whose approval is not valid). */
export class NotApprovedError extends GateError {
  readonly code = 'SESSION_NOT_APPROVED';
  readonly status = 409;
  constructor(
    readonly state: WorkflowState | string,
    reason: string,
  ) {
    super(`toolpaths need an APPROVED session: ${reason}`);
    this.name = 'NotApprovedError';
  }
}

/** The approval was decided on a different feasibility result than the one recomputed now (e.g. a new engine version). */
export class ApprovalStaleError extends GateError {
  readonly code = 'APPROVAL_STALE';
  readonly status = 409;
  constructor(
    readonly approvedHash: string,
    readonly currentHash: string,
  ) {
    super(`the approval was given on feasibility ${approvedHash} but it recomputes to ${currentHash}; a new approval is needed`);
    this.name = 'ApprovalStaleError';
  }
}
