import type { FeasibilityPort, FeasibilityResult, ManufacturingContext, RosetteDesign, SandboxStorePort } from '@luthier/rmos-contracts';
import { proposeDesignChanges, type AdvisoryPorts } from '@luthier/experimental-ai';
import { canonicalJson } from '@luthier/shared-hashing';
import { ApiError } from '../http/api-error.js';

/** The results each feasibility port handed out, with the design and context (canonical JSON) each was computed for. */
const issuedBy = new WeakMap<FeasibilityPort, WeakMap<object, string>>();

const evaluatedFor = (design: unknown, context: unknown) => canonicalJson({ design, context } as never);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/**
 * The feasibility port the advisory code is handed: a null-prototype object with
 * one frozen arrow function that closes over the engine. Nothing reachable from
 * it (no prototype, no `this`, no extra property) leads to the real module or to
 * an authority function, and nothing on it can be replaced. Each result it answers
 * is frozen and remembered with the design it was computed for, so that the app can
 * tell a server-computed verdict from one the advisory code made or moved.
 */
export function feasibilityPortFrom(evaluate: (design: RosetteDesign, context: ManufacturingContext) => FeasibilityResult): FeasibilityPort {
  const issued = new WeakMap<object, string>();
  const port = Object.create(null) as FeasibilityPort;
  port.evaluate = Object.freeze((design: RosetteDesign, context: ManufacturingContext) => {
    const result = deepFreeze(evaluate(design, context));
    issued.set(result, evaluatedFor(design, context));
    return result;
  });
  Object.freeze(port);
  issuedBy.set(port, issued);
  return port;
}

/** True only when `result` is an object `port` answered, for exactly this design and context. */
function computedByPort(port: FeasibilityPort, result: unknown, design: unknown, context: unknown): boolean {
  const forDesign = result && typeof result === 'object' ? issuedBy.get(port)?.get(result) : undefined;
  return forDesign !== undefined && forDesign === evaluatedFor(design, context);
}

/**
 * The advisory proposals, refused unless every verdict in them is the server's: each proposal's feasibility an
 * object the feasibility port answered for that proposal's design and context, and the baseline what the port
 * answers for the request. Advisory code cannot forge or move a verdict past this (fail closed: 500
 * ADVISORY_OUTPUT_REFUSED, nothing answered).
 */
export async function proposeWithServerFeasibility(
  request: Parameters<typeof proposeDesignChanges>[0],
  ports: AdvisoryPorts,
  propose: typeof proposeDesignChanges = proposeDesignChanges,
): ReturnType<typeof proposeDesignChanges> {
  const response = await propose(request, ports);
  const refuse = (why: string) => new ApiError(500, 'ADVISORY_OUTPUT_REFUSED', `the advisory code's answer was refused: ${why}`);
  const baseline = ports.feasibility.evaluate(request.design, request.context);
  if (response.baseline.risk_bucket !== baseline.risk_bucket || response.baseline.score !== baseline.score) throw refuse('its baseline is not the server-computed feasibility of the request');
  for (const proposal of response.proposals) {
    if (!computedByPort(ports.feasibility, proposal.feasibility, proposal.design, proposal.context))
      throw refuse(`proposal ${String(proposal.proposal_id)} carries a feasibility the server did not compute for its design`);
  }
  return response;
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
