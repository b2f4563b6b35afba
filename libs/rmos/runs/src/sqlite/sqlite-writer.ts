import type Database from 'better-sqlite3';
import { RunStoreReadOnlyError } from '../errors.js';
import { SqliteGroupCommit } from './group-commit.js';
import { INDEX_BATCH, SqliteWriteExecutor, type SqliteWrite, type SqliteWriteResult } from './sqlite-writes.js';

/**
 * Where the embedded store's writes are committed. Each write is answered once
 * the group commit that holds it is durable; a refusal of one write rejects only
 * its caller, a failed commit rejects every caller of its batch with a typed error.
 */
export interface SqliteWriter {
  submit<W extends SqliteWrite>(write: W): Promise<SqliteWriteResult<W>>;
  /** Commits (and answers) whatever is queued, then stops taking writes. */
  close(): Promise<void>;
}

/**
 * Writes committed on the caller's own connection, in this thread: the default,
 * and the only choice for a read-only store. better-sqlite3 blocks the event loop
 * for each commit (and its fsync); a server takes the writer thread instead.
 */
export class InlineSqliteWriter implements SqliteWriter {
  private readonly executor: SqliteWriteExecutor;
  private appendsSinceIndex = 0;

  constructor(
    db: Database.Database,
    private readonly group: SqliteGroupCommit = new SqliteGroupCommit(db),
  ) {
    this.executor = new SqliteWriteExecutor(db, group);
  }

  submit<W extends SqliteWrite>(write: W): Promise<SqliteWriteResult<W>> {
    const answer = this.group.submit(() => this.executor.run(write));
    if (write.kind === 'append' || write.kind === 'session-update-then-append') {
      // Queued right behind this append, so it runs in the same batch and commit.
      if (++this.appendsSinceIndex >= INDEX_BATCH) this.indexPending();
    }
    return answer;
  }

  async close(): Promise<void> {
    // A closed store is fully indexed.
    this.indexPending();
    this.group.flush();
  }

  private indexPending(): void {
    this.appendsSinceIndex = 0;
    // Its failure is the batch's, and answered to the batch's own callers; nothing waits on this one.
    this.group.submit(() => this.executor.run({ kind: 'index-pending' })).catch(() => undefined);
  }
}

/** The writer of a store opened read-only: every write is refused, typed, and nothing is attempted. */
export class ReadOnlySqliteWriter implements SqliteWriter {
  submit<W extends SqliteWrite>(write: W): Promise<SqliteWriteResult<W>> {
    return Promise.reject(new RunStoreReadOnlyError(`${write.kind} (the store was opened read-only)`));
  }

  async close(): Promise<void> {}
}
