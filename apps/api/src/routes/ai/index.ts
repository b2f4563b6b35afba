import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { proposalRequestSchema, proposalResponseSchema } from '@luthier/experimental-ai';
import { requireRole } from '../../auth/require-role.js';
import { errorResponses } from '../../http/error-schema.js';
import { proposeWithServerFeasibility } from '../../ports/advisory-ports.js';
import type { RouteOptions } from '../route-options.js';

/** POST /api/ai/proposals: advisory data only (status PROPOSED); nothing is approved, transitioned or generated. */
export const aiRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { tokens, advisory }) => {
  app.post(
    '/api/ai/proposals',
    {
      onRequest: requireRole(tokens, 'advisor'),
      schema: {
        summary: 'Advisory design proposals toward GREEN (never executed)',
        tags: ['ai'],
        security: [{ bearer: [] }],
        body: proposalRequestSchema,
        response: { 200: proposalResponseSchema, ...errorResponses },
      },
    },
    async (request) => proposeWithServerFeasibility(request.body, advisory),
  );
};
