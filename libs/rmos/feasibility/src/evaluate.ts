import {
  type FeasibilityResult,
  type ManufacturingContext,
  type RiskBucket,
  type RosetteDesign,
  type RuleVerdict,
} from '@luthier/rmos-contracts';
import { ENGINES } from '@luthier/rmos-engines';
// Numbers in messages are written with canonicalNumber: String(x)'s text, without V8's slow path for values like 60 or 0.125.
import { canonicalNumber } from '@luthier/shared-hashing';
import { catalogs as defaultCatalogs } from './catalogs/default.js';
import type { Catalogs } from './catalogs/load.js';
import { cuttingParameters, type CuttingParameters } from './cutting-parameters.js';
import { FeasibilityInputError, formatIssues } from './errors.js';
import { hashContext, hashDesign } from './input-hash.js';
import { compiledContextSchema, compiledDesignSchema } from './input-schemas.js';
import { integrityProblems } from './integrity.js';
import { CALCULATORS, summariseRings, type Calculator } from './rules/calculators.js';
import { classify } from './rules/classify.js';
import { isResolved, type FeasibilityJob } from './rules/job.js';
import { FEASIBILITY_RULES, VALUE_DECIMALS, VERDICT_POINTS, type RuleDefinition } from './rules/table.js';

/** What an evaluation depends on; the public function uses the shipped defaults, tests inject their own. */
export interface FeasibilityEnvironment {
  readonly catalogs: Catalogs;
  readonly rules: readonly RuleDefinition[];
  readonly calculators: Readonly<Record<string, Calculator | undefined>>;
  readonly cuttingParameters: typeof cuttingParameters;
  readonly engineVersion: string;
  /** Problems that force every result RED (see integrity.ts). */
  readonly integrityProblems: readonly string[];
}

export const DEFAULT_ENVIRONMENT: FeasibilityEnvironment = Object.freeze({
  catalogs: defaultCatalogs,
  rules: FEASIBILITY_RULES,
  calculators: CALCULATORS,
  cuttingParameters,
  engineVersion: ENGINES.feasibility.version,
  integrityProblems: Object.freeze(integrityProblems()),
});

/**
 * Server-side feasibility of a design in a manufacturing context. Pure,
 * synchronous and deterministic: the same input gives byte-identical canonical
 * output.
 *
 * Fails closed:
 * - a design or context the contract schemas refuse throws FeasibilityInputError
 *   (code FEASIBILITY_INPUT_INVALID): there is nothing trustworthy to score or hash;
 * - an unknown material, tool or machine is RED (rule F013, and RED for every rule that needed it);
 * - a calculator that throws or yields a non-finite number is RED for its rule;
 * - any RED rule makes the result RED, else any YELLOW makes it YELLOW. The score
 *   is informative and never decides the bucket.
 */
export function evaluateFeasibility(design: RosetteDesign, context: ManufacturingContext): FeasibilityResult {
  return evaluateWith(design, context, DEFAULT_ENVIRONMENT);
}

export function evaluateWith(design: unknown, context: unknown, env: FeasibilityEnvironment): FeasibilityResult {
  const parsedDesign = compiledDesignSchema.safeParse(design);
  const parsedContext = compiledContextSchema.safeParse(context);
  if (!parsedDesign.success || !parsedContext.success) {
    throw new FeasibilityInputError([
      ...(parsedDesign.success ? [] : formatIssues(parsedDesign.error).map((i) => `design.${i}`)),
      ...(parsedContext.success ? [] : formatIssues(parsedContext.error).map((i) => `context.${i}`)),
    ]);
  }
  const job = resolveJob(parsedDesign.data, parsedContext.data, env);

  // Plain loops in the hot path: each inline closure costs a helper call per evaluation under tsx (keepNames).
  const rules: RuleVerdict[] = [];
  const warnings: string[] = [...env.integrityProblems];
  for (const rule of env.rules) {
    const verdict = judgeRule(rule, job, env.calculators[rule.id]);
    rules.push(verdict);
    if (verdict.verdict !== 'GREEN') warnings.push(`${verdict.rule_id} ${verdict.name}: ${verdict.message}`);
  }

  const forceRed = env.integrityProblems.length > 0 || rules.length === 0;
  // Keys in canonical (sorted) order, here and in each verdict: the result is hashed
  // (approval, toolpaths), and a value already in canonical order takes the native
  // JSON.stringify path of canonicalJson, about twice as fast as sorting while encoding.
  return {
    context_hash: hashContext(parsedContext.data),
    design_hash: hashDesign(parsedDesign.data),
    engine_version: env.engineVersion,
    risk_bucket: riskBucket(rules, forceRed),
    rules,
    score: forceRed ? 0 : weightedScore(env.rules, rules),
    warnings,
  };
}

function resolveJob(design: RosetteDesign, context: ManufacturingContext, env: FeasibilityEnvironment): FeasibilityJob {
  const material = env.catalogs.getMaterial(context.material_id);
  const tool = env.catalogs.getTool(context.tool_id);
  const machine = env.catalogs.getMachine(context.machine_profile_id);
  const unknown_ids: string[] = [];
  if (!material) unknown_ids.push(`material_id=${context.material_id}`);
  if (!tool) unknown_ids.push(`tool_id=${context.tool_id}`);
  if (!machine) unknown_ids.push(`machine_profile_id=${context.machine_profile_id}`);
  let params: CuttingParameters | undefined;
  if (material && tool && machine) params = env.cuttingParameters(material, tool, machine);
  return { design, rings: summariseRings(design), context, material, tool, machine, params, unknown_ids };
}

function judgeRule(rule: RuleDefinition, job: FeasibilityJob, calculator: Calculator | undefined): RuleVerdict {
  if (!calculator) return failed(rule, 'no calculator for this rule');
  let calculation;
  try {
    if (calculator.needs_catalogs) {
      if (!isResolved(job)) return failed(rule, `unknown ${job.unknown_ids.join(', ')}`);
      calculation = calculator.compute(job);
    } else {
      calculation = calculator.compute(job);
    }
  } catch (error) {
    return failed(rule, `calculator failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!calculation || typeof calculation.value !== 'number' || !Number.isFinite(calculation.value)) {
    return failed(rule, `calculator gave a non-finite value ${String(calculation?.value)}`);
  }
  const value = round(calculation.value);
  const { verdict, reason } = classify(rule.thresholds, value, calculation.range);
  return { message: truncate(`${canonicalNumber(value)} ${rule.unit}, ${reason} (${calculation.detail})`), name: rule.name, rule_id: rule.id, value, verdict };
}

function failed(rule: RuleDefinition, why: string): RuleVerdict {
  return { message: truncate(`not computed (${why}): fails closed`), name: rule.name, rule_id: rule.id, value: null, verdict: 'RED' };
}

/** Decided by the verdicts alone: any RED → RED, else any YELLOW → YELLOW, else GREEN. */
function riskBucket(rules: readonly RuleVerdict[], forceRed: boolean): RiskBucket {
  let bucket: RiskBucket = forceRed ? 'RED' : 'GREEN';
  for (const r of rules) {
    if (r.verdict === 'RED') return 'RED';
    if (r.verdict === 'YELLOW') bucket = 'YELLOW';
  }
  return bucket;
}

function weightedScore(definitions: readonly RuleDefinition[], rules: readonly RuleVerdict[]): number {
  let total = 0;
  let earned = 0;
  for (let i = 0; i < rules.length; i++) {
    total += definitions[i].weight;
    earned += definitions[i].weight * VERDICT_POINTS[rules[i].verdict];
  }
  return total === 0 ? 0 : Math.round((1000 * earned) / total) / 10;
}

const VALUE_SCALE = 10 ** VALUE_DECIMALS;

function round(value: number): number {
  const rounded = Math.round(value * VALUE_SCALE) / VALUE_SCALE;
  return Object.is(rounded, -0) ? 0 : rounded;
}

function truncate(message: string): string {
  return message.length <= 500 ? message : `${message.slice(0, 497)}...`;
}
