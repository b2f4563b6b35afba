import type { Actor, FeasibilityResult, WorkflowSession } from '@luthier/rmos-contracts';
import { versionStamps } from '@luthier/rmos-engines';
import { assertActorMay, assertTransitionAllowed, feasibilityGate, FeasibilityGateError } from '@luthier/rmos-gates';
import type { ArtifactOutcome } from '@luthier/rmos-runs';
import { hashCanonical, type JsonValue } from '@luthier/shared-hashing';
import { nowIso, type WorkflowDeps } from './deps.js';
import { ApprovalReplayError } from './errors.js';
import { getSession } from './get-session.js';
import { approveRequestSchema, parseInput } from './input.js';
import { recordedOrWithdrawn, recordRefusal, storeChangeAndRecord, trustedJson, validActor, type Attempt } from './record-attempt.js';
import { advance } from './session-changes.js';

export interface ApproveResult {
  run_id: string;
  status: 'OK';
  session: WorkflowSession;
  feasibility: FeasibilityResult;
}

/** States at or past approval: asking again is a replay. */
const APPROVED_OR_LATER = new Set(['APPROVED', 'TOOLPATHS_REQUESTED', 'TOOLPATHS_READY']);

/**
 * Approves a session (approver only) if, and only if, feasibility recomputed here
 * from the stored design and context is GREEN; the stored or any passed-in result
 * is never consulted. No score threshold makes YELLOW or RED approvable:
 * - GREEN: FEASIBILITY_READY → APPROVED, with `approval.approved_by` (the actor)
 *   and `approval.feasibility_hash` (hashCanonical of the recomputed result);
 * - YELLOW: → DESIGN_REVISION_REQUIRED; RED: → REJECTED; refused FEASIBILITY_NOT_GREEN (409);
 * - a session already APPROVED or past it: refused APPROVAL_REPLAYED (409), unchanged;
 * - any other state: INVALID_TRANSITION (409); an advisor, operator or auditor: ROLE_FORBIDDEN (403).
 * Every attempt is recorded as a run artifact (OK, BLOCKED, or ERROR for an
 * unexpected failure) with the actor before this answers; every outcome but OK
 * is thrown as WorkflowActionError carrying the run_id.
 */
export async function approveWorkflow(deps: WorkflowDeps, input: unknown, actor: Actor): Promise<ApproveResult> {
  const versions = versionStamps('feasibility');
  /** Set once the request is understood; until then the artifact records a copy of the raw input. */
  let request: JsonValue | null = null;
  let session: WorkflowSession | null = null;
  let feasibility: FeasibilityResult | null = null;
  let ok: Attempt;
  let outcome: ArtifactOutcome;
  actor = validActor(actor, 'approve');
  try {
    assertActorMay(actor, 'approve');
    const { session_id } = parseInput(approveRequestSchema, input, 'approve request');
    session = await getSession(deps, session_id);
    request = { session_id, revision: session.revision, design: session.design, context: session.context };
    if (APPROVED_OR_LATER.has(session.state) || session.approval !== null) {
      throw new ApprovalReplayError(session.session_id, session.state);
    }
    assertTransitionAllowed(session.state, 'APPROVED');
    const at = nowIso(deps);
    try {
      feasibility = feasibilityGate(session);
    } catch (refusal) {
      if (refusal instanceof FeasibilityGateError && refusal.feasibility) {
        feasibility = refusal.feasibility;
        session = await sendBack(deps, session, feasibility, actor, at);
      }
      throw refusal;
    }
    // Literals here in canonical key order: the artifact output they go into is encoded on the native path (see evaluateWith).
    const approval = { approved_at: at, approved_by: { actor_id: actor.actor_id, role: actor.role }, feasibility_hash: hashCanonical(feasibility) };
    const next = advance(session, ['APPROVED'], { actor, at }, { feasibility, approval });
    ok = {
      kind: 'approval',
      status: 'OK',
      reason: null,
      session_id: next.session_id,
      actor,
      request,
      output: { approval: trustedJson(approval), feasibility: trustedJson(feasibility), revision: next.revision, state: next.state },
      versions,
    };
    // The session change and its OK artifact: one commit where the stores share one.
    outcome = await storeChangeAndRecord(deps, ok, next, session.revision);
    session = next;
  } catch (error) {
    throw await recordRefusal(deps, { kind: 'approval', error, input, actor, request, session, feasibility, versions });
  }
  const run_id = await recordedOrWithdrawn(deps, ok, session, outcome);
  return { run_id, status: 'OK', session, feasibility };
}

/** A refused approval moves the session on so it is not approved later by mistake: RED → REJECTED, YELLOW → DESIGN_REVISION_REQUIRED. */
async function sendBack(
  deps: WorkflowDeps,
  session: WorkflowSession,
  feasibility: FeasibilityResult,
  actor: Actor,
  at: string,
): Promise<WorkflowSession> {
  const red = feasibility.risk_bucket === 'RED' || feasibility.rules.some((rule) => rule.verdict === 'RED');
  const to = red ? 'REJECTED' : 'DESIGN_REVISION_REQUIRED';
  const reason = `approval refused: recomputed feasibility is ${feasibility.risk_bucket}`;
  const next = advance(session, [to], { actor, at, reason }, { feasibility });
  await deps.sessions.update(next, session.revision);
  return next;
}
