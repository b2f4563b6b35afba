import type { ManufacturingContext, RosetteDesign } from './design.js';
import type { FeasibilityResult } from './feasibility.js';

/**
 * The ports are the only way the advisory zone reaches RMOS. The app wires the
 * authoritative implementation in and hands the advisory code a frozen object
 * exposing these methods and nothing else.
 */
export interface FeasibilityPort {
  /** Server-side feasibility of a design in a context: deterministic, never trusted from a client. */
  evaluate(design: RosetteDesign, context: ManufacturingContext): FeasibilityResult;
}

/** Where advisory code may write: confined to <data root>/sandbox at run time. */
export interface SandboxStorePort {
  /** Writes `data` at a relative path inside the sandbox; returns the relative path written. */
  write(relativePath: string, data: string | Uint8Array): Promise<string>;
  read(relativePath: string): Promise<Uint8Array>;
}
