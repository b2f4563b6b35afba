// Toolpath and G-code generation for approved sessions.
export { generateToolpaths, type GenerateToolpathsOptions, type ToolpathResult } from './generate.js';
export { planOperations, type OperationPlan, type RingOperation } from './plan.js';
export { buildProgram, type ProgramOp } from './program.js';
export { estimateCycleTimeSeconds } from './cycle-time.js';
export { postProcess } from './post/post-process.js';
export { DIALECTS, DIALECT_STYLES, isDialect, type Dialect, type DialectStyle } from './post/dialects.js';
export { TOOLPATH_PARAMETERS, type ToolpathParameters } from './parameters.js';
export { ToolpathError, ChannelNarrowerThanToolError, type ToolpathErrorCode } from './errors.js';
export type { ToolpathInputs, CuttingParameters, ToolpathTool, ToolpathMaterial, ToolpathMachine } from './inputs.js';
