import { z } from 'zod';
import { manufacturingContextSchema, rosetteDesignSchema } from './design.js';
import { feasibilityResultSchema } from './feasibility.js';

export const WORKFLOW_STATES = [
  'DRAFT',
  'CONTEXT_READY',
  'FEASIBILITY_REQUESTED',
  'FEASIBILITY_READY',
  'DESIGN_REVISION_REQUIRED',
  'APPROVED',
  'TOOLPATHS_REQUESTED',
  'TOOLPATHS_READY',
  'REJECTED',
  'ARCHIVED',
] as const;
export const workflowStateSchema = z.enum(WORKFLOW_STATES);
export type WorkflowState = z.infer<typeof workflowStateSchema>;

/** Who caused an action. Roles are fixed; the advisor role can never approve, transition or generate toolpaths. */
export const ROLES = ['operator', 'approver', 'advisor', 'auditor'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const actorSchema = z.strictObject({
  actor_id: z.string().min(1).max(128),
  role: roleSchema,
});
export type Actor = z.infer<typeof actorSchema>;

export const sessionIdSchema = z.string().regex(/^ses_[0-9a-f]{32}$/, 'a session id looks like ses_ and 32 hex digits');

export const stateChangeSchema = z.strictObject({
  from: workflowStateSchema,
  to: workflowStateSchema,
  actor: actorSchema,
  at: z.string().datetime(),
  reason: z.string().max(500).optional(),
});
export type StateChange = z.infer<typeof stateChangeSchema>;

export const approvalSchema = z.strictObject({
  approved_by: actorSchema,
  approved_at: z.string().datetime(),
  /** hashCanonical of the feasibility result the approval was decided on. */
  feasibility_hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Approval = z.infer<typeof approvalSchema>;

export const workflowSessionSchema = z.strictObject({
  session_id: sessionIdSchema,
  state: workflowStateSchema,
  design: rosetteDesignSchema,
  context: manufacturingContextSchema,
  /** Server-computed; null until feasibility has been computed. */
  feasibility: feasibilityResultSchema.nullable(),
  approval: approvalSchema.nullable(),
  created_at: z.string().datetime(),
  updated_at: z.string().datetime(),
  /** Optimistic-concurrency counter: bumped on every change. */
  revision: z.number().int().min(0),
  history: z.array(stateChangeSchema),
});
export type WorkflowSession = z.infer<typeof workflowSessionSchema>;

export const transitionRequestSchema = z.strictObject({
  to: workflowStateSchema,
  reason: z.string().max(500).optional(),
});
export type TransitionRequest = z.infer<typeof transitionRequestSchema>;
