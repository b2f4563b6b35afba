import { manufacturingContextSchema, rosetteDesignSchema, type WorkflowSession } from '@luthier/rmos-contracts';
import { catalogs, cuttingParameters } from '@luthier/rmos-feasibility';
import { assertApprovalMatches, assertApprovedForToolpaths, feasibilityGate } from '@luthier/rmos-gates';
import { versionStamps } from '@luthier/rmos-engines';
import { hashCanonical, sha256Hex } from '@luthier/shared-hashing';
import { estimateCycleTimeSeconds } from './cycle-time.js';
import { ToolpathError } from './errors.js';
import { planOperations, type OperationPlan } from './plan.js';
import { DIALECT_STYLES, DIALECTS, isDialect, type Dialect } from './post/dialects.js';
import { postProcess } from './post/post-process.js';
import { buildProgram } from './program.js';

export interface GenerateToolpathsOptions {
  dialect: Dialect;
}

export interface ToolpathResult {
  gcode: string;
  plan: OperationPlan;
  estimated_cycle_time_s: number;
  /** hashCanonical({ design, context, dialect }): everything the G-code depends on besides the engine versions. */
  request_hash: string;
  /** sha256Hex of the G-code text (UTF-8). */
  output_hash: string;
  /** Engine version stamps: feasibility (the gate's recomputation), toolpaths and the post-processor. */
  versions: Record<string, string>;
  dialect: Dialect;
}

function headerComments(plan: OperationPlan, versions: Record<string, string>): string[] {
  return [
    `Luthiers ToolBox RMOS rosette: ${plan.rings.length} rings, stock radius ${plan.stock_radius_mm} mm`,
    `engines: ${Object.entries(versions).map(([id, v]) => `${id} ${v}`).join(', ')}`,
    `tool ${plan.tool_id} D${plan.tool_diameter_mm} mm, material ${plan.material_id}, machine ${plan.machine_id}`,
    `S${plan.spindle_rpm} F${plan.feed_mm_per_min} plunge F${plan.plunge_feed_mm_per_min}, stepdown max ${plan.max_stepdown_mm} mm, stepover max ${plan.max_stepover_mm} mm`,
    'origin: rosette centre X0 Y0, Z0 on the stock top',
  ];
}

/**
 * G-code for an APPROVED session only. Runs the gates itself: the session must be
 * APPROVED by an approver (NotApprovedError, SESSION_NOT_APPROVED), feasibility is
 * recomputed and must be GREEN (FeasibilityGateError, FEASIBILITY_NOT_GREEN; the
 * session's stored `feasibility` is never read) and must be the result the approval
 * was given on (ApprovalStaleError, APPROVAL_STALE). Deterministic: the same session
 * and dialect give byte-identical output.
 */
export function generateToolpaths(session: WorkflowSession, options: GenerateToolpathsOptions): ToolpathResult {
  const dialect = options?.dialect;
  if (!isDialect(dialect)) {
    throw new ToolpathError('UNKNOWN_DIALECT', `dialect must be one of ${DIALECTS.join(', ')}`, 400, { dialect: String(dialect) });
  }
  assertApprovedForToolpaths(session);
  const feasibility = feasibilityGate(session);
  assertApprovalMatches(session, feasibility);

  // The gate has parsed these already; parsing again keeps this function safe on its own.
  const design = rosetteDesignSchema.safeParse(session.design);
  const context = manufacturingContextSchema.safeParse(session.context);
  if (!design.success || !context.success) throw new ToolpathError('INVALID_SESSION', 'the session design or context does not match its schema', 400);

  const material = catalogs.getMaterial(context.data.material_id);
  const tool = catalogs.getTool(context.data.tool_id);
  const machine = catalogs.getMachine(context.data.machine_profile_id);
  if (!material || !tool || !machine) {
    throw new ToolpathError('UNKNOWN_CATALOG_ENTRY', 'the context names a material, tool or machine the catalogs do not hold', 409, context.data);
  }

  const plan = planOperations({ design: design.data, tool, material, machine, cutting: cuttingParameters(material, tool, machine) });
  const program = buildProgram(plan);
  const style = DIALECT_STYLES[dialect];
  const versions = versionStamps('feasibility', 'toolpaths', style.engine_id);
  const gcode = postProcess(program, style, headerComments(plan, versions));
  return {
    gcode,
    plan,
    estimated_cycle_time_s: estimateCycleTimeSeconds(program, machine.max_feed_mm_per_min),
    request_hash: hashCanonical({ design: design.data, context: context.data, dialect }),
    output_hash: sha256Hex(gcode),
    versions,
    dialect,
  };
}
