import { feasibilityResultSchema, type FeasibilityResult, type WorkflowSession } from '@luthier/rmos-contracts';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { assertKnownStamps } from '@luthier/rmos-engines';
import { FeasibilityGateError } from './errors.js';

/** Only the design and context are read: a `feasibility` field on the argument is never looked at. */
export type FeasibilitySubject = Pick<WorkflowSession, 'design' | 'context'>;

/**
 * The feasibility gate. Recomputes feasibility from the session's design and
 * context with the authoritative engine and returns that result if, and only
 * if, it is GREEN. It never reads `session.feasibility`: a session whose stored
 * result says GREEN while its design is RED is blocked. Fails closed: a design or
 * context that does not parse, an engine that throws, a result that does not
 * match its schema, an engine version the registry does not declare, or any RED
 * rule under a GREEN bucket all throw FeasibilityGateError (FEASIBILITY_NOT_GREEN, 409).
 */
export function feasibilityGate(session: FeasibilitySubject): FeasibilityResult {
  const feasibility = recomputeFeasibility(session);
  if (feasibility.risk_bucket !== 'GREEN') {
    throw new FeasibilityGateError(feasibility, `recomputed risk bucket is ${feasibility.risk_bucket}; only GREEN passes`);
  }
  const redRule = feasibility.rules.find((rule) => rule.verdict === 'RED');
  if (redRule) throw new FeasibilityGateError(feasibility, `rule ${redRule.rule_id} is RED under a GREEN bucket`);
  return feasibility;
}

/**
 * The server-side evaluation, validated, whatever its bucket. Throws
 * FeasibilityGateError (with a null result) when it cannot be computed.
 */
export function recomputeFeasibility(session: FeasibilitySubject): FeasibilityResult {
  let computed: unknown;
  try {
    // evaluateFeasibility parses the design and context with the contract schemas
    // itself and throws FeasibilityInputError for either: nothing unparsed is scored.
    computed = evaluateFeasibility(session?.design, session?.context);
  } catch (cause) {
    throw new FeasibilityGateError(null, `the design or context cannot be evaluated: ${(cause as Error)?.message ?? String(cause)}`);
  }
  const parsed = feasibilityResultSchema.safeParse(computed);
  if (!parsed.success) throw new FeasibilityGateError(null, 'the feasibility engine returned a malformed result');
  try {
    assertKnownStamps({ feasibility: parsed.data.engine_version });
  } catch {
    throw new FeasibilityGateError(parsed.data, `feasibility engine version ${parsed.data.engine_version} is not in the registry`);
  }
  return parsed.data;
}
