import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { RUN_GENESIS_HASH, deriveRunId, runArtifactSchema, runIdHash, type RunArtifact } from '@luthier/rmos-contracts';
import {
  RunArtifactCorruptError,
  RunArtifactValidationError,
  RunAttachmentCorruptError,
  RunAttachmentMissingError,
  RunStoreInputError,
  RunStoreReadOnlyError,
  SessionConflictError,
  SessionInvalidError,
  persistRunArtifact,
  putRunAttachment,
  type Stores,
} from '@luthier/rmos-runs';
import { canonicalJson, hashCanonical, sha256Hex } from '@luthier/shared-hashing';
import { SESSION_A, SESSION_B, runInput, session } from './helpers/fixtures-data.js';
import type { BackendHarness } from './helpers/harness.js';
import { spawnAppender } from './helpers/spawn-appender.js';

/**
 * The one suite both backends must pass. Each describe block gets a fresh store
 * (its own directory or schema), so tampering in one never leaks into another.
 */
export function defineRunStoreSuite(makeHarness: () => BackendHarness): void {
  const fresh = () => {
    const ctx = {} as { h: BackendHarness; stores: Stores };
    before(async () => {
      ctx.h = makeHarness();
      ctx.stores = await ctx.h.open();
    });
    after(async () => {
      await ctx.stores?.close();
      await ctx.h?.cleanup();
    });
    return ctx;
  };

  describe('appending and reading', () => {
    const ctx = fresh();

    test('an artifact gets its hashes, chain link and content-derived id from the store', async () => {
      const input = runInput();
      const first = await persistRunArtifact(ctx.stores.runs, input);
      assert.equal(first.seq, 1);
      assert.equal(first.prev_hash, RUN_GENESIS_HASH);
      assert.notEqual(first.prev_hash, '0'.repeat(64));
      assert.equal(first.request_hash, hashCanonical(input.request));
      assert.equal(first.output_hash, hashCanonical(input.output));
      assert.equal(first.run_id, deriveRunId(first));
      assert.deepEqual(first.actor, { actor_id: 'alice', role: 'approver' });
      assert.equal(runArtifactSchema.safeParse(first).success, true);

      const second = await persistRunArtifact(ctx.stores.runs, runInput({ status: 'BLOCKED', reason: 'feasibility is RED' }));
      assert.equal(second.seq, 2);
      assert.equal(second.prev_hash, runIdHash(first.run_id));
      assert.deepEqual(await ctx.stores.runs.get(first.run_id), first);
      assert.deepEqual(await ctx.stores.runs.get(second.run_id), second);
      assert.equal(await ctx.stores.runs.get(`run_${'f'.repeat(64)}`), null);
    });

    test('the same request recorded twice gives two artifacts with different ids', async () => {
      const a = await persistRunArtifact(ctx.stores.runs, runInput());
      const b = await persistRunArtifact(ctx.stores.runs, runInput());
      assert.equal(a.request_hash, b.request_hash);
      assert.notEqual(a.run_id, b.run_id);
    });

    test('a malformed artifact is refused with a typed error and nothing is written', async () => {
      const before = (await ctx.stores.runs.verifyAll()).checked;
      const bad: unknown[] = [
        runInput({ status: 'BLOCKED', reason: null }),
        runInput({ status: 'ERROR', reason: '  ' }),
        runInput({ status: 'OK', reason: 'overridden' }),
        { ...runInput(), request_hash: '0'.repeat(64) },
        { ...runInput(), status: 'APPROVED' },
        runInput({ actor: { actor_id: 'x', role: 'superuser' } as never }),
        runInput({ session_id: 'not-a-session' }),
        runInput({ versions: { feasibility: '9.9.9' } }),
        runInput({ versions: { 'made.up': '1.0.0' } }),
        runInput({ request: { big: 'x'.repeat(1024 * 1024 + 1) } }),
        runInput({ output: { nan: Number.NaN } as never }),
        runInput({ attachments: [{ name: '../etc/passwd', sha256: 'a'.repeat(64), size_bytes: 1, media_type: 'text/plain' }] }),
      ];
      for (const input of bad) {
        await assert.rejects(persistRunArtifact(ctx.stores.runs, input as never), RunArtifactValidationError, JSON.stringify(input).slice(0, 80));
      }
      const report = await ctx.stores.runs.verifyAll();
      assert.equal(report.checked, before);
      assert.equal(report.ok, true);
    });

    test('the store offers no way to change or remove an artifact', () => {
      const methods = new Set<string>();
      for (let o: object | null = ctx.stores.runs; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
        for (const k of Object.getOwnPropertyNames(o)) methods.add(k);
      }
      for (const m of methods) assert.doesNotMatch(m, /update|delete|remove|replace|override|truncate|purge|edit|set/i);
    });

    test('the database itself refuses UPDATE and DELETE of artifacts and moving the chain head back', async () => {
      await assert.rejects(ctx.h.exec("UPDATE run_artifacts SET body = '{}' WHERE seq = 1"), /RUN_ARTIFACT_IMMUTABLE/);
      await assert.rejects(ctx.h.exec('DELETE FROM run_artifacts WHERE seq = 2'), /RUN_ARTIFACT_IMMUTABLE/);
      await assert.rejects(ctx.h.exec('DELETE FROM run_artifacts'), /RUN_ARTIFACT_IMMUTABLE/);
      await assert.rejects(ctx.h.exec('UPDATE run_chain_head SET seq = 1 WHERE id = 1'), /RUN_ARTIFACT_IMMUTABLE/);
      await assert.rejects(ctx.h.exec('DELETE FROM run_chain_head'), /RUN_ARTIFACT_IMMUTABLE/);
      if (ctx.h.name === 'postgres') {
        await assert.rejects(ctx.h.exec('TRUNCATE run_artifacts'), /RUN_ARTIFACT_IMMUTABLE/);
        await ctx.stores.runs.putRunAttachment(new Uint8Array([1, 2, 3]), 'application/octet-stream');
        await assert.rejects(ctx.h.exec('UPDATE run_attachments SET media_type = $1', ['text/plain']), /RUN_ARTIFACT_IMMUTABLE/);
        await assert.rejects(ctx.h.exec('DELETE FROM run_attachments'), /RUN_ARTIFACT_IMMUTABLE/);
      }
      assert.equal((await ctx.stores.runs.verifyAll()).ok, true);
    });
  });

  describe('versioned migrations', () => {
    test('stores opened at once on a fresh database migrate it exactly once', async () => {
      const h = makeHarness();
      const opened = await Promise.all([h.open(), h.open(), h.open()]);
      try {
        const versions = (await h.queryRows<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((r) => Number(r.version));
        assert.ok(versions.length >= 1);
        assert.deepEqual(versions, versions.map((_, i) => i + 1), 'each migration applied once, in order');
        await persistRunArtifact(opened[0].runs, runInput());
        await persistRunArtifact(opened[2].runs, runInput());
        assert.equal((await opened[1].runs.verifyAll()).checked, 2);
      } finally {
        for (const s of opened) await s.close();
        await h.cleanup();
      }
    });
  });

  describe('attachments', () => {
    const ctx = fresh();

    test('bytes are stored under their sha256 and read back intact', async () => {
      const bytes = new TextEncoder().encode('G21\nG90\nG0 Z5\n');
      const stored = await putRunAttachment(ctx.stores.runs, bytes, 'text/x-gcode');
      assert.deepEqual(stored, { sha256: sha256Hex(bytes), size_bytes: bytes.byteLength, media_type: 'text/x-gcode' });
      assert.deepEqual(await putRunAttachment(ctx.stores.runs, bytes, 'text/x-gcode'), stored);
      assert.deepEqual(Buffer.from((await ctx.stores.runs.getAttachment(stored.sha256))!), Buffer.from(bytes));
      assert.equal(await ctx.stores.runs.getAttachment('b'.repeat(64)), null);

      const artifact = await persistRunArtifact(ctx.stores.runs, runInput({ kind: 'toolpaths', attachments: [{ ...stored, name: 'program.nc' }] }));
      assert.deepEqual(artifact.attachments, [{ ...stored, name: 'program.nc' }]);
      assert.equal((await ctx.stores.runs.verify(artifact.run_id)).ok, true);
    });

    test('an artifact cannot refer to an attachment that was never stored', async () => {
      const bytes = new TextEncoder().encode('M2\n');
      const stored = await putRunAttachment(ctx.stores.runs, bytes, 'text/x-gcode');
      const ghost = { sha256: 'c'.repeat(64), size_bytes: 3, media_type: 'text/x-gcode', name: 'ghost.nc' };
      await assert.rejects(persistRunArtifact(ctx.stores.runs, runInput({ attachments: [ghost] })), RunAttachmentMissingError);
      const wrongSize = { ...stored, size_bytes: 99, name: 'm2.nc' };
      await assert.rejects(persistRunArtifact(ctx.stores.runs, runInput({ attachments: [wrongSize] })), RunAttachmentMissingError);
      assert.equal((await ctx.stores.runs.verifyAll()).checked, 1);
    });

    test('bad attachment arguments are refused', async () => {
      await assert.rejects(putRunAttachment(ctx.stores.runs, new Uint8Array(1), 'not a media type'), RunStoreInputError);
      await assert.rejects(putRunAttachment(ctx.stores.runs, 'text' as never, 'text/plain'), RunStoreInputError);
    });
  });

  describe('listing', () => {
    const ctx = fresh();
    const written: RunArtifact[] = [];
    let t = Date.parse('2026-11-23T08:00:00.000Z');

    before(async () => {
      await ctx.stores.close();
      ctx.stores = await ctx.h.open({ clock: () => new Date((t += 60_000)) });
      for (let i = 0; i < 23; i += 1) {
        const status = i % 3 === 0 ? 'BLOCKED' : i % 7 === 0 ? 'ERROR' : 'OK';
        written.push(
          await persistRunArtifact(
            ctx.stores.runs,
            runInput({
              kind: i % 2 ? 'toolpaths' : 'approval',
              status,
              reason: status === 'OK' ? null : `reason ${i}`,
              session_id: i % 4 === 0 ? SESSION_B : i % 5 === 0 ? null : SESSION_A,
              request: { i },
            }),
          ),
        );
      }
    });

    const expectIds = (pred: (a: RunArtifact) => boolean) => written.filter(pred).map((a) => a.run_id);
    const allPages = async (filter: Record<string, unknown>) => {
      const ids: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await ctx.stores.runs.list({ ...filter, limit: 4, cursor });
        ids.push(...page.items.map((a) => a.run_id));
        cursor = page.next_cursor ?? undefined;
        pages += 1;
      } while (cursor);
      return { ids, pages };
    };

    test('pages with a cursor cover every artifact once, in chain order', async () => {
      const { ids, pages } = await allPages({});
      assert.deepEqual(ids, written.map((a) => a.run_id));
      assert.equal(pages, 6);
    });

    test('filters by session, status, kind and time, alone and combined', async () => {
      assert.deepEqual((await allPages({ session_id: SESSION_B })).ids, expectIds((a) => a.session_id === SESSION_B));
      assert.deepEqual((await allPages({ status: 'BLOCKED' })).ids, expectIds((a) => a.status === 'BLOCKED'));
      assert.deepEqual((await allPages({ kind: 'toolpaths', status: 'OK' })).ids, expectIds((a) => a.kind === 'toolpaths' && a.status === 'OK'));
      const from = written[5].created_at;
      const to = written[12].created_at;
      assert.deepEqual((await allPages({ created_from: from, created_to: to })).ids, written.slice(5, 12).map((a) => a.run_id));
      assert.deepEqual((await ctx.stores.runs.list({ kind: 'nothing' })).items, []);
    });

    test('bad filters and cursors are refused with a typed error', async () => {
      await assert.rejects(ctx.stores.runs.list({ cursor: 'garbage!' }), RunStoreInputError);
      await assert.rejects(ctx.stores.runs.list({ status: 'MAYBE' as never }), RunStoreInputError);
      await assert.rejects(ctx.stores.runs.list({ limit: 10_000 }), RunStoreInputError);
      await assert.rejects(ctx.stores.runs.list({ created_from: 'yesterday' }), RunStoreInputError);
    });

    test('the index is rebuilt from the artifacts', async () => {
      // Everything indexed first (SQLite writes index rows in batches), then the whole index lost.
      await ctx.stores.runs.rebuildIndexes();
      await ctx.h.exec('DELETE FROM run_index');
      assert.deepEqual((await ctx.stores.runs.list({})).items, []);
      // A wrong index row never makes list answer a non-matching artifact.
      await ctx.stores.runs.rebuildIndexes();
      await ctx.h.exec("UPDATE run_index SET status = 'BLOCKED' WHERE seq = 2");
      assert.deepEqual((await allPages({ status: 'BLOCKED' })).ids, expectIds((a) => a.status === 'BLOCKED'));
      assert.deepEqual(await ctx.stores.runs.rebuildIndexes(), { indexed: written.length });
      assert.deepEqual((await allPages({})).ids, written.map((a) => a.run_id));
      assert.deepEqual((await allPages({ session_id: SESSION_A, status: 'OK' })).ids, expectIds((a) => a.session_id === SESSION_A && a.status === 'OK'));
    });

    test('hundreds of artifacts: every filter and page is the same before and after the store is reopened', async () => {
      const h = makeHarness();
      const many = { h, stores: await h.open() };
      const expected: RunArtifact[] = await Promise.all(
        Array.from({ length: 300 }, (_, i) =>
          persistRunArtifact(
            many.stores.runs,
            runInput({ status: i % 3 ? 'OK' : 'BLOCKED', reason: i % 3 ? null : 'r', session_id: i % 2 ? SESSION_A : SESSION_B, request: { i } }),
          ),
        ),
      );
      expected.sort((a, b) => a.seq - b.seq);
      const pages = async (filter: Record<string, unknown>) => {
        const ids: string[] = [];
        for (let cursor: string | undefined, first = true; first || cursor; first = false) {
          const page = await many.stores.runs.list({ ...filter, limit: 37, cursor });
          ids.push(...page.items.map((a) => a.run_id));
          cursor = page.next_cursor ?? undefined;
        }
        return ids;
      };
      const check = async () => {
        assert.deepEqual(await pages({}), expected.map((a) => a.run_id));
        assert.deepEqual(await pages({ status: 'BLOCKED' }), expected.filter((a) => a.status === 'BLOCKED').map((a) => a.run_id));
        assert.deepEqual(await pages({ session_id: SESSION_A, status: 'OK' }), expected.filter((a) => a.session_id === SESSION_A && a.status === 'OK').map((a) => a.run_id));
      };
      try {
        await check();
        await many.stores.close();
        many.stores = await many.h.open();
        await check();
      } finally {
        await many.stores.close();
        await many.h.cleanup();
      }
    });

    test('export yields every artifact in chain order', async () => {
      const exported: RunArtifact[] = [];
      for await (const a of ctx.stores.runs.exportAll()) exported.push(a);
      assert.deepEqual(exported, written);
    });
  });

  describe('verify detects tampering and names the artifact', () => {
    const ctx = fresh();
    const w: RunArtifact[] = [];
    let attachmentSha = '';

    before(async () => {
      const stored = await putRunAttachment(ctx.stores.runs, new TextEncoder().encode('G0 X1 Y1\n'.repeat(50)), 'text/x-gcode');
      attachmentSha = stored.sha256;
      for (let i = 0; i < 12; i += 1) {
        w.push(
          await persistRunArtifact(ctx.stores.runs, runInput({ request: { i }, attachments: i === 9 ? [{ ...stored, name: 'p.nc' }] : [] })),
        );
      }
      assert.equal((await ctx.stores.runs.verifyAll()).ok, true);
      for (const a of w) assert.equal((await ctx.stores.runs.verify(a.run_id)).ok, true);
      await ctx.h.dropTriggers();
    });

    const body = async (seq: number) => (await ctx.h.queryRows<{ body: string }>('SELECT body FROM run_artifacts WHERE seq = $1'.replace('$1', ctx.h.name === 'sqlite' ? '?' : '$1'), [seq]))[0].body;
    const setBody = (seq: number, text: string) =>
      ctx.h.exec(`UPDATE run_artifacts SET body = ${ctx.h.name === 'sqlite' ? '?' : '$1'} WHERE seq = ${seq}`, [text]);
    const named = (report: { problems: { run_id: string | null }[] }) => new Set(report.problems.map((p) => p.run_id));

    test('a flipped byte anywhere in a row is found, and only that artifact is named', async () => {
      const original = await body(3);
      for (const offset of [2, Math.floor(original.length / 3), Math.floor(original.length / 2), original.length - 3]) {
        const flipped = original.slice(0, offset) + String.fromCharCode(original.charCodeAt(offset) ^ 0x01) + original.slice(offset + 1);
        await setBody(3, flipped);
        const report = await ctx.stores.runs.verifyAll();
        assert.equal(report.ok, false, `offset ${offset}`);
        assert.deepEqual(named(report), new Set([w[2].run_id]), `offset ${offset}: ${JSON.stringify(report.problems)}`);
        assert.equal((await ctx.stores.runs.verify(w[2].run_id)).ok, false);
        await assert.rejects(ctx.stores.runs.get(w[2].run_id), RunArtifactCorruptError);
      }
      // A re-hashed forgery (valid id for the new content) still breaks the chain at the next artifact.
      const forged = JSON.parse(original) as RunArtifact;
      forged.status = 'OK';
      forged.output = { risk_bucket: 'GREEN', forged: true };
      forged.output_hash = hashCanonical(forged.output);
      forged.run_id = deriveRunId(forged);
      await setBody(3, canonicalJson(forged));
      const report = await ctx.stores.runs.verifyAll();
      assert.equal(report.ok, false);
      assert.ok(named(report).has(w[2].run_id));
      await setBody(3, original);
      assert.equal((await ctx.stores.runs.verifyAll()).ok, true);
    });

    test('two swapped rows are found and both are named', async () => {
      const [b5, b6] = [await body(5), await body(6)];
      await setBody(5, b6);
      await setBody(6, b5);
      const report = await ctx.stores.runs.verifyAll();
      assert.equal(report.ok, false);
      assert.ok(named(report).has(w[4].run_id) && named(report).has(w[5].run_id), JSON.stringify(report.problems));
      assert.ok(report.problems.some((p) => p.code === 'ROW_MISMATCH'));
      await setBody(5, b5);
      await setBody(6, b6);
      assert.equal((await ctx.stores.runs.verifyAll()).ok, true);
    });

    test('a flipped byte of an attachment is found, naming the artifact that refers to it', async () => {
      await ctx.h.flipAttachmentByte(attachmentSha, 17);
      const report = await ctx.stores.runs.verifyAll();
      assert.equal(report.ok, false);
      assert.deepEqual(report.problems.map((p) => [p.code, p.run_id]), [['ATTACHMENT_CORRUPT', w[9].run_id]]);
      assert.equal((await ctx.stores.runs.verify(w[9].run_id)).problems[0].code, 'ATTACHMENT_CORRUPT');
      await assert.rejects(ctx.stores.runs.getAttachment(attachmentSha), RunAttachmentCorruptError);
      await ctx.h.flipAttachmentByte(attachmentSha, 17);
      assert.equal((await ctx.stores.runs.verifyAll()).ok, true);
    });

    test('a deleted row is found: the gap and the artifact after it are named', async () => {
      await ctx.h.exec('DELETE FROM run_artifacts WHERE seq = 7');
      const report = await ctx.stores.runs.verifyAll();
      assert.equal(report.ok, false);
      assert.ok(report.problems.some((p) => p.code === 'SEQ_GAP' && p.run_id === w[7].run_id && /seq 7/.test(p.message)));
      // The artifact after the gap still names the deleted one by its hash.
      assert.ok(report.problems.some((p) => p.code === 'CHAIN_BROKEN' && p.run_id === w[7].run_id && p.message.includes(runIdHash(w[6].run_id))));
      assert.equal((await ctx.stores.runs.verify(w[7].run_id)).ok, false);
    });

    test('a deleted last row shows as a chain head that names a missing artifact', async () => {
      await ctx.h.exec('DELETE FROM run_artifacts WHERE seq = 12');
      const report = await ctx.stores.runs.verifyAll();
      assert.ok(report.problems.some((p) => p.code === 'HEAD_MISMATCH' && p.run_id === w[11].run_id), JSON.stringify(report.problems));
    });
  });

  describe('sessions', () => {
    const ctx = fresh();

    test('create, get and compare-and-swap update', async () => {
      const s0 = session();
      await ctx.stores.sessions.create(s0);
      assert.deepEqual(await ctx.stores.sessions.get(s0.session_id), s0);
      assert.equal(await ctx.stores.sessions.get(SESSION_B), null);
      await assert.rejects(ctx.stores.sessions.create(s0), SessionConflictError);

      const s1 = { ...s0, state: 'CONTEXT_READY' as const, revision: 1, updated_at: '2026-11-23T10:01:00.000Z' };
      await ctx.stores.sessions.update(s1, 0);
      assert.deepEqual(await ctx.stores.sessions.get(s0.session_id), s1);
      // A writer that read revision 0 loses, and changes nothing.
      await assert.rejects(ctx.stores.sessions.update({ ...s1, state: 'REJECTED' }, 0), SessionConflictError);
      await assert.rejects(ctx.stores.sessions.update({ ...s1, revision: 5 }, 1), SessionConflictError);
      await assert.rejects(ctx.stores.sessions.update({ ...s1, session_id: SESSION_B, revision: 1 }, 0), SessionConflictError);
      assert.deepEqual(await ctx.stores.sessions.get(s0.session_id), s1);
    });

    test('two concurrent updates from the same revision: exactly one wins', async () => {
      const s = session({ session_id: SESSION_B });
      await ctx.stores.sessions.create(s);
      const results = await Promise.allSettled([
        ctx.stores.sessions.update({ ...s, state: 'CONTEXT_READY', revision: 1 }, 0),
        ctx.stores.sessions.update({ ...s, state: 'REJECTED', revision: 1 }, 0),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      assert.ok(results.some((r) => r.status === 'rejected' && r.reason instanceof SessionConflictError));
    });

    test('an invalid session is refused', async () => {
      await assert.rejects(ctx.stores.sessions.create({ ...session(), state: 'FLYING' } as never), SessionInvalidError);
    });
  });

  describe('concurrent appends (group commit)', () => {
    const ctx = fresh();

    test('100 appends at once are all acknowledged, all present, and form one valid chain', async () => {
      const start = (await ctx.stores.runs.verifyAll()).checked;
      const acked = await Promise.all(Array.from({ length: 100 }, (_, i) => persistRunArtifact(ctx.stores.runs, runInput({ request: { i } }))));
      assert.deepEqual(
        acked.map((a) => a.seq).sort((x, y) => x - y),
        Array.from({ length: 100 }, (_, i) => start + i + 1),
      );
      for (const a of acked) assert.deepEqual(await ctx.stores.runs.get(a.run_id), a);
      const report = await ctx.stores.runs.verifyAll();
      assert.deepEqual(report.problems, []);
      assert.equal(report.checked, start + 100);
    });

    test('two stores on one database taking turns keep one chain (each append built on a head the other has moved)', async () => {
      const start = (await ctx.stores.runs.verifyAll()).checked;
      const other = await ctx.h.open();
      try {
        const bytes = new TextEncoder().encode('G0 X1\n');
        const stored = await putRunAttachment(other.runs, bytes, 'text/x-gcode');
        const seqs: number[] = [];
        for (let i = 0; i < 6; i += 1) {
          const store = i % 2 ? other.runs : ctx.stores.runs;
          const input = runInput({ request: { turn: i }, attachments: i === 3 ? [{ ...stored, name: 'p.nc' }] : [] });
          seqs.push((await persistRunArtifact(store, input)).seq);
          // The same store again, on the head it just wrote itself.
          seqs.push((await persistRunArtifact(store, runInput({ request: { turn: i, again: true } }))).seq);
        }
        assert.deepEqual(seqs, Array.from({ length: 12 }, (_, i) => start + i + 1));
        const report = await ctx.stores.runs.verifyAll();
        assert.deepEqual(report.problems, []);
        assert.equal(report.checked, start + 12);
      } finally {
        await other.close();
      }
    });

    test('among appends made at once, one naming a missing attachment is refused alone', async () => {
      const start = (await ctx.stores.runs.verifyAll()).checked;
      const missing = { name: 'ghost.nc', sha256: 'e'.repeat(64), size_bytes: 10, media_type: 'text/x-gcode' };
      const results = await Promise.allSettled([
        persistRunArtifact(ctx.stores.runs, runInput({ request: { n: 1 } })),
        persistRunArtifact(ctx.stores.runs, runInput({ attachments: [missing] })),
        persistRunArtifact(ctx.stores.runs, runInput({ request: { n: 3 } })),
      ]);
      assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
      assert.ok((results[1] as PromiseRejectedResult).reason instanceof RunAttachmentMissingError);
      const report = await ctx.stores.runs.verifyAll();
      assert.deepEqual(report.problems, []);
      assert.equal(report.checked, start + 2);
    });
  });

  describe('read-only store', () => {
    const ctx = fresh();

    test('a write to a store opened read-only gives a typed error and the store still reads', async () => {
      const a = await persistRunArtifact(ctx.stores.runs, runInput());
      await ctx.stores.close();
      ctx.stores = await ctx.h.open({ readOnly: true });
      await assert.rejects(persistRunArtifact(ctx.stores.runs, runInput()), RunStoreReadOnlyError);
      await assert.rejects(ctx.stores.sessions.create(session()), RunStoreReadOnlyError);
      assert.deepEqual(await ctx.stores.runs.get(a.run_id), a);
      assert.equal((await ctx.stores.runs.verifyAll()).ok, true);
    });
  });

  describe('processes', () => {
    const ctx = fresh();

    test('SIGKILL during a burst of writes loses no acknowledged artifact and leaves no partial one', async () => {
      const appender = spawnAppender(ctx.h.options, { count: 0, label: 'crash', attachEvery: 3 });
      await appender.ackedAtLeast(40);
      appender.child.kill('SIGKILL');
      const exit = await appender.exited;
      assert.equal(exit.signal, 'SIGKILL');
      const acked = [...appender.acked];
      for (const id of acked) assert.ok(await ctx.stores.runs.get(id), `acknowledged ${id} is missing`);
      const report = await ctx.stores.runs.verifyAll();
      assert.deepEqual(report.problems, []);
      assert.ok(report.checked >= acked.length);
      // No partial attachment either: every stored one is whole (a torn write would not hash to its name).
      const attachments = await ctx.h.badAttachments();
      assert.deepEqual(attachments.bad, []);
      assert.ok(attachments.count >= Math.floor(acked.length / 3));
      // The store goes on appending after the crash.
      const next = await persistRunArtifact(ctx.stores.runs, runInput());
      assert.equal(next.seq, report.checked + 1);
    });

    test('two processes appending at once lose nothing and keep one chain', async () => {
      const start = (await ctx.stores.runs.verifyAll()).checked;
      const a = spawnAppender(ctx.h.options, { count: 40, label: 'left', attachEvery: 10 });
      const b = spawnAppender(ctx.h.options, { count: 40, label: 'right', attachEvery: 10 });
      const [ea, eb] = await Promise.all([a.exited, b.exited]);
      assert.equal(ea.code, 0, ea.stderr);
      assert.equal(eb.code, 0, eb.stderr);
      assert.equal(a.acked.length + b.acked.length, 80);
      for (const id of [...a.acked, ...b.acked]) assert.ok(await ctx.stores.runs.get(id), `${id} is missing`);
      const report = await ctx.stores.runs.verifyAll();
      assert.deepEqual(report.problems, []);
      assert.equal(report.checked, start + 80);
    });
  });
}
