import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sessionIdSchema } from '@luthier/rmos-contracts';
import { requestToolpaths } from '@luthier/rmos-workflow';
import { actorOf, attemptBody, requireRoleRecorded } from '../../auth/require-role.js';
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
      ...requireRoleRecorded(tokens, 'operator'),
      // A wrong role's body is handed on even when it fails the schema (attemptBody), so that the refusal is recorded.
      attachValidation: true,
      schema: {
        summary: 'Generate toolpaths (G-code) for an APPROVED session; a run artifact every time',
        tags: ['rmos'],
        security: [{ bearer: [] }],
        body: toolpathsBody,
        response: { 200: toolpathsResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const body = attemptBody<typeof request.body>(request);
      // No `dialect: undefined`: the artifact of a refused attempt records a canonical-JSON copy of this input, and
      // canonical JSON has no undefined (the copy would be recorded as unencodable instead).
      return requestToolpaths(deps, body.dialect === undefined ? { session_id: body.session_id } : { session_id: body.session_id, dialect: body.dialect }, actorOf(request));
    },
  );
};
