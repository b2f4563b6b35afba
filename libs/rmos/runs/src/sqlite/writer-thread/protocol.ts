import type { SqliteWrite } from '../sqlite-writes.js';
import type { TransferredError } from './transferable-error.js';

/** What the writer thread is started with. */
export interface WriterThreadInit {
  dataDir: string;
}

export type ToWriterThread = { type: 'write'; id: number; write: SqliteWrite } | { type: 'close' };

export type FromWriterThread =
  | { type: 'ready' }
  | { type: 'failed'; error: TransferredError }
  | { type: 'done'; id: number; ok: true; value: unknown }
  | { type: 'done'; id: number; ok: false; error: TransferredError }
  | { type: 'closed' };
