import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runIdSchema, runInstantSchema, runKindSchema, runStatusSchema, sessionIdSchema } from '@luthier/rmos-contracts';
import { requireRole } from '../../auth/require-role.js';
import { ApiError, errorBody } from '../../http/api-error.js';
import { errorResponses } from '../../http/error-schema.js';
import { runArtifactSchema, runListResponseSchema, verifyReportSchema } from '../../http/response-schemas.js';
import type { RouteOptions } from '../route-options.js';

const runParams = z.strictObject({ run_id: runIdSchema });
const listQuery = z.strictObject({
  session_id: sessionIdSchema.optional(),
  status: runStatusSchema.optional(),
  kind: runKindSchema.optional(),
  created_from: runInstantSchema.optional(),
  created_to: runInstantSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(64).optional(),
});

// Every path under /api/runs, whatever its depth or trailing slash: no write exists anywhere in it.
const READ_ONLY_PATHS = ['/api/runs', '/api/runs/*'];
const WRITE_METHODS = ['PUT', 'PATCH', 'DELETE', 'POST'] as const;

/** Run artifacts, read-only: auditors read them; no route changes or removes one (writes answer 405). */
export const runsRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { tokens, deps }) => {
  const auditor = requireRole(tokens, 'auditor');

  app.get(
    '/api/runs',
    { onRequest: auditor, schema: { summary: 'Run artifacts, newest last, paged', tags: ['runs'], security: [{ bearer: [] }], querystring: listQuery, response: { 200: runListResponseSchema, ...errorResponses } } },
    async (request) => deps.runs.list(request.query),
  );

  app.get(
    '/api/runs/:run_id',
    { onRequest: auditor, schema: { summary: 'One run artifact', tags: ['runs'], security: [{ bearer: [] }], params: runParams, response: { 200: runArtifactSchema, ...errorResponses } } },
    async (request) => {
      const artifact = await deps.runs.get(request.params.run_id);
      if (!artifact) throw new ApiError(404, 'RUN_NOT_FOUND', `no run artifact ${request.params.run_id}`);
      return artifact;
    },
  );

  app.get(
    '/api/runs/:run_id/verify',
    {
      onRequest: auditor,
      schema: { summary: "Recompute an artifact's hashes, chain link and attachments", tags: ['runs'], security: [{ bearer: [] }], params: runParams, response: { 200: verifyReportSchema, ...errorResponses } },
    },
    async (request) => {
      const report = await deps.runs.verify(request.params.run_id);
      if (report.problems.some((p) => p.code === 'NOT_FOUND')) throw new ApiError(404, 'RUN_NOT_FOUND', `no run artifact ${request.params.run_id}`);
      return report;
    },
  );

  // Answered before authentication: the operation does not exist for anyone.
  for (const url of READ_ONLY_PATHS) {
    app.route({
      method: [...WRITE_METHODS],
      url,
      schema: { hide: true },
      handler: async (_request, reply) =>
        reply
          .code(405)
          .header('allow', 'GET, HEAD')
          .send(errorBody('METHOD_NOT_ALLOWED', 'run artifacts are read-only: they are never modified or deleted')),
    });
  }
};
