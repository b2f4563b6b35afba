import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { designRequestSchema, feasibilityResultSchema } from '@luthier/rmos-contracts';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { requireRole } from '../../auth/require-role.js';
import { errorResponses } from '../../http/error-schema.js';
import type { RouteOptions } from '../route-options.js';

/** POST /api/rmos/feasibility: server-side feasibility for {design, context}; any client-sent result is refused by the strict schema. */
export const feasibilityRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { tokens }) => {
  app.post(
    '/api/rmos/feasibility',
    {
      onRequest: requireRole(tokens, 'operator', 'approver', 'advisor'),
      schema: {
        summary: 'Compute feasibility server-side',
        tags: ['rmos'],
        security: [{ bearer: [] }],
        body: designRequestSchema,
        response: { 200: feasibilityResultSchema, ...errorResponses },
      },
    },
    async (request) => evaluateFeasibility(request.body.design, request.body.context),
  );
};
