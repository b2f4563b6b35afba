import { z } from 'zod';
import { runIdSchema, runStatusSchema } from '@luthier/rmos-contracts';

/**
 * The one error body of the API, for the OpenAPI document (and the serializer,
 * which drops whatever a schema does not name). A refused or failed approve or
 * toolpaths request also names the run artifact that records it.
 */
export const errorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  run_id: runIdSchema.optional(),
  status: runStatusSchema.optional(),
  session: z.unknown().optional(),
  feasibility: z.unknown().optional(),
});

export const errorResponses = {
  400: errorBodySchema,
  401: errorBodySchema,
  403: errorBodySchema,
  404: errorBodySchema,
  409: errorBodySchema,
  413: errorBodySchema,
  429: errorBodySchema,
  500: errorBodySchema,
  503: errorBodySchema,
} as const;
