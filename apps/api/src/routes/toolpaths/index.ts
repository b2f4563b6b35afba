import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionIdSchema } from '@luthier/rmos-contracts';
import { requestToolpaths } from '@luthier/rmos-workflow';
import { actorOf, requireRoleRecorded } from '../../auth/require-role.js';
import { errorResponses } from '../../http/error-schema.js';
import { toolpathsResponseSchema } from '../../http/response-schemas.js';
import type { RouteOptions } from '../route-options.js';

const toolpathsBody = z.strictObject({
  session_id: sessionIdSchema,
  dialect: z.enum(['grbl', 'linuxcnc', 'fanuc']).optional(),
});

/** POST /api/rmos/toolpaths: G-code for an APPROVED session only, plus its run artifact. */
export const toolpathsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { tokens, deps }) => {
  app.post(
    '/api/rmos/toolpaths',
    {
      onRequest: requireRoleRecorded(tokens, 'operator'),
      schema: {
        summary: 'Generate toolpaths (G-code) for an APPROVED session; a run artifact every time',
        tags: ['rmos'],
        security: [{ bearer: [] }],
        body: toolpathsBody,
        response: { 200: toolpathsResponseSchema, ...errorResponses },
      },
    },
    async (request) => requestToolpaths(deps, { session_id: request.body.session_id, dialect: request.body.dialect }, actorOf(request)),
  );
};
