import { z } from 'zod';
import { feasibilityResultSchema, manufacturingContextSchema, riskBucketSchema, rosetteDesignSchema } from '@luthier/rmos-contracts';

/** One parameter the search changed. */
export const designChangeSchema = z.strictObject({
  ring_index: z.number().int().min(0),
  field: z.enum(['depth_mm', 'width_mm', 'radial_position_mm', 'pattern']),
  from: z.union([z.number(), z.string()]),
  to: z.union([z.number(), z.string()]),
});
export type DesignChange = z.infer<typeof designChangeSchema>;

/**
 * A proposal is data only: status is always PROPOSED. It becomes real only when
 * a person opens a session with its design and an approver approves it.
 */
export const proposalSchema = z.strictObject({
  proposal_id: z.string().regex(/^prop_[0-9a-f]{32}$/),
  status: z.literal('PROPOSED'),
  design: rosetteDesignSchema,
  context: manufacturingContextSchema,
  changes: z.array(designChangeSchema),
  rationale: z.string(),
  /** Computed by the server's feasibility engine through the port, never by the AI. */
  feasibility: feasibilityResultSchema,
  preview_path: z.string().nullable(),
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalRequestSchema = z.strictObject({
  design: rosetteDesignSchema,
  context: manufacturingContextSchema,
  max_proposals: z.number().int().min(1).max(10).optional(),
});
export type ProposalRequest = z.infer<typeof proposalRequestSchema>;

export const proposalResponseSchema = z.strictObject({
  baseline: z.strictObject({ risk_bucket: riskBucketSchema, score: z.number() }),
  proposals: z.array(proposalSchema),
  evaluations: z.number().int().min(0),
  note: z.string(),
});
export type ProposalResponse = z.infer<typeof proposalResponseSchema>;
