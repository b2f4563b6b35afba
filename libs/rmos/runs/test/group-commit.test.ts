// Group commit on the embedded store: concurrent writes share one transaction (one
// fsync), each caller is answered only after the commit that holds its write, one
// caller's refusal touches no one else, and a batch that fails writes nothing of it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  RunArtifactValidationError,
  RunStoreFullError,
  RunStoreReadOnlyError,
  SessionConflictError,
  openStores,
  persistRunArtifact,
  putRunAttachment,
  NODE_ATTACHMENT_FS,
  type AttachmentFs,
} from '@luthier/rmos-runs';
import { openSqliteDatabase } from '../src/sqlite/sqlite-database.js';
import { SqliteGroupCommit } from '../src/sqlite/group-commit.js';
import { InlineSqliteWriter } from '../src/sqlite/sqlite-writer.js';
import { INDEX_BATCH } from '../src/sqlite/sqlite-writes.js';
import { SqliteRunStore } from '../src/sqlite/sqlite-run-store.js';
import { SqliteSessionStore } from '../src/sqlite/sqlite-session-store.js';
import { sha256Hex } from '@luthier/shared-hashing';
import { DirSyncBatcher } from '../src/attachments/dir-sync.js';
import { runInput, session } from './helpers/fixtures-data.js';

/** The stores over one connection and one group committer that counts its commits. */
function openCounted(dataDir: string, attachmentFs?: AttachmentFs) {
  const db = openSqliteDatabase(dataDir);
  let commits = 0;
  const writer = new InlineSqliteWriter(db, new SqliteGroupCommit(db, { beforeCommit: () => void (commits += 1) }));
  const runs = new SqliteRunStore(db, { dataDir, writer, attachmentFs });
  const sessions = new SqliteSessionStore(db, writer);
  return { db, runs, sessions, commits: () => commits };
}

const artifactCount = (db: Database.Database) => (db.prepare('SELECT COUNT(*) AS n FROM run_artifacts').get() as { n: number }).n;

describe('SQLite group commit', () => {
  let dataDir = '';
  let s: ReturnType<typeof openCounted>;
  before(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-group-'));
    s = openCounted(dataDir);
  });
  after(async () => {
    await s.runs.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('200 concurrent appends: all acknowledged, all present, one valid chain, in far fewer commits', async () => {
    const before = s.commits();
    const acked = await Promise.all(Array.from({ length: 200 }, (_, i) => persistRunArtifact(s.runs, runInput({ request: { i } }))));
    assert.ok(s.commits() - before <= 2, `${s.commits() - before} commits for 200 concurrent appends`);
    assert.deepEqual(
      acked.map((a) => a.seq).sort((x, y) => x - y),
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    for (const a of acked) assert.deepEqual(await s.runs.get(a.run_id), a);
    const report = await s.runs.verifyAll();
    assert.deepEqual(report.problems, []);
    assert.equal(report.checked, 200);
  });

  test('one refused write in a batch rejects only its caller; the rest of the batch is committed', async () => {
    const s0 = session();
    await s.sessions.create(s0);
    const start = artifactCount(s.db);
    const commitsBefore = s.commits();
    const good = { ...s0, state: 'FEASIBILITY_READY' as const, revision: 1 };
    const stale = { ...s0, state: 'REJECTED' as const, revision: 1 };
    const results = await Promise.allSettled([
      persistRunArtifact(s.runs, runInput({ request: { n: 1 } })),
      s.sessions.update(good, 0),
      s.sessions.update(stale, 0), // same expected revision: loses the compare-and-swap
      persistRunArtifact(s.runs, runInput({ request: { n: 2 } })),
    ]);
    assert.equal(s.commits() - commitsBefore, 1, 'the four writes share one commit');
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    assert.ok((results[2] as PromiseRejectedResult).reason instanceof SessionConflictError);
    assert.equal((await s.sessions.get(s0.session_id))?.state, 'FEASIBILITY_READY');
    assert.equal(artifactCount(s.db), start + 2);
    assert.deepEqual((await s.runs.verifyAll()).problems, []);
  });

  test('an invalid artifact is refused before it joins a batch; its neighbours are stored', async () => {
    const start = artifactCount(s.db);
    const results = await Promise.allSettled([
      persistRunArtifact(s.runs, runInput()),
      persistRunArtifact(s.runs, runInput({ kind: 'Not A Slug' })),
      persistRunArtifact(s.runs, runInput()),
    ]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.ok((results[1] as PromiseRejectedResult).reason instanceof RunArtifactValidationError);
    assert.equal(artifactCount(s.db), start + 2);
  });

  test('a batch that fails (database full) rejects every caller with the typed error and writes nothing of it', async () => {
    const start = artifactCount(s.db);
    const head = (await s.runs.verifyAll()).checked;
    // A real SQLITE_FULL: the database may not grow past a few more pages.
    const pages = (s.db.pragma('page_count', { simple: true }) as number) + 8;
    s.db.pragma(`max_page_count = ${pages}`);
    const big = 'x'.repeat(20_000);
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => persistRunArtifact(s.runs, runInput({ request: { i, big } }))));
    s.db.pragma('max_page_count = 1073741823');
    for (const r of results) {
      assert.equal(r.status, 'rejected');
      assert.ok((r as PromiseRejectedResult).reason instanceof RunStoreFullError, String((r as PromiseRejectedResult).reason));
    }
    // Not even the members that fitted before the failure were kept.
    assert.equal(artifactCount(s.db), start);
    const report = await s.runs.verifyAll();
    assert.deepEqual(report.problems, []);
    assert.equal(report.checked, head);
    // The store goes on appending, and the chain goes on from where it was.
    const next = await persistRunArtifact(s.runs, runInput());
    assert.equal(next.seq, head + 1);
  });

  describe('a session change and the artifact recording it (persistRunArtifact with afterSessionUpdate)', () => {
    const opened = async (id: string) => {
      const s0 = session({ session_id: id });
      await s.sessions.create(s0);
      return { s0, next: { ...s0, state: 'FEASIBILITY_READY' as const, revision: 1 } };
    };

    test('share one commit: both stored, the artifact answered', async () => {
      const { s0, next } = await opened(`ses_${'1'.repeat(32)}`);
      const commitsBefore = s.commits();
      const outcome = await persistRunArtifact(s.runs, runInput({ session_id: s0.session_id }), { sessions: s.sessions, session: next, expectedRevision: 0 });
      assert.equal(s.commits() - commitsBefore, 1);
      assert.ok('recorded' in outcome);
      assert.deepEqual(await s.runs.get(outcome.recorded.run_id), outcome.recorded);
      assert.equal((await s.sessions.get(s0.session_id))?.revision, 1);
    });

    test('a lost compare-and-swap throws and writes no artifact', async () => {
      const { s0, next } = await opened(`ses_${'2'.repeat(32)}`);
      await s.sessions.update(next, 0);
      const start = artifactCount(s.db);
      await assert.rejects(
        persistRunArtifact(s.runs, runInput({ session_id: s0.session_id }), { sessions: s.sessions, session: next, expectedRevision: 0 }),
        SessionConflictError,
      );
      assert.equal(artifactCount(s.db), start);
    });

    test('an artifact refused inside the commit leaves the session change standing and says why', async () => {
      const { s0, next } = await opened(`ses_${'3'.repeat(32)}`);
      const start = artifactCount(s.db);
      // Passes the input schema, fails the validator inside the transaction: a stamp no engine declares.
      const outcome = await persistRunArtifact(s.runs, runInput({ session_id: s0.session_id, versions: { feasibility: '9.9.9' } }), {
        sessions: s.sessions,
        session: next,
        expectedRevision: 0,
      });
      assert.ok('notRecorded' in outcome);
      assert.ok(outcome.notRecorded instanceof RunArtifactValidationError, String(outcome.notRecorded));
      assert.equal(artifactCount(s.db), start);
      assert.equal((await s.sessions.get(s0.session_id))?.revision, 1);
    });

    test('a failed commit writes neither the session change nor the artifact', async () => {
      const { s0, next } = await opened(`ses_${'4'.repeat(32)}`);
      const start = artifactCount(s.db);
      s.db.pragma(`max_page_count = ${s.db.pragma('page_count', { simple: true }) as number}`);
      const big = 'x'.repeat(50_000);
      try {
        await assert.rejects(
          persistRunArtifact(s.runs, runInput({ session_id: s0.session_id, request: { big } }), { sessions: s.sessions, session: { ...next, design: { ...next.design } }, expectedRevision: 0 }),
          RunStoreFullError,
        );
      } finally {
        s.db.pragma('max_page_count = 1073741823');
      }
      assert.equal(artifactCount(s.db), start);
      assert.equal((await s.sessions.get(s0.session_id))?.revision, 0);
    });
  });

  test('close() commits and answers the writes still queued', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-group-close-'));
    const t = openCounted(dir);
    const pending = Array.from({ length: 5 }, () => persistRunArtifact(t.runs, runInput()));
    await t.runs.close();
    const acked = await Promise.all(pending);
    assert.equal(acked.length, 5);
    const reopened = openCounted(dir);
    assert.equal(artifactCount(reopened.db), 5);
    await reopened.runs.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('coalesced directory fsyncs', () => {
  test('a caller is answered only by an fsync that started after it asked; callers waiting together share one', async () => {
    const started: { fd: number; finish: () => void }[] = [];
    const fakeFs: Pick<AttachmentFs, 'openSync' | 'fsync' | 'closeSync'> = {
      openSync: () => 7,
      fsync: (fd) => new Promise<void>((resolve) => started.push({ fd, finish: resolve })),
      closeSync: () => undefined,
    };
    const batcher = new DirSyncBatcher(fakeFs);
    const tick = () => new Promise((r) => setImmediate(r));
    const done = new Set<string>();
    const ask = (name: string) => batcher.sync('/d').then(() => done.add(name));
    ask('a');
    await tick();
    assert.equal(started.length, 1);
    ask('b');
    ask('c');
    await tick();
    assert.equal(started.length, 1, 'b and c wait for the running fsync to end, then share one');
    started[0]!.finish();
    await tick();
    assert.deepEqual([...done], ['a']);
    assert.equal(started.length, 2);
    ask('d'); // asked after fsync #2 started: #2 does not cover it
    started[1]!.finish();
    await tick();
    assert.deepEqual([...done].sort(), ['a', 'b', 'c']);
    assert.equal(started.length, 3);
    started[2]!.finish();
    await tick();
    assert.deepEqual([...done].sort(), ['a', 'b', 'c', 'd']);
  });

  test('concurrent attachment writes: every file whole and present, fewer directory fsyncs than files', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-dirsync-'));
    let dirSyncs = 0;
    const countingFs: AttachmentFs = {
      ...NODE_ATTACHMENT_FS,
      openSync: (file, flags, mode) => {
        if (flags === 'r') dirSyncs += 1;
        return NODE_ATTACHMENT_FS.openSync(file, flags, mode);
      },
    };
    const t = openCounted(dir, countingFs);
    try {
      // One shard directory for all: the first byte of the sha256 is fixed by search.
      const blobs: Buffer[] = [];
      while (blobs.length < 24) {
        const b = randomBytes(4096);
        if (sha256Hex(b).startsWith('ab')) blobs.push(b);
      }
      const refs = await Promise.all(blobs.map((b) => putRunAttachment(t.runs, b, 'application/octet-stream')));
      assert.ok(dirSyncs < blobs.length, `${dirSyncs} directory fsyncs for ${blobs.length} files`);
      for (const [i, ref] of refs.entries()) assert.deepEqual(Buffer.from((await t.runs.getAttachment(ref.sha256))!), blobs[i]);
    } finally {
      await t.runs.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite group commit under load (gatherMs)', () => {
  test('after a batch of several writes the next commit waits for more; batches of one are never delayed', async (t) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-gather-'));
    const db = openSqliteDatabase(dir);
    let commits = 0;
    const group = new SqliteGroupCommit(db, { gatherMs: 50, beforeCommit: () => void (commits += 1) });
    const nextTurns = async () => {
      for (let i = 0; i < 3; i += 1) await new Promise((resolve) => setImmediate(resolve));
    };
    try {
      // Only the gather timer is faked: a commit at the next turn of the loop still happens.
      t.mock.timers.enable({ apis: ['setTimeout'] });
      assert.equal(await group.submit(() => 'a'), 'a');
      assert.equal(await group.submit(() => 'b'), 'b');
      assert.equal(commits, 2, 'a lone writer commits at once, each time');
      await Promise.all([group.submit(() => 1), group.submit(() => 2), group.submit(() => 3)]);
      assert.equal(commits, 3);
      let settled = 0;
      const waiting = [group.submit(() => 4), group.submit(() => 5)].map((p) => p.then(() => (settled += 1)));
      await nextTurns();
      assert.equal(settled, 0, 'not committed at the next turn: the commit gathers');
      const late = group.submit(() => 6).then(() => (settled += 1));
      t.mock.timers.tick(50);
      await Promise.all([...waiting, late]);
      assert.equal(commits, 4, 'the gathered writes share one commit');
      // That batch held three: the next write waits again, and alone it ends the run of delays.
      const alone = group.submit(() => 7);
      await nextTurns();
      t.mock.timers.tick(50);
      assert.equal(await alone, 7);
      assert.equal(await group.submit(() => 8), 8);
      assert.equal(commits, 6);
    } finally {
      t.mock.timers.reset();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite derived index, written in batches', () => {
  const rowsIn = (db: Database.Database, sql: string) => db.prepare(sql).pluck().get() as number;

  test('an append writes no index row; every INDEX_BATCH-th brings the index up in its own batch; a closed store is fully indexed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-index-'));
    const t = openCounted(dir);
    try {
      for (let i = 1; i < INDEX_BATCH; i += 1) await persistRunArtifact(t.runs, runInput({ request: { i } }));
      assert.equal(rowsIn(t.db, 'SELECT COUNT(*) FROM run_index'), 0);
      const commits = t.commits();
      await persistRunArtifact(t.runs, runInput({ request: { i: INDEX_BATCH } }));
      assert.equal(t.commits() - commits, 1, 'the catch-up shares the append’s commit');
      assert.equal(rowsIn(t.db, 'SELECT COUNT(*) FROM run_index'), INDEX_BATCH);
      assert.equal(rowsIn(t.db, 'SELECT indexed_seq FROM run_index_state'), INDEX_BATCH);
      await persistRunArtifact(t.runs, runInput({ request: { i: 'one more' } }));
      assert.equal(rowsIn(t.db, 'SELECT COUNT(*) FROM run_index'), INDEX_BATCH);
      // list() still answers the artifact after the indexed seq, from the artifacts themselves.
      assert.equal((await t.runs.list({ limit: 500 })).items.length, INDEX_BATCH + 1);
    } finally {
      await t.runs.close();
    }
    const db = new Database(path.join(dir, 'runs', 'runs.sqlite'));
    try {
      assert.equal(rowsIn(db, 'SELECT COUNT(*) FROM run_index'), INDEX_BATCH + 1);
      assert.equal(rowsIn(db, 'SELECT indexed_seq FROM run_index_state'), INDEX_BATCH + 1);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a catch-up indexes what is stored at a seq: an append whose commit failed leaves nothing behind when another writer takes its seq', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-index-failed-'));
    const dbA = openSqliteDatabase(dir);
    let failNext = false;
    const writerA = new InlineSqliteWriter(
      dbA,
      new SqliteGroupCommit(dbA, {
        beforeCommit: () => {
          if (failNext) throw new Error('injected commit failure');
        },
      }),
    );
    const a = new SqliteRunStore(dbA, { dataDir: dir, writer: writerA });
    const b = await openStores({ dataDir: dir });
    try {
      failNext = true;
      await assert.rejects(persistRunArtifact(a, runInput({ kind: 'approval', request: { from: 'a' } })));
      failNext = false;
      // The seq that A's failed append had is taken by B, with other index fields.
      const fromB = await persistRunArtifact(b.runs, runInput({ kind: 'toolpaths', status: 'BLOCKED', reason: 'RED', request: { from: 'b' } }));
      assert.equal(fromB.seq, 1);
      for (let i = 1; i < INDEX_BATCH; i += 1) await persistRunArtifact(a, runInput({ request: { i } }));
      assert.equal(rowsIn(dbA, 'SELECT indexed_seq FROM run_index_state'), INDEX_BATCH);
      const row = dbA.prepare('SELECT kind, status, run_id FROM run_index WHERE seq = 1').get();
      assert.deepEqual(row, { kind: 'toolpaths', status: 'BLOCKED', run_id: fromB.run_id });
      assert.deepEqual((await a.list({ kind: 'toolpaths' })).items, [fromB]);
    } finally {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a store at schema version 1, opened read-only (no migration), lists from its index as it was', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-index-v1-'));
    try {
      const t = openCounted(dir);
      const written = [];
      for (let i = 0; i < 5; i += 1) written.push(await persistRunArtifact(t.runs, runInput({ request: { i } })));
      await t.runs.close();
      // Back to version 1 by hand: every artifact has its index row, as version 1 wrote them.
      const db = new Database(path.join(dir, 'runs', 'runs.sqlite'));
      db.exec('DROP TABLE run_index_state; DELETE FROM schema_migrations WHERE version = 2');
      db.close();
      const stores = await openStores({ dataDir: dir, readOnly: true });
      try {
        assert.deepEqual((await stores.runs.list({})).items, written);
        await assert.rejects(persistRunArtifact(stores.runs, runInput()), RunStoreReadOnlyError);
      } finally {
        await stores.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
