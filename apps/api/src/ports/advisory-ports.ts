import type { FeasibilityPort, FeasibilityResult, ManufacturingContext, RosetteDesign, SandboxStorePort } from '@luthier/rmos-contracts';
import type { AdvisoryPorts } from '@luthier/experimental-ai';

/**
 * The feasibility port the advisory code is handed: a null-prototype object with
 * one frozen arrow function that closes over the engine. Nothing reachable from
 * it (no prototype, no `this`, no extra property) leads to the real module or to
 * an authority function, and nothing on it can be replaced.
 */
export function feasibilityPortFrom(evaluate: (design: RosetteDesign, context: ManufacturingContext) => FeasibilityResult): FeasibilityPort {
  const port = Object.create(null) as FeasibilityPort;
  port.evaluate = Object.freeze((design: RosetteDesign, context: ManufacturingContext) => evaluate(design, context));
  return Object.freeze(port);
}

/** The sandbox store, re-wrapped the same way so only write and read are reachable. */
export function sandboxPortFrom(store: SandboxStorePort): SandboxStorePort {
  const port = Object.create(null) as SandboxStorePort;
  port.write = Object.freeze((relativePath: string, data: string | Uint8Array) => store.write(relativePath, data));
  port.read = Object.freeze((relativePath: string) => store.read(relativePath));
  return Object.freeze(port);
}

export function advisoryPorts(feasibility: FeasibilityPort, sandbox: SandboxStorePort): AdvisoryPorts {
  return Object.freeze({ feasibility, sandbox }) as AdvisoryPorts;
}
