// Helpers for this library's own tests (not exported from the index).
import type { ManufacturingContext, Ring, RosetteDesign, RuleVerdict } from '@luthier/rmos-contracts';
import { catalogs } from './catalogs/default.js';
import type { Catalogs } from './catalogs/load.js';
import type { Machine, Material, Tool } from './catalogs/schemas.js';
import { cuttingParameters, type CuttingParameters } from './cutting-parameters.js';
import { DEFAULT_ENVIRONMENT, evaluateWith, type FeasibilityEnvironment } from './evaluate.js';
import { REFERENCE_GREEN_REQUEST } from './testing.js';

export interface Variant {
  design?: RosetteDesign;
  material?: Partial<Material>;
  tool?: Partial<Tool>;
  machine?: Partial<Machine>;
  /** Overrides applied on top of cuttingParameters' choice. */
  params?: Partial<CuttingParameters>;
  env?: Partial<FeasibilityEnvironment>;
}

const base = REFERENCE_GREEN_REQUEST.context;

/** Catalogs holding the reference context's entries with the variant's overrides applied. */
function variantCatalogs(v: Variant): Catalogs {
  const material = { ...catalogs.getMaterial(base.material_id)!, ...v.material };
  const tool = { ...catalogs.getTool(base.tool_id)!, ...v.tool };
  const machine = { ...catalogs.getMachine(base.machine_profile_id)!, ...v.machine };
  return {
    ...catalogs,
    getMaterial: (id) => (id === base.material_id ? material : catalogs.getMaterial(id)),
    getTool: (id) => (id === base.tool_id ? tool : catalogs.getTool(id)),
    getMachine: (id) => (id === base.machine_profile_id ? machine : catalogs.getMachine(id)),
  };
}

export function evaluateVariant(v: Variant, context: ManufacturingContext = base) {
  const env: FeasibilityEnvironment = {
    ...DEFAULT_ENVIRONMENT,
    catalogs: variantCatalogs(v),
    cuttingParameters: (m, t, mc) => ({ ...cuttingParameters(m, t, mc), ...v.params }),
    ...v.env,
  };
  return evaluateWith(v.design ?? REFERENCE_GREEN_REQUEST.design, context, env);
}

export function verdictOf(ruleId: string, v: Variant): RuleVerdict {
  const rule = evaluateVariant(v).rules.find((r) => r.rule_id === ruleId);
  if (!rule) throw new Error(`no verdict for ${ruleId}`);
  return rule;
}

/** A valid design around the given rings: the rosette spans the channels with a 2 mm margin. */
export function designOf(rings: Ring[], overrides: Partial<Pick<RosetteDesign, 'outer_diameter_mm' | 'inner_diameter_mm'>> = {}): RosetteDesign {
  const innerEdge = Math.min(...rings.map((r) => r.radial_position_mm - r.width_mm / 2));
  const outerEdge = Math.max(...rings.map((r) => r.radial_position_mm + r.width_mm / 2));
  return {
    outer_diameter_mm: 2 * (outerEdge + 2),
    inner_diameter_mm: Math.max(0, 2 * (innerEdge - 2)),
    rings,
    ...overrides,
  };
}

/** `count` rings of one pattern, 2 mm wide at a 3 mm pitch (walls of 1 mm: not thin). */
export function ringsOf(count: number, pattern: Ring['pattern'], start = 0): Ring[] {
  return Array.from({ length: count }, (_, i) => ({ radial_position_mm: 20 + (start + i) * 3, width_mm: 2, depth_mm: 1, pattern }));
}

/** One channel of the given width and depth. */
export function oneRing(width_mm: number, depth_mm = 1.5): RosetteDesign {
  return designOf([{ radial_position_mm: 40, width_mm, depth_mm, pattern: 'solid' }]);
}
