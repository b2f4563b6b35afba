import { sessionIdSchema, type Actor, type FeasibilityResult, type WorkflowSession } from '@luthier/rmos-contracts';
import { parseActor, type Action } from '@luthier/rmos-gates';
import { persistRunArtifact, type ArtifactOutcome } from '@luthier/rmos-runs';
import { canonicalJson, type JsonValue } from '@luthier/shared-hashing';
import { nowIso, type WorkflowDeps } from './deps.js';
import { describeError, RunNotRecordedError, WorkflowActionError } from './errors.js';
import { advance } from './session-changes.js';

/** The artifact schema's bound on `reason`. */
const MAX_REASON_CHARS = 2000;

export interface Attempt {
  kind: 'approval' | 'toolpaths';
  status: 'OK' | 'BLOCKED' | 'ERROR';
  reason: string | null;
  session_id: string | null;
  actor: Actor;
  request: JsonValue;
  output: JsonValue;
  versions: Record<string, string>;
  attachments?: { name: string; sha256: string; size_bytes: number; media_type: string }[];
}

/**
 * Records one approve or toolpath attempt as an immutable run artifact and returns
 * its run_id. If the run store refuses or fails, the attempt cannot be answered as
 * anything but a failure: RunNotRecordedError (RUN_NOT_RECORDED, 500).
 */
export async function recordAttempt(deps: WorkflowDeps, attempt: Attempt): Promise<string> {
  try {
    const artifact = await persistRunArtifact(deps.runs, clipped(attempt));
    return artifact.run_id;
  } catch (cause) {
    throw new RunNotRecordedError({ cause });
  }
}

/** What an approve or toolpath attempt knew when it was refused or failed. */
export interface RefusedAttempt {
  kind: Attempt['kind'];
  error: unknown;
  input: unknown;
  actor: Actor;
  request: JsonValue | undefined;
  session: WorkflowSession | null;
  feasibility: FeasibilityResult | null;
  versions: Record<string, string>;
}

/**
 * Records a refused (BLOCKED) or failed (ERROR, a 5xx) attempt and returns the
 * error to throw, which carries the artifact's run_id: every attempt leaves a
 * run artifact, whatever stopped it.
 */
export async function recordRefusal(deps: WorkflowDeps, refused: RefusedAttempt): Promise<WorkflowActionError> {
  const { code, status, message } = describeError(refused.error);
  const runStatus = status >= 500 ? 'ERROR' : 'BLOCKED';
  const { session, feasibility } = refused;
  const run_id = await recordAttempt(deps, {
    kind: refused.kind,
    status: runStatus,
    reason: `${code}: ${message}`,
    session_id: session?.session_id ?? requestedSessionId(refused.input),
    actor: refused.actor,
    request: refused.request ?? jsonCopy(refused.input),
    output: { error: { code, message }, state: session?.state ?? null, feasibility: trustedJson(feasibility) },
    versions: refused.versions,
  });
  return new WorkflowActionError({ code, status, message, run_id, run_status: runStatus, session, feasibility, cause: refused.error });
}

/**
 * Values the platform built and schema-checked (feasibility results, approvals,
 * operation plans) are JSON already; the run store validates them again, so they
 * are passed as they are rather than copied. Never for what a caller sent: jsonCopy.
 */
export function trustedJson(value: object | null): JsonValue {
  return value as unknown as JsonValue;
}

/**
 * A JSON copy of what a caller sent, for the artifact's `request`: whatever cannot
 * be encoded canonically (a function, a cycle, NaN) is recorded as a marker
 * instead, so a malformed request is still recorded rather than lost.
 */
export function jsonCopy(value: unknown): JsonValue {
  if (value === undefined) return null;
  try {
    return JSON.parse(canonicalJson(value)) as JsonValue;
  } catch {
    return { unencodable_request: true };
  }
}

/**
 * The actor, copied to exactly its schema's fields. A malformed actor is thrown
 * out (INVALID_ACTOR, 403) before anything is recorded: an artifact must name
 * who acted, and the router establishes identity, so this is never a client's doing.
 */
export function validActor(actor: unknown, action: Action): Actor {
  return parseActor(actor, action);
}

/**
 * The session an attempt concerns, for the artifact's session_id: the id the
 * request names whenever it is well-formed, even if the attempt was refused
 * before the session was read (a forbidden role) or no such session exists, so
 * that the audit trail of a session shows every attempt made on it.
 */
export function requestedSessionId(input: unknown): string | null {
  const parsed = sessionIdSchema.safeParse((input as { session_id?: unknown } | null)?.session_id);
  return parsed.success ? parsed.data : null;
}

function clipped(attempt: Attempt): Attempt {
  return { ...attempt, reason: attempt.reason === null ? null : attempt.reason.slice(0, MAX_REASON_CHARS) };
}

/**
 * Stores a session change (`next`, compare-and-swap from `expectedRevision`) and then
 * the OK artifact recording it — in one commit where the stores share one (SQLite).
 * The change's own failure (a conflict, the store down) is thrown with nothing
 * written, for the caller to record as a refusal. Whether the artifact followed is
 * answered, and settled by recordedOrWithdrawn once the caller is done.
 */
export function storeChangeAndRecord(deps: WorkflowDeps, attempt: Attempt, next: WorkflowSession, expectedRevision: number): Promise<ArtifactOutcome> {
  return persistRunArtifact(deps.runs, clipped(attempt), { sessions: deps.sessions, session: next, expectedRevision });
}

/**
 * The run_id of the OK artifact of a stored session change. If it could not be
 * recorded, the change must not authorise anything: the session is archived (a
 * legal step from APPROVED and from TOOLPATHS_READY), best effort, and the attempt
 * answers RUN_NOT_RECORDED (500). An approval with no audit record never leads to G-code.
 */
export async function recordedOrWithdrawn(deps: WorkflowDeps, attempt: Attempt, session: WorkflowSession, outcome: ArtifactOutcome): Promise<string> {
  if ('recorded' in outcome) return outcome.recorded.run_id;
  try {
    const archived = advance(session, ['ARCHIVED'], { actor: attempt.actor, at: nowIso(deps), reason: `withdrawn: the ${attempt.kind} run artifact could not be recorded` });
    await deps.sessions.update(archived, session.revision);
  } catch {
    // the store is failing as well; the error below still refuses the attempt
  }
  throw new RunNotRecordedError({ cause: outcome.notRecorded });
}
