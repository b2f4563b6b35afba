import type { FeasibilityResult, WorkflowSession } from '@luthier/rmos-contracts';

/** The request does not match its schema; `issues` says where. */
export class WorkflowInputError extends Error {
  readonly code = 'INVALID_REQUEST';
  readonly status = 400;
  constructor(
    message: string,
    readonly issues: readonly { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'WorkflowInputError';
  }
}

export class SessionNotFoundError extends Error {
  readonly code = 'SESSION_NOT_FOUND';
  readonly status = 404;
  constructor(readonly sessionId: string) {
    super(`no workflow session ${sessionId}`);
    this.name = 'SessionNotFoundError';
  }
}

/** Approve was asked again for a session that is already approved or past approval. */
export class ApprovalReplayError extends Error {
  readonly code = 'APPROVAL_REPLAYED';
  readonly status = 409;
  constructor(
    readonly sessionId: string,
    readonly state: string,
  ) {
    super(`session ${sessionId} is already ${state}; an approval is given once`);
    this.name = 'ApprovalReplayError';
  }
}

/** A target that only approve (APPROVED) or toolpaths (TOOLPATHS_*) may move a session to. */
export class TransitionReservedError extends Error {
  readonly code = 'TRANSITION_RESERVED';
  readonly status = 409;
  constructor(
    readonly to: string,
    readonly via: string,
  ) {
    super(`a session enters ${to} only through ${via}, never by a plain transition`);
    this.name = 'TransitionReservedError';
  }
}

/** Toolpath generation failed inside the engine (not a refusal): recorded as an ERROR artifact. */
export class ToolpathGenerationError extends Error {
  readonly code = 'TOOLPATHS_FAILED';
  readonly status = 500;
  constructor(message: string, options?: { cause?: unknown }) {
    super(`toolpath generation failed: ${message}`, options);
    this.name = 'ToolpathGenerationError';
  }
}

/**
 * What approveWorkflow and requestToolpaths throw for every outcome but OK, after
 * the run artifact is recorded. `code` and `status` are the underlying refusal's
 * (e.g. FEASIBILITY_NOT_GREEN 409, ROLE_FORBIDDEN 403, APPROVAL_REPLAYED 409,
 * SESSION_NOT_FOUND 404, TOOLPATHS_FAILED 500); `run_id` and `run_status`
 * (BLOCKED or ERROR) name the artifact; `session` is the session as it now is
 * (null when none was found) and `feasibility` the server-side result, if one was computed.
 */
export class WorkflowActionError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(
    readonly outcome: {
      code: string;
      status: number;
      message: string;
      run_id: string;
      run_status: 'BLOCKED' | 'ERROR';
      session: WorkflowSession | null;
      feasibility: FeasibilityResult | null;
      cause: unknown;
    },
  ) {
    super(outcome.message, { cause: outcome.cause });
    this.name = 'WorkflowActionError';
    this.code = outcome.code;
    this.status = outcome.status;
  }
  get run_id(): string {
    return this.outcome.run_id;
  }
  get run_status(): 'BLOCKED' | 'ERROR' {
    return this.outcome.run_status;
  }
  get session(): WorkflowSession | null {
    return this.outcome.session;
  }
  get feasibility(): FeasibilityResult | null {
    return this.outcome.feasibility;
  }
}

/**
 * The run artifact of an attempt could not be recorded: the attempt is answered as
 * a failure, with the run store's own 5xx status when it declares one (503
 * unavailable, 507 full), else 500.
 */
export class RunNotRecordedError extends Error {
  readonly code = 'RUN_NOT_RECORDED';
  readonly status: number;
  constructor(options?: { cause?: unknown }) {
    super('the run artifact of this attempt could not be recorded', options);
    this.name = 'RunNotRecordedError';
    const causeStatus = (options?.cause as { status?: unknown } | null)?.status;
    this.status = typeof causeStatus === 'number' && causeStatus >= 500 && causeStatus < 600 ? causeStatus : 500;
  }
}

/**
 * The code, HTTP-ish status and message of any error, for artifacts and routers.
 * Only errors that declare both a code and a status keep their code (plus the
 * store's SESSION_CONFLICT, 409); anything else is 500 INTERNAL_ERROR.
 */
export function describeError(error: unknown): { code: string; status: number; message: string } {
  const e = error as { code?: unknown; status?: unknown; message?: unknown } | null;
  const message = typeof e?.message === 'string' ? e.message : String(error);
  if (typeof e?.code === 'string' && typeof e.status === 'number') return { code: e.code, status: e.status, message };
  if (e?.code === 'SESSION_CONFLICT') return { code: 'SESSION_CONFLICT', status: 409, message };
  return { code: 'INTERNAL_ERROR', status: 500, message };
}
