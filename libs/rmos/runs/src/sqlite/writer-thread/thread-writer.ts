import { Worker } from 'node:worker_threads';
import { RunStoreUnavailableError } from '../../errors.js';
import type { SqliteWriter } from '../sqlite-writer.js';
import { forThread, type AppendOutcome, type SqliteWrite, type SqliteWriteResult } from '../sqlite-writes.js';
import type { FromWriterThread, ToWriterThread, WriterThreadInit } from './protocol.js';
import { reviveError, type TransferredError } from './transferable-error.js';

interface Waiting {
  write: SqliteWrite;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

/**
 * Commits the embedded store's writes in a worker thread with its own connection
 * (writer-worker.ts), so that a server's event loop never blocks on a commit: it
 * goes on parsing and answering requests while the thread builds, validates and
 * commits the writes that arrived meanwhile, in one group commit (SQLite's WAL lets
 * the caller's connection read what each commit wrote as soon as it is answered).
 * The same guarantees as the inline writer: a write is answered only once durable.
 * If the thread dies, every waiting write is refused with RunStoreUnavailableError
 * (nothing is answered as written that was not: a write whose commit had begun may
 * still be in the log, as after a lost connection to a database server), and the
 * next write starts a new thread.
 */
export class ThreadSqliteWriter implements SqliteWriter {
  private readonly waiting = new Map<number, Waiting>();
  private outbox: { id: number; write: SqliteWrite }[] = [];
  private nextId = 1;
  /** null while there is no live thread (it died): the next write starts one. */
  private worker: Worker | null;
  private restarting: Promise<Worker> | null = null;
  private closing: Promise<void> | null = null;

  private constructor(
    private readonly init: WriterThreadInit,
    worker: Worker,
  ) {
    this.worker = this.attach(worker);
  }

  /** Starts the thread; answers once it has opened its connection (its open error, typed, otherwise). */
  static async start(init: WriterThreadInit): Promise<ThreadSqliteWriter> {
    return new ThreadSqliteWriter(init, await startThread(init));
  }

  submit<W extends SqliteWrite>(write: W): Promise<SqliteWriteResult<W>> {
    if (this.closing) return Promise.reject(new RunStoreUnavailableError('write (the store is closed)'));
    const worker = this.worker;
    if (!worker) return this.restart().then(() => this.submit(write));
    const id = this.nextId++;
    return new Promise<SqliteWriteResult<W>>((resolve, reject) => {
      if (this.waiting.size === 0) worker.ref();
      this.waiting.set(id, { write, resolve: resolve as (value: never) => void, reject });
      if (this.outbox.push({ id, write: forThread(write) }) === 1) setImmediate(() => this.sendOutbox());
    });
  }

  /**
   * Posts the writes submitted since the last turn of the event loop, in one message
   * (setImmediate: after this turn's I/O callbacks, so every request that arrived with
   * them is in it). A write that cannot be cloned is refused alone: the others go on.
   */
  private sendOutbox(): void {
    // A write refused meanwhile (the thread died: lost() answered it) is not sent to the next thread.
    const writes = this.outbox.filter((one) => this.waiting.has(one.id));
    this.outbox = [];
    if (this.worker && writes.length > 0) this.postWrites(this.worker, writes);
  }

  private postWrites(worker: Worker, writes: { id: number; write: SqliteWrite }[]): void {
    try {
      worker.postMessage({ type: 'writes', writes } satisfies ToWriterThread);
    } catch (error) {
      if (writes.length > 1) {
        for (const one of writes) this.postWrites(worker, [one]);
        return;
      }
      // Writes are built from parsed, plain data; a value that cannot be cloned is a defect here, refused as unavailable.
      this.settle(writes[0]!.id, (w) => w.reject(new RunStoreUnavailableError('write (not transferable)', { cause: error })));
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      const worker = this.worker ?? (await this.restarting?.catch(() => null)) ?? null;
      if (!worker) return;
      worker.ref();
      await new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        // Writes not yet posted go first: the thread commits everything before the close.
        this.sendOutbox();
        worker.postMessage({ type: 'close' } satisfies ToWriterThread);
      });
    })();
    return this.closing;
  }

  private attach(worker: Worker): Worker {
    worker.on('message', (message: FromWriterThread) => this.onMessage(message));
    worker.on('error', (error) => this.lost(worker, `the writer thread failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `the writer thread exited with code ${code}`));
    // Idle, the thread does not keep the process alive; a waiting write does (see submit).
    worker.unref();
    return worker;
  }

  /** One new thread for all the writes that find none (several may arrive while it starts). */
  private restart(): Promise<Worker> {
    this.restarting ??= startThread(this.init)
      .then((worker) => {
        if (this.closing) {
          void worker.terminate();
          throw new RunStoreUnavailableError('write (the store is closed)');
        }
        return (this.worker = this.attach(worker));
      })
      .finally(() => (this.restarting = null));
    return this.restarting;
  }

  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const error = new RunStoreUnavailableError(`write (${why}; it is not known whether the write was committed)`);
    for (const [id] of this.waiting) this.settle(id, (w) => w.reject(error));
  }

  private onMessage(message: FromWriterThread): void {
    if (message.type !== 'done') return;
    for (const answer of message.answers) {
      if (answer.ok) this.settle(answer.id, (w) => w.resolve(fromThread(w.write, answer.value) as never));
      else this.settle(answer.id, (w) => w.reject(reviveError(answer.error)));
    }
  }

  private settle(id: number, answer: (waiting: Waiting) => void): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0 && !this.closing) this.worker?.unref();
    answer(waiting);
  }
}

/**
 * The worker's flags: the process's, inherited (undefined), which keeps V8 and
 * per-process flags such as --max-old-space-size that a worker refuses when they are
 * handed to it explicitly. Only a process started on string input (--input-type, for
 * -e or stdin) hands its flags over explicitly, without --input-type, which a worker
 * with a file entry refuses.
 */
function workerExecArgv(execArgv: readonly string[]): string[] | undefined {
  if (!execArgv.some((arg) => arg.startsWith('--input-type'))) return undefined;
  return execArgv.filter((arg) => !arg.startsWith('--input-type'));
}

function startThread(init: WriterThreadInit): Promise<Worker> {
  const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
    workerData: init,
    execArgv: workerExecArgv(process.execArgv),
  });
  return new Promise((resolve, reject) => {
    const stopListening = () => {
      worker.off('message', onStartMessage);
      worker.off('error', onStartError);
      worker.off('exit', onStartExit);
    };
    const onStartMessage = (message: FromWriterThread) => {
      stopListening();
      if (message.type === 'ready') resolve(worker);
      else {
        reject(message.type === 'failed' ? reviveError(message.error) : new RunStoreUnavailableError(`open (the writer thread said ${message.type})`));
        void worker.terminate();
      }
    };
    const onStartError = (error: Error) => {
      stopListening();
      reject(new RunStoreUnavailableError(`open (the writer thread failed: ${error.message})`, { cause: error }));
    };
    const onStartExit = (code: number) => {
      stopListening();
      reject(new RunStoreUnavailableError(`open (the writer thread exited with code ${code} before it was ready)`));
    };
    worker.on('message', onStartMessage);
    worker.on('error', onStartError);
    worker.on('exit', onStartExit);
  });
}

function fromThread(write: SqliteWrite, value: unknown): unknown {
  if (write.kind !== 'session-update-then-append') return value;
  const outcome = value as AppendOutcome;
  return outcome.ok ? outcome : { ok: false, error: reviveError(outcome.error as TransferredError) };
}
