import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ApiError, errorBody } from './api-error.js';

/** Fastify's own errors, renamed to the API's stable codes. */
const FASTIFY_CODES: Record<string, [number, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'EMPTY_BODY'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH'],
  FST_ERR_CTP_INVALID_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_BAD_URL: [400, 'BAD_URL'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'PARAM_TOO_LONG'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'BAD_REQUEST'],
  FST_ERR_ROUTE_MISSING_CONTENT_TYPE: [400, 'MISSING_CONTENT_TYPE'],
};

/**
 * Fastify's `frameworkErrors`: the router's own refusals (a bad percent-encoding, a
 * path parameter over maxParamLength) never reach the error handler, so without this
 * they would answer Fastify's body instead of the API's stable one.
 */
export function frameworkErrorReply(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const [status, stable] = FASTIFY_CODES[error.code] ?? [400, 'BAD_REQUEST'];
  // The app's onSend hooks do not run for a request the router refused: its id is set here.
  void reply.code(status).header('x-request-id', request.id).send(errorBody(stable, error.message));
}

/** Library errors that carry a code but no status. */
const STATUS_BY_CODE: Record<string, number> = {
  SESSION_CONFLICT: 409,
};

const STABLE_CODE = /^[A-Z][A-Z0-9_]{2,63}$/;

interface CodedError {
  code?: unknown;
  status?: unknown;
  statusCode?: unknown;
  message?: unknown;
}

function clientStatus(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 500 ? value : null;
}

/** A typed server-side status a library declared (503 store unavailable, 507 full…). */
function declaredStatus(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value >= 400 && value < 600 ? value : null;
}

interface RecordedRefusal {
  code: string;
  status: number;
  message: string;
  run_id: string;
  run_status: 'BLOCKED' | 'ERROR';
  session?: unknown;
  feasibility?: unknown;
}

/** WorkflowActionError of @luthier/rmos-workflow, recognised by shape so the handler needs no import. */
export function isRecordedRefusal(error: unknown): error is RecordedRefusal {
  const e = error as Partial<RecordedRefusal> | null;
  return (
    typeof e?.run_id === 'string' &&
    (e.run_status === 'BLOCKED' || e.run_status === 'ERROR') &&
    typeof e.code === 'string' &&
    declaredStatus(e.status) !== null
  );
}

/**
 * One error body for the whole API: `{ error: { code, message } }`. Validation,
 * parsing and size errors are 4xx with stable codes; typed library errors (gates,
 * workflow, runs) answer with their own `code` and `status`; anything else is a
 * logged 500 that says nothing about internals.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError & CodedError, request, reply) => {
    if (isRecordedRefusal(error)) {
      // approve/toolpaths refused or failed after recording their artifact: say which one.
      if (error.status >= 500) request.log.error({ err: error, run_id: error.run_id }, 'recorded run failure');
      return reply.code(error.status).send({
        ...errorBody(error.code, error.message),
        run_id: error.run_id,
        status: error.run_status,
        session: error.session ?? null,
        feasibility: error.feasibility ?? null,
      });
    }
    if (error instanceof ApiError) {
      return reply.code(error.status).send(errorBody(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message }));
      return reply
        .code(400)
        .send(errorBody('VALIDATION_FAILED', `invalid request ${error.validationContext ?? 'input'}: ${issues[0]?.path} ${issues[0]?.message}`, issues.slice(0, 20)));
    }
    const code = typeof error.code === 'string' ? error.code : '';
    if (FASTIFY_CODES[code]) {
      const [status, stable] = FASTIFY_CODES[code];
      return reply.code(status).send(errorBody(stable, error.message));
    }
    if (error.statusCode === 429) {
      return reply.code(429).send(errorBody('RATE_LIMITED', 'too many requests; slow down and retry later'));
    }
    if (code.startsWith('FST_')) {
      // Any other of Fastify's own: its status if a client one, never its internal code.
      const status = clientStatus(error.statusCode);
      if (status !== null) return reply.code(status).send(errorBody('BAD_REQUEST', String(error.message)));
    }
    const status = declaredStatus(error.status) ?? clientStatus(STATUS_BY_CODE[code]);
    if (status !== null && STABLE_CODE.test(code)) {
      if (status >= 500) request.log.error({ err: error }, 'library failure');
      return reply.code(status).send(errorBody(code, String(error.message)));
    }
    if (status !== null) {
      return reply.code(status).send(errorBody('BAD_REQUEST', String(error.message)));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(errorBody('INTERNAL_ERROR', 'the server failed to handle the request; it has been logged'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
