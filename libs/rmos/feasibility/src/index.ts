// Deterministic, server-side feasibility scoring, the catalogs it scores against, and the cutting parameters.
export { catalogs, catalogData } from './catalogs/default.js';
export { loadCatalogs, type Catalogs, type RawCatalogs } from './catalogs/load.js';
export { materialSchema, toolSchema, machineSchema, MACHINE_DIALECTS, type Material, type Tool, type Machine } from './catalogs/schemas.js';
export { cuttingParameters, type CuttingParameters } from './cutting-parameters.js';
export { CUTTING_POLICY } from './cutting-policy.js';
export { evaluateFeasibility } from './evaluate.js';
export {
  FEASIBILITY_RULES,
  FEASIBILITY_RULE_TABLE,
  PATTERN_HEAT_FACTORS,
  PATTERN_COMPLEXITY_FACTORS,
  GEOMETRY_POLICY,
  type RuleDefinition,
  type RuleThresholds,
  type RuleId,
} from './rules/table.js';
export { CatalogValidationError, FeasibilityInputError } from './errors.js';
export { REFERENCE_GREEN_REQUEST, REFERENCE_YELLOW_REQUEST, REFERENCE_RED_REQUEST, manyRingRequest } from './testing.js';
