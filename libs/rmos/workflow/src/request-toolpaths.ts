import type { Actor, FeasibilityResult, WorkflowSession } from '@luthier/rmos-contracts';
import { versionStamps } from '@luthier/rmos-engines';
import { catalogs } from '@luthier/rmos-feasibility';
import { assertActorMay, assertApprovedForToolpaths, assertTransitionAllowed, FeasibilityGateError } from '@luthier/rmos-gates';
import { putRunAttachment, type ArtifactOutcome } from '@luthier/rmos-runs';
import { inProcessToolpaths, type ToolpathResult } from '@luthier/rmos-toolpaths';
import type { JsonValue } from '@luthier/shared-hashing';
import { nowIso, type WorkflowDeps } from './deps.js';
import { asGenerationOutcome } from './generation-failure.js';
import { getSession } from './get-session.js';
import { parseInput, toolpathsRequestSchema, type ToolpathDialect } from './input.js';
import { recordedOrWithdrawn, recordRefusal, storeChangeAndRecord, trustedJson, validActor, type Attempt } from './record-attempt.js';
import { advance } from './session-changes.js';

export const GCODE_MEDIA_TYPE = 'text/x-gcode';

export interface ToolpathsResult {
  run_id: string;
  status: 'OK';
  session: WorkflowSession;
  dialect: ToolpathDialect;
  gcode: string;
  gcode_sha256: string;
  estimated_cycle_time_s: number;
  versions: Record<string, string>;
}

/**
 * Generates G-code for an APPROVED session (operator only) and moves it
 * APPROVED → TOOLPATHS_REQUESTED → TOOLPATHS_READY in one compare-and-swap, after
 * the G-code is generated and stored as a run attachment: a failure anywhere
 * before leaves the session exactly as it was. Guards, in order: role, request
 * schema, session exists, approved-for-toolpaths (SESSION_NOT_APPROVED, 409),
 * state machine; then generateToolpaths' own gates: feasibility recomputed GREEN
 * (FEASIBILITY_NOT_GREEN, 409) and the approval decided on that same result (APPROVAL_STALE, 409).
 * Every attempt is recorded (OK; BLOCKED for a refusal; ERROR, TOOLPATHS_FAILED
 * 500, for a failure inside generation) before this answers; every outcome but
 * OK is thrown as WorkflowActionError carrying the run_id.
 */
export async function requestToolpaths(deps: WorkflowDeps, input: unknown, actor: Actor): Promise<ToolpathsResult> {
  actor = validActor(actor, 'toolpaths');
  const requestedDialect = (input as { dialect?: unknown } | null)?.dialect;
  let versions = stampsFor(typeof requestedDialect === 'string' ? requestedDialect : null);
  /** Set once the request is understood; until then the artifact records a copy of the raw input. */
  let request: JsonValue | null = null;
  let session: WorkflowSession | null = null;
  let feasibility: FeasibilityResult | null = null;
  let success: { attempt: Attempt; result: ToolpathsResult };
  let outcome: ArtifactOutcome;
  try {
    assertActorMay(actor, 'toolpaths');
    const parsed = parseInput(toolpathsRequestSchema, input, 'toolpaths request');
    session = await getSession(deps, parsed.session_id);
    const dialect = parsed.dialect ?? defaultDialect(session);
    versions = stampsFor(dialect);
    request = { session_id: session.session_id, revision: session.revision, dialect, design: session.design, context: session.context };
    assertApprovedForToolpaths(session);
    assertTransitionAllowed(session.state, 'TOOLPATHS_REQUESTED');
    // generateToolpaths recomputes feasibility (feasibilityGate) and checks the approval's
    // hash against it (assertApprovalMatches) itself, by contract; the tests here pin that
    // a forged or stale session is still refused. Not repeated: each recomputation hashes
    // the whole result, the dearest step of the request.
    let generated: ToolpathResult;
    try {
      generated = await generate(deps, session, dialect);
    } catch (refusal) {
      if (refusal instanceof FeasibilityGateError) feasibility = refusal.feasibility;
      throw refusal;
    }
    versions = { ...versions, ...generated.versions };
    const bytes = new TextEncoder().encode(generated.gcode);
    const stored = await putRunAttachment(deps.runs, bytes, GCODE_MEDIA_TYPE);
    const gcode_sha256 = stored.sha256;
    const next = advance(session, ['TOOLPATHS_REQUESTED', 'TOOLPATHS_READY'], { actor, at: nowIso(deps) });
    success = {
      attempt: {
        kind: 'toolpaths',
        status: 'OK',
        reason: null,
        session_id: next.session_id,
        actor,
        request,
        output: {
          state: next.state,
          revision: next.revision,
          dialect,
          gcode_sha256,
          gcode_size_bytes: bytes.byteLength,
          estimated_cycle_time_s: generated.estimated_cycle_time_s,
          plan: trustedJson(generated.plan),
          toolpaths_request_hash: generated.request_hash,
          toolpaths_output_hash: generated.output_hash,
        },
        versions,
        attachments: [{ name: `${next.session_id}.${dialect}.nc`, ...stored }],
      },
      result: {
        run_id: '',
        status: 'OK',
        session: next,
        dialect,
        gcode: generated.gcode,
        gcode_sha256,
        estimated_cycle_time_s: generated.estimated_cycle_time_s,
        versions,
      },
    };
    // The session change and its OK artifact: one commit where the stores share one.
    outcome = await storeChangeAndRecord(deps, success.attempt, next, session.revision);
    session = next;
  } catch (error) {
    throw await recordRefusal(deps, { kind: 'toolpaths', error, input, actor, request, session, feasibility, versions });
  }
  const run_id = await recordedOrWithdrawn(deps, success.attempt, success.result.session, outcome);
  return { ...success.result, run_id };
}

/** Runs the engine; whatever it throws is sorted into a refusal (kept) or a generation failure (ERROR). */
async function generate(deps: WorkflowDeps, session: WorkflowSession, dialect: ToolpathDialect): Promise<ToolpathResult> {
  try {
    return await (deps.toolpaths ?? inProcessToolpaths).generate(session, { dialect });
  } catch (cause) {
    throw asGenerationOutcome(cause);
  }
}

/** The machine profile's own dialect; a session whose machine is unknown never reaches here (feasibility RED), grbl is only a type-level fallback. */
function defaultDialect(session: WorkflowSession): ToolpathDialect {
  return catalogs.getMachine(session.context.machine_profile_id)?.dialect ?? 'grbl';
}

function stampsFor(dialect: string | null): Record<string, string> {
  const post = dialect === 'grbl' || dialect === 'linuxcnc' || dialect === 'fanuc' ? [`post.${dialect}` as const] : [];
  return versionStamps('feasibility', 'toolpaths', ...post);
}
