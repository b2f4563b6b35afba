import type { onRequestHookHandler, FastifyRequest } from 'fastify';
import type { Actor, Role } from '@luthier/rmos-contracts';
import { ApiError } from '../http/api-error.js';
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

/**
 * For the authority actions (approve, toolpaths), whose every attempt must leave a
 * run artifact: a wrong role is logged as a security event here, then handed on to
 * the use case, whose role guard refuses it (403, ROLE_FORBIDDEN) and records the
 * BLOCKED attempt with the actor who made it. A missing or unknown token is still
 * refused here (401): an artifact must name a known actor.
 */
export function requireRoleRecorded(registry: TokenRegistry, ...roles: Role[]): onRequestHookHandler {
  return checkRole(registry, roles, 'record');
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
      request.log.warn(
        { security_event: 'auth.forbidden', actor_id: actor.actor_id, role: actor.role, route: request.routeOptions.url, method: request.method, recorded: onForbidden === 'record' },
        'security event: request refused, role not allowed',
      );
      if (onForbidden === 'record') {
        request.actor = actor;
        done();
        return;
      }
      done(new ApiError(403, 'ROLE_FORBIDDEN', `role ${actor.role} may not call this route; allowed: ${roles.join(', ')}`));
      return;
    }
    request.actor = actor;
    done();
  };
}
