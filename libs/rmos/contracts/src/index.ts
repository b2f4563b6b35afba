// The RMOS public API: zod schemas, types and port interfaces. It holds no authority function.
export * from './design.js';
export * from './feasibility.js';
export * from './workflow.js';
export type * from './ports.js';
export * from './run-artifact.js';
