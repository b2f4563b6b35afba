import type Database from 'better-sqlite3';
import { SqliteGroupCommit } from './group-commit.js';
import { SqliteWriteExecutor, type SqliteWrite, type SqliteWriteResult } from './sqlite-writes.js';

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

  constructor(
    db: Database.Database,
    private readonly group: SqliteGroupCommit = new SqliteGroupCommit(db),
  ) {
    this.executor = new SqliteWriteExecutor(db, group);
  }

  submit<W extends SqliteWrite>(write: W): Promise<SqliteWriteResult<W>> {
    return this.group.submit(() => this.executor.run(write));
  }

  async close(): Promise<void> {
    this.group.flush();
  }
}
