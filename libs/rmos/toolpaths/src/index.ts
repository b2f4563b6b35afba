// Toolpath and G-code generation for approved sessions. Only the gated entry point
// is exported: the planning and posting internals stay private so nothing can post
// G-code without passing the gates.
export { generateToolpaths, type GenerateToolpathsOptions } from './generate.js';
export { inProcessToolpaths, ThreadToolpathEngine, type ToolpathEngine } from './thread/toolpath-thread.js';
export type { ToolpathResult } from './render.js';
export type { OperationPlan, RingOperation } from './plan.js';
export { DIALECTS, isDialect, type Dialect } from './post/dialects.js';
export { TOOLPATH_PARAMETERS, type ToolpathParameters } from './parameters.js';
export { ToolpathError, ChannelNarrowerThanToolError, type ToolpathErrorCode } from './errors.js';
