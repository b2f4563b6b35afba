import { z } from 'zod';

export const RISK_BUCKETS = ['GREEN', 'YELLOW', 'RED'] as const;
export const riskBucketSchema = z.enum(RISK_BUCKETS);
export type RiskBucket = z.infer<typeof riskBucketSchema>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

/** One named rule's verdict (rule ids are stable: F001, F002, …). */
export const ruleVerdictSchema = z.strictObject({
  rule_id: z.string().regex(/^F\d{3}$/),
  name: z.string().min(1).max(64),
  verdict: riskBucketSchema,
  /** The computed quantity, in the unit the rule's name gives; null when the calculator failed. */
  value: z.number().finite().nullable(),
  message: z.string().max(500),
});
export type RuleVerdict = z.infer<typeof ruleVerdictSchema>;

/** Always computed server-side by @luthier/rmos-feasibility; a client-sent copy is never used. */
export const feasibilityResultSchema = z.strictObject({
  score: z.number().finite().min(0).max(100),
  risk_bucket: riskBucketSchema,
  warnings: z.array(z.string().max(500)).max(256),
  rules: z.array(ruleVerdictSchema).max(64),
  engine_version: z.string().min(1).max(64),
  design_hash: sha256,
  context_hash: sha256,
});
export type FeasibilityResult = z.infer<typeof feasibilityResultSchema>;
