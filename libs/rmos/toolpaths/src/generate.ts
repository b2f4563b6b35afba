import { manufacturingContextSchema, rosetteDesignSchema, type WorkflowSession } from '@luthier/rmos-contracts';
import { catalogs, cuttingParameters } from '@luthier/rmos-feasibility';
import { assertApprovalMatches, assertApprovedForToolpaths, feasibilityGate } from '@luthier/rmos-gates';
import { ToolpathError } from './errors.js';
import { DIALECTS, isDialect, type Dialect } from './post/dialects.js';
import { renderToolpaths, type ToolpathResult } from './render.js';

export interface GenerateToolpathsOptions {
  dialect: Dialect;
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
  const cutting = cuttingParameters(material, tool, machine);
  return renderToolpaths({ design: design.data, tool, material, machine, cutting }, context.data, dialect);
}
