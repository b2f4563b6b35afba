import { actorSchema, type Actor, type Role } from '@luthier/rmos-contracts';
import { InvalidActorError, RoleForbiddenError } from './errors.js';

/** What an actor can ask the authoritative zone to do. */
export const ACTIONS = ['open_session', 'transition', 'approve', 'toolpaths'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Which roles may perform each action. The advisor and auditor roles appear
 * nowhere: the advisor proposes and reads feasibility, the auditor reads runs,
 * and neither may change a session. Frozen so no code can widen it at run time.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = Object.freeze({
  open_session: Object.freeze(['operator'] as const),
  transition: Object.freeze(['operator', 'approver'] as const),
  approve: Object.freeze(['approver'] as const),
  toolpaths: Object.freeze(['operator'] as const),
});

/**
 * The role guard. Throws InvalidActorError (INVALID_ACTOR, 403) for a malformed
 * actor and RoleForbiddenError (ROLE_FORBIDDEN, 403) for a role the action does
 * not list; an unknown action is forbidden to everyone.
 */
export function assertActorMay(actor: Actor, action: Action): asserts actor is Actor {
  const valid = parseActor(actor, action);
  const allowed: readonly Role[] = Object.hasOwn(ROLE_PERMISSIONS, action) ? ROLE_PERMISSIONS[action] : [];
  if (!allowed.includes(valid.role)) throw new RoleForbiddenError(valid.role, String(action), allowed);
}

/**
 * The actor as exactly `{ actor_id, role }`, read from its own properties only:
 * zod also reads inherited ones, so an object whose prototype says
 * `role: 'approver'` would otherwise pass as an approver. Throws InvalidActorError.
 */
export function parseActor(actor: unknown, action: string): Actor {
  if (actor === null || typeof actor !== 'object' || Array.isArray(actor)) throw new InvalidActorError(action);
  const parsed = actorSchema.safeParse({ ...actor });
  if (!parsed.success) throw new InvalidActorError(action);
  return parsed.data;
}
