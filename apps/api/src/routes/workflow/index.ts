import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { designRequestSchema, sessionIdSchema, transitionRequestSchema } from '@luthier/rmos-contracts';
import { approveWorkflow, getSession, openSession, transitionWorkflow } from '@luthier/rmos-workflow';
import { actorOf, attemptBody, requireRole, requireRoleRecorded } from '../../auth/require-role.js';
import { errorResponses } from '../../http/error-schema.js';
import { approveResponseSchema, workflowSessionSchema } from '../../http/response-schemas.js';
import type { RouteOptions } from '../route-options.js';

const sessionParams = z.strictObject({ id: sessionIdSchema });
const approveBody = z.strictObject({ session_id: sessionIdSchema });

/** Workflow sessions and approval: each route parses, calls one @luthier/rmos-workflow use case, answers. */
export const workflowRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { tokens, deps }) => {
  app.post(
    '/api/workflow/sessions',
    {
      onRequest: requireRole(tokens, 'operator'),
      schema: { summary: 'Open a workflow session', tags: ['workflow'], security: [{ bearer: [] }], body: designRequestSchema, response: { 201: workflowSessionSchema, ...errorResponses } },
    },
    async (request, reply) => reply.code(201).send(await openSession(deps, request.body, actorOf(request))),
  );

  app.get(
    '/api/workflow/sessions/:id',
    {
      onRequest: requireRole(tokens, 'operator', 'approver', 'auditor'),
      schema: { summary: 'A session, its state and its server-computed feasibility', tags: ['workflow'], security: [{ bearer: [] }], params: sessionParams, response: { 200: workflowSessionSchema, ...errorResponses } },
    },
    async (request) => getSession(deps, request.params.id),
  );

  app.post(
    '/api/workflow/sessions/:id/transition',
    {
      onRequest: requireRole(tokens, 'operator', 'approver'),
      schema: {
        summary: 'A state transition the state machine allows',
        tags: ['workflow'],
        security: [{ bearer: [] }],
        params: sessionParams,
        body: transitionRequestSchema,
        response: { 200: workflowSessionSchema, ...errorResponses },
      },
    },
    async (request) =>
      transitionWorkflow(deps, { session_id: request.params.id, to: request.body.to, reason: request.body.reason }, actorOf(request)),
  );

  app.post(
    '/api/workflow/approve',
    {
      ...requireRoleRecorded(tokens, 'approver'),
      // A wrong role's body is handed on even when it fails the schema (attemptBody), so that the refusal is recorded.
      attachValidation: true,
      schema: {
        summary: 'Recompute feasibility and approve a GREEN session; anything else is refused (409); a run artifact every time',
        tags: ['workflow'],
        security: [{ bearer: [] }],
        body: approveBody,
        response: { 200: approveResponseSchema, ...errorResponses },
      },
    },
    async (request) => approveWorkflow(deps, { session_id: attemptBody<typeof request.body>(request).session_id }, actorOf(request)),
  );
};
