import type { ManufacturingContext, RosetteDesign } from '@luthier/rmos-contracts';
import type { Machine, Material, Tool } from '../catalogs/schemas.js';
import type { CuttingParameters } from '../cutting-parameters.js';
import type { RingSummary } from './calculators.js';

/** What the calculators see: the validated design and everything resolved from the context. */
export interface FeasibilityJob {
  readonly design: RosetteDesign;
  /** The design's rings summed up once for all the rules. */
  readonly rings: RingSummary;
  readonly context: ManufacturingContext;
  readonly material: Material | undefined;
  readonly tool: Tool | undefined;
  readonly machine: Machine | undefined;
  /** undefined when any of material, tool or machine is unknown. */
  readonly params: CuttingParameters | undefined;
  /** The context ids the catalogs do not know, e.g. ['tool_id=flat_9mm']. */
  readonly unknown_ids: readonly string[];
}

/** A job whose catalog entries all resolved. */
export interface ResolvedJob extends FeasibilityJob {
  readonly material: Material;
  readonly tool: Tool;
  readonly machine: Machine;
  readonly params: CuttingParameters;
}

export function isResolved(job: FeasibilityJob): job is ResolvedJob {
  return job.material !== undefined && job.tool !== undefined && job.machine !== undefined && job.params !== undefined;
}
