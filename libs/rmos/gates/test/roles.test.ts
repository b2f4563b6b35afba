import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type Actor, type Role } from '@luthier/rmos-contracts';
import { InvalidActorError, RoleForbiddenError } from '../src/errors.js';
import { ACTIONS, assertActorMay, parseActor, ROLE_PERMISSIONS, type Action } from '../src/roles.js';

/** The specification: who may do what. Advisor and auditor may do none of it. */
const MAY: Record<Action, Role[]> = {
  open_session: ['operator'],
  transition: ['operator', 'approver'],
  approve: ['approver'],
  toolpaths: ['operator'],
};

describe('the role guard', () => {
  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = MAY[action].includes(role);
      test(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        const actor: Actor = { actor_id: `${role}-1`, role };
        if (allowed) return assert.doesNotThrow(() => assertActorMay(actor, action));
        assert.throws(
          () => assertActorMay(actor, action),
          (error: unknown) =>
            error instanceof RoleForbiddenError && error.code === 'ROLE_FORBIDDEN' && error.status === 403 && error.role === role,
        );
      });
    }
  }

  test('the advisor can never approve, transition, open or generate, whatever it passes', () => {
    const tricks: unknown[] = [
      { actor_id: 'ai', role: 'advisor' },
      { actor_id: 'ai', role: 'approver', extra: 'advisor' },
      { actor_id: 'ai', role: 'APPROVER' },
      { actor_id: 'ai', role: ['approver'] },
      { actor_id: '', role: 'approver' },
      { actor_id: 'ai' },
      Object.assign(Object.create({ role: 'approver' }), { actor_id: 'ai' }),
      JSON.parse('{"actor_id":"ai","role":"advisor","__proto__":{"role":"approver"}}'),
      null,
      'approver',
    ];
    for (const actor of tricks) {
      for (const action of ACTIONS) {
        assert.throws(() => assertActorMay(actor as Actor, action), (e: unknown) => e instanceof RoleForbiddenError || e instanceof InvalidActorError);
      }
    }
  });

  test('a malformed actor is INVALID_ACTOR, 403; an unknown action is forbidden to everyone', () => {
    assert.throws(() => assertActorMay({ actor_id: 'x' } as Actor, 'approve'), { code: 'INVALID_ACTOR', status: 403 });
    for (const role of ROLES) {
      assert.throws(() => assertActorMay({ actor_id: 'x', role }, 'delete_everything' as Action), { code: 'ROLE_FORBIDDEN' });
      assert.throws(() => assertActorMay({ actor_id: 'x', role }, 'toString' as Action), { code: 'ROLE_FORBIDDEN' });
    }
  });

  test('the permission table cannot be widened at run time', () => {
    assert.throws(() => (ROLE_PERMISSIONS.approve as Role[]).push('advisor'), TypeError);
    assert.throws(() => {
      (ROLE_PERMISSIONS as Record<string, readonly Role[]>).approve = ['advisor'];
    }, TypeError);
    assert.throws(() => assertActorMay({ actor_id: 'ai', role: 'advisor' }, 'approve'), { code: 'ROLE_FORBIDDEN' });
  });
});

test('parseActor reads own fields only and copies exactly { actor_id, role }', () => {
  const inherited = Object.assign(Object.create({ role: 'approver' }), { actor_id: 'ai' });
  assert.throws(() => parseActor(inherited, 'approve'), { code: 'INVALID_ACTOR' });
  const actor = { actor_id: 'op-1', role: 'operator' as const };
  const parsed = parseActor(actor, 'transition');
  assert.deepEqual(parsed, actor);
  assert.notEqual(parsed, actor);
});
