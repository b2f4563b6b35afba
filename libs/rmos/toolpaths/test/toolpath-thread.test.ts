import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Worker } from 'node:worker_threads';
import { DIALECTS, generateToolpaths, ThreadToolpathEngine, ToolpathError } from '@luthier/rmos-toolpaths';
import { GateError } from '@luthier/rmos-gates';
import { GREEN_CONTEXTS, GREEN_REFERENCE, approvedSession } from './fixtures.js';

const { design, context } = GREEN_REFERENCE;

/** What the caller's own thread answers: the result, or the error it threw. */
function inProcess(...args: Parameters<typeof generateToolpaths>): unknown {
  try {
    return generateToolpaths(...args);
  } catch (error) {
    return error;
  }
}

describe('the toolpath thread', () => {
  let engine: ThreadToolpathEngine;
  before(async () => {
    engine = await ThreadToolpathEngine.start();
  });
  after(() => engine.close());

  test('answers in the thread, byte for byte what the caller\'s thread generates, in every dialect and context', async () => {
    const before = engine.answered.inThread;
    const calls = DIALECTS.flatMap((dialect) => GREEN_CONTEXTS.slice(0, 6).map((ctx) => ({ session: approvedSession(design, ctx), dialect })));
    const results = await Promise.all(calls.map(({ session, dialect }) => engine.generate(session, { dialect })));
    results.forEach((result, i) => assert.deepEqual(result, inProcess(calls[i]!.session, { dialect: calls[i]!.dialect })));
    assert.equal(engine.answered.inThread - before, calls.length);
  });

  test('a refusal is the engine\'s own error, of its own class, made in the caller\'s thread', async () => {
    const before = engine.answered.inCallersThread;
    const notApproved = approvedSession(design, context, { state: 'TOOLPATHS_READY' });
    const error = await engine.generate(notApproved, { dialect: 'grbl' }).then(() => assert.fail('generated for a session not approved'), (e: unknown) => e);
    assert.ok(error instanceof GateError, String(error));
    assert.deepEqual(error, inProcess(notApproved, { dialect: 'grbl' }));
    const unknownDialect = await engine.generate(approvedSession(design, context), { dialect: 'heidenhain' as never }).catch((e: unknown) => e);
    assert.ok(unknownDialect instanceof ToolpathError);
    assert.equal(unknownDialect.code, 'UNKNOWN_DIALECT');
    assert.equal(engine.answered.inCallersThread - before, 2);
  });

  test('if the thread dies, the calls waiting on it are answered all the same, and a new thread takes the next ones', async () => {
    const session = approvedSession(design, context);
    const expected = generateToolpaths(session, { dialect: 'linuxcnc' });
    const waiting = Array.from({ length: 8 }, () => engine.generate(session, { dialect: 'linuxcnc' }));
    // The thread may answer every call before it stops; the engine then unrefs it, idle, and nothing else would keep
    // this process alive until terminate() settles (a server has its own handles).
    const keepAlive = setInterval(() => undefined, 1000);
    await (engine as unknown as { worker: Worker }).worker.terminate().finally(() => clearInterval(keepAlive));
    for (const result of await Promise.all(waiting)) assert.deepEqual(result, expected);
    // Calls go on meanwhile, in the caller's thread; one of them starts a new thread (at most one start a second).
    const inThread = engine.answered.inThread;
    for (let i = 0; i < 60 && engine.answered.inThread === inThread; i++) {
      assert.deepEqual(await engine.generate(session, { dialect: 'linuxcnc' }), expected);
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(engine.answered.inThread, inThread + 1, 'a new thread answers');
  });

  test('once closed, calls are made in the caller\'s thread', async () => {
    const closing = await ThreadToolpathEngine.start();
    const session = approvedSession(design, context);
    const pending = closing.generate(session, { dialect: 'fanuc' });
    await closing.close();
    assert.deepEqual(await pending, generateToolpaths(session, { dialect: 'fanuc' }));
    assert.deepEqual(await closing.generate(session, { dialect: 'fanuc' }), generateToolpaths(session, { dialect: 'fanuc' }));
    assert.equal(closing.answered.inThread + closing.answered.inCallersThread, 2);
  });
});
