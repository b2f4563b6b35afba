import { versionStamps } from '@luthier/rmos-engines';
import type { ManufacturingContext } from '@luthier/rmos-contracts';
import { hashCanonical, sha256Hex } from '@luthier/shared-hashing';
import { estimateCycleTimeSeconds } from './cycle-time.js';
import type { ToolpathInputs } from './inputs.js';
import { planOperations, type OperationPlan } from './plan.js';
import { DIALECT_STYLES, type Dialect } from './post/dialects.js';
import { mmForComment as mm } from './post/number-format.js';
import { postProcess } from './post/post-process.js';
import { buildProgram } from './program.js';

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
    `Luthiers ToolBox RMOS rosette, rings: ${plan.rings.length}, stock radius ${mm(plan.stock_radius_mm)} mm`,
    `engines: ${Object.entries(versions).map(([id, v]) => `${id} ${v}`).join(', ')}`,
    `tool ${plan.tool_id} D${mm(plan.tool_diameter_mm)} mm, material ${plan.material_id}, machine ${plan.machine_id}`,
    `S${plan.spindle_rpm} F${plan.feed_mm_per_min} plunge F${plan.plunge_feed_mm_per_min}, stepdown max ${mm(plan.max_stepdown_mm)} mm, stepover max ${mm(plan.max_stepover_mm)} mm`,
    'origin: rosette centre X0 Y0, Z0 on the stock top',
  ];
}

/**
 * The ungated core: plan, program, post, hashes. NOT exported from the package:
 * the only public way in is generateToolpaths, which runs the gates first.
 */
export function renderToolpaths(inputs: ToolpathInputs, context: ManufacturingContext, dialect: Dialect): ToolpathResult {
  const plan = planOperations(inputs);
  const program = buildProgram(plan);
  const style = DIALECT_STYLES[dialect];
  const versions = versionStamps('feasibility', 'toolpaths', style.engine_id);
  const gcode = postProcess(program, style, headerComments(plan, versions));
  return {
    gcode,
    plan,
    estimated_cycle_time_s: estimateCycleTimeSeconds(program, inputs.machine.max_feed_mm_per_min),
    request_hash: hashCanonical({ design: inputs.design, context, dialect }),
    output_hash: sha256Hex(gcode),
    versions,
    dialect,
  };
}
