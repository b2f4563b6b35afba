// The workflow session state machine and the use cases the HTTP routes call, one per route.
export { WORKFLOW_TRANSITIONS, allowedTransitions } from '@luthier/rmos-gates';
export { createInMemorySessionStore, SessionExistsError } from './in-memory-session-store.js';
export type { WorkflowDeps } from './deps.js';
export {
  WorkflowInputError,
  SessionNotFoundError,
  ApprovalReplayError,
  TransitionReservedError,
  ToolpathGenerationError,
  WorkflowActionError,
  RunNotRecordedError,
  describeError,
} from './errors.js';
export {
  TOOLPATH_DIALECTS,
  approveRequestSchema,
  toolpathsRequestSchema,
  transitionWorkflowRequestSchema,
  type ToolpathDialect,
  type ApproveRequest,
  type ToolpathsRequest,
  type TransitionWorkflowRequest,
} from './input.js';
export { openSession } from './open-session.js';
export { getSession } from './get-session.js';
export { transitionWorkflow } from './transition-workflow.js';
export { approveWorkflow, type ApproveResult } from './approve-workflow.js';
export { requestToolpaths, GCODE_MEDIA_TYPE, type ToolpathsResult } from './request-toolpaths.js';
