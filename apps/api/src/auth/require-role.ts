import type { FastifyRequest, onErrorHookHandler, onRequestHookHandler, onSendHookHandler } from 'fastify';
import { sessionIdSchema, type Actor, type Role } from '@luthier/rmos-contracts';
import { ApiError } from '../http/api-error.js';
import { isRecordedRefusal } from '../http/error-handler.js';
import type { TokenRegistry } from './token-registry.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireRole from the bearer token; never from a header the client names. */
    actor?: Actor;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_\-.~+/]{8,256}=*)$/;

/** The authenticated actor of a request that passed requireRole. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new ApiError(401, 'UNAUTHENTICATED', 'a bearer token is required');
  return request.actor;
}

/**
 * onRequest hook: authenticates the bearer token (401 when missing or unknown)
 * and checks the role (403). Both refusals are logged as security events, with
 * the token id at most, never the token. Runs before the body is parsed.
 */
export function requireRole(registry: TokenRegistry, ...roles: Role[]): onRequestHookHandler {
  return checkRole(registry, roles, 'refuse');
}

/** What requireRoleRecorded notes on a request whose role the use case is to refuse. */
interface RoleRefusal {
  roles: Role[];
  /** the run artifact that recorded the attempt, once the use case's refusal names one */
  run_id?: string;
}

const refusals = new WeakMap<FastifyRequest, RoleRefusal>();

/** The hooks of an authority route (approve, toolpaths); spread into its route options. */
export interface RecordedRoleHooks {
  onRequest: onRequestHookHandler;
  onError: onErrorHookHandler;
  onSend: onSendHookHandler;
}

/**
 * For the authority actions (approve, toolpaths), whose every attempt must leave a
 * run artifact: a wrong role is handed on to the use case, whose role guard refuses
 * it (403, ROLE_FORBIDDEN) and records the BLOCKED attempt with the actor who made
 * it — also when the body fails the route schema, as long as it names a well-formed
 * session id (see attemptBody). A body that names none (not JSON, malformed, no
 * session id) is refused for what it is (415, 400) and nothing is recorded. The
 * security event is logged when the answer is sent, so that its `recorded` (and
 * `run_id`) say what actually happened. A missing or unknown token is still refused
 * in onRequest (401): an artifact must name a known actor.
 */
export function requireRoleRecorded(registry: TokenRegistry, ...roles: Role[]): RecordedRoleHooks {
  return {
    onRequest: checkRole(registry, roles, 'record'),
    onError: (request, _reply, error, done) => {
      const refusal = refusals.get(request);
      if (refusal && isRecordedRefusal(error)) refusal.run_id = error.run_id;
      done();
    },
    onSend: (request, reply, payload, done) => {
      const refusal = refusals.get(request);
      if (refusal) {
        refusals.delete(request);
        const actor = request.actor!;
        request.log.warn(
          {
            security_event: 'auth.forbidden',
            actor_id: actor.actor_id,
            role: actor.role,
            route: request.routeOptions.url,
            method: request.method,
            status_code: reply.statusCode,
            recorded: refusal.run_id !== undefined,
            ...(refusal.run_id !== undefined ? { run_id: refusal.run_id } : {}),
          },
          refusal.run_id !== undefined ? 'security event: role not allowed; the attempt is recorded' : 'security event: role not allowed; the request was unusable and nothing is recorded',
        );
      }
      done(null, payload);
    },
  };
}

/**
 * The body an authority route hands its use case (the route sets `attachValidation`):
 * the validated body; or, for a caller whose role the use case will refuse, only the
 * well-formed session id of a body that failed the schema, so the refusal is recorded
 * against that session and nothing else the client sent is used. Anything else
 * throws the validation error (400 VALIDATION_FAILED, nothing recorded).
 */
export function attemptBody<B extends { session_id: string }>(request: FastifyRequest): { session_id: string } & Partial<B> {
  if (!request.validationError) return request.body as B;
  const body = request.body as { session_id?: unknown } | null;
  const sessionId = refusals.has(request) && body !== null && typeof body === 'object' && !Array.isArray(body) ? sessionIdSchema.safeParse(body.session_id) : null;
  if (!sessionId?.success) throw request.validationError;
  return { session_id: sessionId.data } as { session_id: string } & Partial<B>;
}

function checkRole(registry: TokenRegistry, roles: Role[], onForbidden: 'refuse' | 'record'): onRequestHookHandler {
  const allowed = new Set<Role>(roles);
  return (request, reply, done) => {
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    const actor = match ? registry.authenticate(match[1]) : null;
    if (!actor) {
      request.log.warn(
        { security_event: 'auth.unauthenticated', reason: header === undefined ? 'missing token' : 'invalid token', route: request.routeOptions.url, method: request.method },
        'security event: request refused, no valid bearer token',
      );
      reply.header('www-authenticate', 'Bearer');
      done(new ApiError(401, 'UNAUTHENTICATED', 'a valid bearer token is required (Authorization: Bearer <token>)'));
      return;
    }
    if (!allowed.has(actor.role)) {
      if (onForbidden === 'record') {
        // logged by requireRoleRecorded's onSend, once the outcome is known
        refusals.set(request, { roles });
        request.actor = actor;
        done();
        return;
      }
      request.log.warn(
        { security_event: 'auth.forbidden', actor_id: actor.actor_id, role: actor.role, route: request.routeOptions.url, method: request.method, recorded: false },
        'security event: request refused, role not allowed',
      );
      done(new ApiError(403, 'ROLE_FORBIDDEN', `role ${actor.role} may not call this route; allowed: ${roles.join(', ')}`));
      return;
    }
    request.actor = actor;
    done();
  };
}
