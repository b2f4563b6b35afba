import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkflowSession } from '@luthier/rmos-contracts';
import { SessionConflictError } from '@luthier/rmos-runs';
import { createInMemorySessionStore, SessionExistsError } from '../src/in-memory-session-store.js';

function session(revision = 0): WorkflowSession {
  return {
    session_id: `ses_${'a'.repeat(32)}`,
    state: 'FEASIBILITY_READY',
    design: { outer_diameter_mm: 100, inner_diameter_mm: 80, rings: [{ radial_position_mm: 45, width_mm: 3, depth_mm: 1, pattern: 'solid' }] },
    context: { material_id: 'maple_hard', tool_id: 'flat_2mm', machine_profile_id: 'grbl_hobby_router' },
    feasibility: null,
    approval: null,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-01T00:00:00.000Z',
    revision,
    history: [],
  };
}

test('stores deep copies: neither the caller\'s object nor a read copy can change what is stored', async () => {
  const store = createInMemorySessionStore();
  const original = session();
  await store.create(original);
  original.state = 'APPROVED';
  original.design.rings[0].depth_mm = 19;
  const read = await store.get(original.session_id);
  assert.equal(read?.state, 'FEASIBILITY_READY');
  assert.equal(read?.design.rings[0].depth_mm, 1);
  read!.state = 'APPROVED';
  assert.equal((await store.get(original.session_id))?.state, 'FEASIBILITY_READY');
});

test('get answers null for an unknown id; create refuses a duplicate id', async () => {
  const store = createInMemorySessionStore();
  assert.equal(await store.get(`ses_${'b'.repeat(32)}`), null);
  await store.create(session());
  await assert.rejects(store.create(session()), SessionExistsError);
});

test('update is a compare-and-swap on the revision', async () => {
  const store = createInMemorySessionStore();
  await store.create(session(0));
  await store.update({ ...session(1), state: 'APPROVED' }, 0);
  assert.equal((await store.get(session().session_id))?.state, 'APPROVED');

  // a stale writer (read revision 0) loses and changes nothing
  await assert.rejects(store.update({ ...session(1), state: 'REJECTED' }, 0), SessionConflictError);
  // the new revision must be expected + 1
  await assert.rejects(store.update({ ...session(3), state: 'REJECTED' }, 1), { code: 'SESSION_CONFLICT' });
  // an unknown session cannot be updated into existence
  await assert.rejects(store.update({ ...session(1), session_id: `ses_${'c'.repeat(32)}` }, 0), SessionConflictError);
  const stored = await store.get(session().session_id);
  assert.equal(stored?.state, 'APPROVED');
  assert.equal(stored?.revision, 1);
});

test('of two concurrent writers from the same revision exactly one wins', async () => {
  const store = createInMemorySessionStore();
  await store.create(session(0));
  const results = await Promise.allSettled([
    store.update({ ...session(1), state: 'APPROVED' }, 0),
    store.update({ ...session(1), state: 'REJECTED' }, 0),
  ]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
});

test('a session that does not match the contract schema is refused and nothing is stored', async () => {
  const store = createInMemorySessionStore();
  await assert.rejects(store.create({ ...session(), state: 'SHIPPED' as WorkflowSession['state'] }), { code: 'SESSION_INVALID' });
  assert.equal(await store.get(session().session_id), null);
  await store.create(session());
  await assert.rejects(store.update({ ...session(1), feasibility: { risk_bucket: 'GREEN' } as unknown as WorkflowSession['feasibility'] }, 0), {
    code: 'SESSION_INVALID',
  });
  assert.equal((await store.get(session().session_id))?.revision, 0);
});
