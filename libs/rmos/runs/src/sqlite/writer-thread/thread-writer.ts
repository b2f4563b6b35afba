import { Worker } from 'node:worker_threads';
import { RunStoreUnavailableError } from '../../errors.js';
import type { SqliteWriter } from '../sqlite-writer.js';
import type { AppendOutcome, SqliteWrite, SqliteWriteResult } from '../sqlite-writes.js';
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
 * If the thread dies, every waiting write and every later one is refused with
 * RunStoreUnavailableError: nothing is answered as written that was not.
 */
export class ThreadSqliteWriter implements SqliteWriter {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private stopped: Error | null = null;
  private closing: Promise<void> | null = null;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWriterThread) => this.onMessage(message));
    worker.on('error', (error) => this.stop(new RunStoreUnavailableError(`write (the writer thread failed: ${error.message})`)));
    worker.on('exit', (code) => this.stop(new RunStoreUnavailableError(`write (the writer thread exited with code ${code})`)));
    // Idle, the thread does not keep the process alive; a waiting write does (see submit).
    worker.unref();
  }

  /** Starts the thread; answers once it has opened its connection (its open error, typed, otherwise). */
  static start(init: WriterThreadInit): Promise<ThreadSqliteWriter> {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
      workerData: init,
      // The process's flags but --input-type, which a worker refuses (it only concerns the main entry, -e or stdin).
      execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')),
    });
    return new Promise((resolve, reject) => {
      const stopListening = () => {
        worker.off('message', onStartMessage);
        worker.off('error', onStartError);
        worker.off('exit', onStartExit);
      };
      const onStartMessage = (message: FromWriterThread) => {
        stopListening();
        if (message.type === 'ready') resolve(new ThreadSqliteWriter(worker));
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

  submit<W extends SqliteWrite>(write: W): Promise<SqliteWriteResult<W>> {
    if (this.closing) return Promise.reject(new RunStoreUnavailableError('write (the store is closed)'));
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise<SqliteWriteResult<W>>((resolve, reject) => {
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { write, resolve: resolve as (value: never) => void, reject });
      this.post({ type: 'write', id, write });
    });
  }

  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.stopped) return resolve();
      this.worker.ref();
      this.worker.once('exit', () => resolve());
      this.post({ type: 'close' });
    });
    return this.closing;
  }

  private post(message: ToWriterThread): void {
    try {
      this.worker.postMessage(message);
    } catch (error) {
      // Writes are built from parsed, plain data; a value that cannot be cloned is a defect here, refused as unavailable.
      if (message.type === 'write') this.settle(message.id, (w) => w.reject(new RunStoreUnavailableError('write (not transferable)', { cause: error })));
    }
  }

  private onMessage(message: FromWriterThread): void {
    if (message.type !== 'done') return;
    if (message.ok) this.settle(message.id, (w) => w.resolve(fromThread(w.write, message.value) as never));
    else this.settle(message.id, (w) => w.reject(reviveError(message.error)));
  }

  private settle(id: number, answer: (waiting: Waiting) => void): void {
    const waiting = this.waiting.get(id);
    if (!waiting) return;
    this.waiting.delete(id);
    if (this.waiting.size === 0 && !this.closing) this.worker.unref();
    answer(waiting);
  }

  private stop(reason: Error): void {
    this.stopped ??= reason;
    for (const [id] of this.waiting) this.settle(id, (w) => w.reject(this.stopped));
  }
}

function fromThread(write: SqliteWrite, value: unknown): unknown {
  if (write.kind !== 'session-update-then-append') return value;
  const outcome = value as AppendOutcome;
  return outcome.ok ? outcome : { ok: false, error: reviveError(outcome.error as TransferredError) };
}
