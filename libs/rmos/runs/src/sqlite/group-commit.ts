import Database from 'better-sqlite3';
import { RunStoreUnavailableError, toRunStoreError } from '../errors.js';

/** One write waiting for the next commit. */
interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** Most writes in one transaction: bounds how long the first of a batch waits. */
  maxBatch?: number;
  /** Test seam: runs inside the batch's transaction after its last write, before COMMIT (a fault thrown here fails the whole batch). */
  beforeCommit?: () => void;
  /**
   * Under load — the last batch held more than one write — wait this long for more
   * writes before committing: fewer, larger commits (each fsync and each transaction
   * costs CPU too) for at most this much latency, as PostgreSQL's commit_delay does
   * when other transactions are active. A lone caller (batches of one) is never
   * delayed. 0, the default, commits at the next turn of the event loop.
   */
  gatherMs?: number;
}

/**
 * Group commit for the embedded store. Every write (an append, a session insert or
 * compare-and-swap) of one connection goes through here: the writes that arrive
 * while the event loop is busy (better-sqlite3 blocks it during a commit's fsync)
 * are run, in arrival order, in ONE `BEGIN IMMEDIATE` transaction with one fsync
 * (synchronous=FULL stays), and each caller's promise settles only after the commit
 * that holds its write, so an acknowledged write is as durable as before.
 *
 * - Each write runs in its own savepoint: its own refusal (a session conflict, an
 *   invalid artifact, a constraint) rolls back only its writes and rejects only its
 *   caller; the others of the batch carry on, reading what the earlier ones wrote
 *   (the chain head), so the chain stays one chain.
 * - A failure of the batch itself (BEGIN or COMMIT refused, the disk full or
 *   read-only, an I/O error) rolls back the whole transaction and rejects every
 *   caller of the batch with the typed error: none of it is written.
 * Hand-written because no library groups better-sqlite3 commits.
 */
export class SqliteGroupCommit {
  private queue: PendingWrite[] = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly beforeCommit?: () => void;
  private readonly gatherMs: number;
  private lastBatchSize = 0;
  /**
   * better-sqlite3 transaction functions, made once (making one costs several µs, as much
   * as a small write): called inside another transaction, one runs as a SAVEPOINT,
   * rolled back if it throws.
   */
  private readonly inTransaction: (fn: () => void) => void;
  private readonly inSavepoint: <T>(fn: () => T) => T;

  constructor(
    private readonly db: Database.Database,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 512;
    this.beforeCommit = options.beforeCommit;
    this.gatherMs = options.gatherMs ?? 0;
    this.inTransaction = db.transaction((fn: () => void) => fn()).immediate;
    this.inSavepoint = db.transaction((fn: () => unknown) => fn()) as <T>(fn: () => T) => T;
  }

  /** Runs `write` inside the next group transaction; answers its result once that transaction is committed. */
  submit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: runs after the I/O callbacks of this loop turn,
        // so every request that arrived meanwhile joins this batch.
        if (this.gatherMs > 0 && this.lastBatchSize > 1) setTimeout(() => this.flush(), this.gatherMs);
        else setImmediate(() => this.flush());
      }
    });
  }

  /**
   * Inside a write: runs `fn` in a nested savepoint, so that its own refusal is
   * undone and answered as a value while the enclosing write stands. A failure of
   * the database itself is still thrown, and fails the batch.
   */
  savepoint<T>(fn: () => T): { ok: true; value: T } | { ok: false; error: unknown } {
    try {
      return { ok: true, value: this.inSavepoint(fn) };
    } catch (error) {
      if (failsTheBatch(error)) throw error;
      return { ok: false, error };
    }
  }

  /** Commits whatever is queued now (close() calls it so that nothing queued is dropped). */
  flush(): void {
    this.scheduled = false;
    this.lastBatchSize = this.queue.length;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.commit(batch);
    }
  }

  private commit(batch: PendingWrite[]): void {
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    // A batch of one needs no savepoint: its own refusal rolls the whole transaction back, which holds nothing else.
    const alone = batch.length === 1;
    try {
      if (!this.db.open) throw new RunStoreUnavailableError('write (the store is closed)');
      this.inTransaction(() => {
        for (const pending of batch) {
          try {
            outcomes.push({ ok: true, value: alone ? pending.write() : this.inSavepoint(pending.write) });
          } catch (error) {
            if (failsTheBatch(error)) throw error;
            outcomes.push({ ok: false, error });
            if (alone) throw new LoneWriteRefused();
          }
        }
        this.beforeCommit?.();
      });
    } catch (error) {
      if (error instanceof LoneWriteRefused) return batch[0]!.reject((outcomes[0] as { error: unknown }).error);
      const typed = toRunStoreError(error, 'commit');
      for (const pending of batch) pending.reject(typed);
      return;
    }
    batch.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) pending.resolve(outcome.value);
      else pending.reject(outcome.error);
    });
  }
}

/** Thrown out of a batch of one whose write was refused, so that the transaction rolls its writes back. */
class LoneWriteRefused extends Error {}

/**
 * A SQLite failure other than a constraint (full, read-only, I/O, busy, corrupt)
 * concerns the database, not one write: the transaction may no longer be usable,
 * so the whole batch is abandoned. Anything else is that one write's refusal.
 */
function failsTheBatch(error: unknown): boolean {
  if (!(error instanceof Database.SqliteError)) return false;
  return !error.code.startsWith('SQLITE_CONSTRAINT');
}
