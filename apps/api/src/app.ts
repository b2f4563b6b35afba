import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import { randomUUID } from 'node:crypto';
import type { FeasibilityPort, SandboxStorePort } from '@luthier/rmos-contracts';
import type { TokenRegistry } from './auth/token-registry.js';
import { clientErrorReply } from './http/client-error.js';
import { frameworkErrorReply, installErrorHandler } from './http/error-handler.js';
import { installJsonParser } from './http/json-parser.js';
import { ApiLogController } from './http/log-controller.js';
import { requestSerializer } from './http/log-redaction.js';
import { compiledSerializerCompiler, compiledValidatorCompiler } from './http/zod-compilers.js';
import { advisoryPorts, sandboxPortFrom } from './ports/advisory-ports.js';
import { aiRoutes } from './routes/ai/index.js';
import { installDocs } from './routes/docs/index.js';
import { feasibilityRoutes } from './routes/feasibility/index.js';
import type { RouteOptions, UseCaseDeps } from './routes/route-options.js';
import { runsRoutes } from './routes/runs/index.js';
import { toolpathsRoutes } from './routes/toolpaths/index.js';
import { workflowRoutes } from './routes/workflow/index.js';

export interface AppOptions {
  deps: UseCaseDeps;
  tokens: TokenRegistry;
  feasibilityPort: FeasibilityPort;
  sandbox: SandboxStorePort;
  bodyLimitBytes?: number;
  rateLimitPerMinute?: number;
  /** pino options (level, stream…); false for silence. */
  logger?: FastifyServerOptions['logger'];
}

/** Paths that never appear in a log line: credentials and anything token-like. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'request.headers.authorization',
  'headers.authorization',
  'authorization',
  'token',
  '*.token',
];

/**
 * Composes the API: the parsers, the error body, rate limit, docs and one plugin per route group
 * (encapsulated: each group sees only the options it is handed).
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logger = options.logger === undefined || options.logger === true ? { level: 'info' } : options.logger;
  const app = Fastify({
    // Whatever options the caller passes, credentials are redacted: header paths by pino, query-string
    // credentials and token-shaped text in every logged URL by the `req` serializer.
    logger:
      logger && typeof logger === 'object'
        ? { ...logger, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, serializers: { ...logger.serializers, req: requestSerializer } }
        : logger,
    bodyLimit: options.bodyLimitBytes ?? 64 * 1024,
    genReqId: () => `req_${randomUUID()}`,
    logController: new ApiLogController(),
    // Never trust a client-chosen request id.
    requestIdHeader: false,
    routerOptions: { maxParamLength: 100 },
    frameworkErrors: frameworkErrorReply,
    clientErrorHandler: clientErrorReply,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  app.setValidatorCompiler(compiledValidatorCompiler);
  app.setSerializerCompiler(compiledSerializerCompiler);
  installErrorHandler(app);
  installJsonParser(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyRateLimit, {
    // Not the plugin's per-route hook: it is appended after each route's own onRequest hooks, so a
    // request refused by requireRole (401, 403) would never be counted nor limited.
    global: false,
    max: options.rateLimitPerMinute ?? 6000,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'RATE_LIMITED', message: `rate limit of ${context.max} requests per ${context.after} exceeded` }),
  });
  // One root onRequest hook instead, added before any route: root hooks run before a route's own, so every
  // request (authenticated or not, any route, an unknown one too) is counted and, once over budget,
  // answered 429 before authentication.
  app.addHook('onRequest', app.rateLimit());
  // At the root, so the OpenAPI generator sees every route registered after it.
  await installDocs(app);

  const routeOptions: RouteOptions = {
    tokens: options.tokens,
    deps: options.deps,
    advisory: advisoryPorts(options.feasibilityPort, sandboxPortFrom(options.sandbox)),
  };
  await app.register(feasibilityRoutes, routeOptions);
  await app.register(workflowRoutes, routeOptions);
  await app.register(toolpathsRoutes, routeOptions);
  await app.register(runsRoutes, routeOptions);
  await app.register(aiRoutes, routeOptions);
  return app;
}
