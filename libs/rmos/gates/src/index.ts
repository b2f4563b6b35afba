// Runtime guards: state machine, role, feasibility gate, approved-for-toolpaths, artifact validator.
export {
  GateError,
  InvalidTransitionError,
  RoleForbiddenError,
  InvalidActorError,
  FeasibilityGateError,
  NotApprovedError,
  ApprovalStaleError,
} from './errors.js';
export { WORKFLOW_TRANSITIONS, allowedTransitions, assertTransitionAllowed, isWorkflowState } from './transitions.js';
export { ACTIONS, ROLE_PERMISSIONS, assertActorMay, parseActor, type Action } from './roles.js';
export { feasibilityGate, recomputeFeasibility, type FeasibilitySubject } from './feasibility-gate.js';
export { assertApprovedForToolpaths, assertApprovalMatches } from './toolpaths-guard.js';
export { RunArtifactValidationError, checkRunArtifact, checkRunArtifactHashes, validateRunArtifact, validateNewRunArtifact, validateSealedRunArtifact, schemaIssues, type ArtifactCheck, type ArtifactIssue } from './artifact-validator.js';
