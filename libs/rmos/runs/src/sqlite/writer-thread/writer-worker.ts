// The writer thread of an embedded store: its own connection, the group committer and
// the same write code as the inline writer. Every SQLite commit, with its fsync, and the
// building and validation of each artifact run here, off the server's event loop.
import 'zod/compile';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqliteDatabase } from '../sqlite-database.js';
import { InlineSqliteWriter } from '../sqlite-writer.js';
import type { AppendOutcome, SqliteWrite } from '../sqlite-writes.js';
import type { FromWriterThread, ToWriterThread, WriteAnswer, WriterThreadInit } from './protocol.js';
import { transferError } from './transferable-error.js';

const port = parentPort!;
const send = (message: FromWriterThread) => port.postMessage(message);

/** The answers of one commit settle in one microtask run: they leave in one message. */
let answers: WriteAnswer[] = [];
function answer(one: WriteAnswer): void {
  if (answers.push(one) === 1) queueMicrotask(sendAnswers);
}

function sendAnswers(): void {
  if (answers.length === 0) return;
  const batch = answers;
  answers = [];
  send({ type: 'done', answers: batch });
}

function start(init: WriterThreadInit): void {
  let writer: InlineSqliteWriter;
  let db: ReturnType<typeof openSqliteDatabase>;
  try {
    db = openSqliteDatabase(init.dataDir);
    // The default group commit, with no gathering delay: the writes of a whole turn of the
    // caller's loop arrive in one message, so batches are large already (bench:api: 7% more
    // flows/s at 10 connections than with gatherMs 1, the same CPU per flow).
    writer = new InlineSqliteWriter(db);
  } catch (error) {
    send({ type: 'failed', error: transferError(error) });
    return;
  }
  port.on('message', (message: ToWriterThread) => {
    if (message.type === 'close') {
      // Everything queued before the close message is committed and answered first.
      void writer.close().finally(() => {
        // Answers still waiting for their microtask leave before the thread says it is closed.
        sendAnswers();
        db.close();
        send({ type: 'closed' });
        port.close();
      });
      return;
    }
    for (const { id, write } of message.writes) {
      writer.submit(write).then(
        (value) => answer({ id, ok: true, value: transferable(write, value) }),
        (error: unknown) => answer({ id, ok: false, error: transferError(error) }),
      );
    }
  });
  send({ type: 'ready' });
}

/** A refused artifact after a session change is answered as a value: its error is made transferable too. */
function transferable(write: SqliteWrite, value: unknown): unknown {
  if (write.kind !== 'session-update-then-append') return value;
  const outcome = value as AppendOutcome;
  return outcome.ok ? outcome : { ok: false, error: transferError(outcome.error) };
}

start(workerData as WriterThreadInit);
