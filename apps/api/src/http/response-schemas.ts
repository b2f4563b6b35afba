import { z } from 'zod';
import { feasibilityResultSchema, runArtifactSchema, runIdSchema, workflowSessionSchema } from '@luthier/rmos-contracts';

// Success bodies, for the OpenAPI document and so nothing beyond the contract's fields leaves the server.

export const approveResponseSchema = z.object({
  run_id: runIdSchema,
  status: z.literal('OK'),
  session: workflowSessionSchema,
  feasibility: feasibilityResultSchema,
});

export const toolpathsResponseSchema = z.object({
  run_id: runIdSchema,
  status: z.literal('OK'),
  session: workflowSessionSchema,
  dialect: z.enum(['grbl', 'linuxcnc', 'fanuc']),
  gcode: z.string(),
  gcode_sha256: z.string(),
  estimated_cycle_time_s: z.number(),
  versions: z.record(z.string(), z.string()),
});

export const runListResponseSchema = z.object({
  items: z.array(runArtifactSchema),
  next_cursor: z.string().nullable(),
});

export const verifyReportSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  problems: z.array(z.object({ code: z.string(), run_id: z.string().nullable(), seq: z.number().nullable(), message: z.string() })),
});

export { workflowSessionSchema, runArtifactSchema };
