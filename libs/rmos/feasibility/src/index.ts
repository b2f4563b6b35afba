// Deterministic, server-side feasibility scoring, the catalogs it scores against, and the cutting parameters.
export { catalogs, catalogData } from './catalogs/default.js';
export { loadCatalogs, type Catalogs, type RawCatalogs } from './catalogs/load.js';
export { materialSchema, toolSchema, machineSchema, MACHINE_DIALECTS, type Material, type Tool, type Machine } from './catalogs/schemas.js';
export { cuttingParameters, type CuttingParameters } from './cutting-parameters.js';
export { CUTTING_POLICY } from './cutting-policy.js';
export { CatalogValidationError, FeasibilityInputError } from './errors.js';
