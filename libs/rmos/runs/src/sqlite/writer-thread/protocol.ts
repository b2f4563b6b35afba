import type { SqliteWrite } from '../sqlite-writes.js';
import type { TransferredError } from './transferable-error.js';

/** What the writer thread is started with. */
export interface WriterThreadInit {
  dataDir: string;
}

/**
 * Writes and answers travel in batches: every write submitted in one turn of the
 * caller's event loop goes in one message, and every answer of one commit comes back in
 * one (a message costs tens of µs to post and to dispatch, whatever it holds).
 */
export type ToWriterThread = { type: 'writes'; writes: { id: number; write: SqliteWrite }[] } | { type: 'close' };

export type WriteAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: TransferredError };

export type FromWriterThread =
  | { type: 'ready' }
  | { type: 'failed'; error: TransferredError }
  | { type: 'done'; answers: WriteAnswer[] }
  | { type: 'closed' };
