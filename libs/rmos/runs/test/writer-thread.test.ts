// The writer thread's own behaviour: typed errors cross it, close() commits what is
// queued, a dead thread refuses every write instead of answering it, and an idle
// thread does not keep a process alive. (The whole store suite also runs through it:
// sqlite-writer-thread.test.ts.)
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  openStores,
  persistRunArtifact,
  RunArtifactValidationError,
  RunStoreFullError,
  RunStoreUnavailableError,
  SessionConflictError,
  type Stores,
} from '@luthier/rmos-runs';
import { reviveError, transferError } from '../src/sqlite/writer-thread/transferable-error.js';
import type { ThreadSqliteWriter } from '../src/sqlite/writer-thread/thread-writer.js';
import { checkedOnly, parseRunInput } from '../src/artifact/build-artifact.js';
import { runInput, session } from './helpers/fixtures-data.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'runs-thread-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const threadOf = (stores: Stores) => (stores.runs as unknown as { writer: ThreadSqliteWriter }).writer;

describe('errors across the writer thread', () => {
  test('each typed error comes back as its class, with its code, status, fields and message', () => {
    const cases: Error[] = [
      new SessionConflictError('ses_x'),
      new RunStoreFullError('commit', { cause: new Error('SQLITE_FULL') }),
      new RunArtifactValidationError([{ path: 'kind', message: 'Required' }]),
    ];
    for (const original of cases) {
      const revived = reviveError(structuredClone(transferError(original)));
      assert.equal(Object.getPrototypeOf(revived), Object.getPrototypeOf(original), original.name);
      assert.equal(revived.message, original.message);
      assert.equal(revived.name, original.name);
      for (const [key, value] of Object.entries(original)) if (key !== 'cause') assert.deepEqual((revived as never)[key], value, `${original.name}.${key}`);
    }
    const sqlite = reviveError(transferError(new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE')));
    assert.ok(sqlite instanceof Database.SqliteError);
    assert.equal((sqlite as { code?: string }).code, 'SQLITE_CONSTRAINT_UNIQUE');
  });

  test('an unknown class comes back as a plain Error with its name and message, never as a typed one', () => {
    class Strange extends Error {
      override name = 'RunStoreFullErrorButNot';
    }
    const revived = reviveError(transferError(new Strange('odd')));
    assert.equal(Object.getPrototypeOf(revived), Error.prototype);
    assert.equal(revived.message, 'odd');
  });

  test('a session conflict refused in the thread reaches the caller typed, and nothing else of the batch is lost', async () => {
    const stores = await openStores({ dataDir: freshDir(), writerThread: true });
    try {
      await stores.sessions.create(session());
      const [again, artifact] = await Promise.allSettled([stores.sessions.create(session()), persistRunArtifact(stores.runs, runInput())]);
      assert.equal(again.status, 'rejected');
      assert.ok((again as PromiseRejectedResult).reason instanceof SessionConflictError);
      assert.equal(artifact.status, 'fulfilled');
      assert.ok(await stores.runs.get((artifact as PromiseFulfilledResult<{ run_id: string }>).value.run_id));
    } finally {
      await stores.close();
    }
  });
});

describe('writes cross the writer thread in batches', () => {
  test('the writes of one event-loop turn go in one message; one that cannot be handed over is refused alone, the others are committed', async () => {
    const stores = await openStores({ dataDir: freshDir(), writerThread: true });
    try {
      const writer = threadOf(stores);
      const worker = writer['worker']!;
      const posted: number[] = [];
      const post = worker.postMessage.bind(worker);
      worker.postMessage = (message: { type: string; writes?: unknown[] }) => {
        if (message.type === 'writes') posted.push(message.writes!.length);
        post(message);
      };
      const append = (i: number) => ({ kind: 'append' as const, append: { input: checkedOnly(parseRunInput(runInput({ request: { i } }))), now: new Date() } });
      // A function cannot be cloned: a defect no parsed input can have, so only a forged write shows it.
      const uncloneable = { ...append(1), append: { ...append(1).append, hook: () => undefined } };
      const settled = await Promise.allSettled([writer.submit(append(0)), writer.submit(uncloneable), writer.submit(append(2))]);
      assert.deepEqual(posted, [3, 1, 1, 1], 'one message for the turn; refused, then one message per write');
      assert.equal(settled[0].status, 'fulfilled');
      assert.equal(settled[2].status, 'fulfilled');
      assert.ok(settled[1].status === 'rejected' && settled[1].reason instanceof RunStoreUnavailableError, String((settled[1] as PromiseRejectedResult).reason));
      const report = await stores.runs.verifyAll();
      assert.equal(report.checked, 2);
      assert.deepEqual(report.problems, []);
    } finally {
      await stores.close();
    }
  });
});

describe('writer thread lifecycle', () => {
  test('close() commits and answers every write queued before it', async () => {
    const dataDir = freshDir();
    const stores = await openStores({ dataDir, writerThread: true });
    const pending = Array.from({ length: 100 }, (_, i) => persistRunArtifact(stores.runs, runInput({ request: { i } })));
    await stores.close();
    const acked = await Promise.all(pending);
    assert.equal(acked.length, 100);
    const reopened = await openStores({ dataDir });
    try {
      const report = await reopened.runs.verifyAll();
      assert.equal(report.checked, 100);
      assert.deepEqual(report.problems, []);
    } finally {
      await reopened.close();
    }
  });

  test('a write after close() is refused with a typed error', async () => {
    const stores = await openStores({ dataDir: freshDir(), writerThread: true });
    await stores.close();
    await assert.rejects(persistRunArtifact(stores.runs, runInput()), RunStoreUnavailableError);
  });

  test('if the thread dies, the writes waiting on it are refused (typed), never answered as written; the next write starts a new thread', async () => {
    const dataDir = freshDir();
    const stores = await openStores({ dataDir, writerThread: true });
    try {
      const first = await persistRunArtifact(stores.runs, runInput({ request: { n: 1 } }));
      const waiting = Array.from({ length: 20 }, (_, i) => persistRunArtifact(stores.runs, runInput({ request: { i } })));
      const dead = threadOf(stores)['worker']!;
      // The thread may answer every write before it stops; idle, it is unref'd, and nothing else would keep this
      // process alive until terminate() settles (a server has its own handles).
      const keepAlive = setInterval(() => undefined, 1000);
      await dead.terminate().finally(() => clearInterval(keepAlive));
      const settled = await Promise.allSettled(waiting);
      const answered = settled.filter((s) => s.status === 'fulfilled').map((s) => (s as PromiseFulfilledResult<{ run_id: string }>).value);
      for (const s of settled) if (s.status === 'rejected') assert.ok(s.reason instanceof RunStoreUnavailableError, String(s.reason));
      // Reads go on from the caller's own connection; writes go on in a new thread, on the same chain.
      assert.deepEqual(await stores.runs.get(first.run_id), first);
      const [after1, after2] = await Promise.all([2, 3].map((n) => persistRunArtifact(stores.runs, runInput({ request: { n } }))));
      assert.notEqual(threadOf(stores)['worker'], dead);
      for (const a of [...answered, after1!, after2!]) assert.deepEqual(await stores.runs.get(a.run_id), a);
      const report = await stores.runs.verifyAll();
      assert.deepEqual(report.problems, []);
      assert.ok(report.checked >= 3 + answered.length);
    } finally {
      await stores.close();
    }
  });

  test('a server started with V8 flags (--max-old-space-size, --max-semi-space-size) still gets its writer thread', () => {
    const dir = freshDir();
    const script = path.join(import.meta.dirname, 'helpers', 'start-writer.ts');
    const child = spawnSync(process.execPath, ['--max-old-space-size=256', '--max-semi-space-size=8', '--import', 'tsx', script, path.join(dir, 'data')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /seq 1/);
  });

  test('an idle writer thread does not keep the process alive', () => {
    // (a script file, not code given as text: the boundary check reads a file's imports, and refuses text it cannot fold)
    const script = path.join(import.meta.dirname, 'helpers', 'idle-writer.ts');
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, freshDir()], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(child.signal, null, 'the process had to be killed: the thread kept it alive');
    assert.equal(child.status, 0, child.stderr);
    assert.match(child.stdout, /appended/);
  });
});
