import type { SessionStore } from './sessions/session-store.js';
import type { RunStore } from './store/run-store.js';
import type { AttachmentFs } from './attachments/attachment-fs.js';
import { openSqliteDatabase } from './sqlite/sqlite-database.js';
import { SqliteRunStore } from './sqlite/sqlite-run-store.js';
import { SqliteSessionStore } from './sqlite/sqlite-session-store.js';
import { InlineSqliteWriter, ReadOnlySqliteWriter, type SqliteWriter } from './sqlite/sqlite-writer.js';
import { ThreadSqliteWriter } from './sqlite/writer-thread/thread-writer.js';
import { openPostgresStores } from './postgres/pg-stores.js';

export interface OpenStoresOptions {
  /** The data root (RMOS_DATA_DIR, default data/): SQLite lives in <dataDir>/runs, attachments in <dataDir>/run_attachments. */
  dataDir: string;
  /** When set, PostgreSQL holds artifacts, attachments and sessions instead of SQLite. */
  databaseUrl?: string;
  /** PostgreSQL schema (default rmos_runs); tests use one per run. */
  schema?: string;
  /** Open an existing store for reading only (auditors' CLI): no migration, no write. */
  readOnly?: boolean;
  clock?: () => Date;
  /** Test seam: the attachment files' file-system calls (SQLite backend). */
  attachmentFs?: AttachmentFs;
  /**
   * SQLite: commit the writes in a worker thread of their own instead of on the
   * caller's event loop (a server sets it; a script or a test need not pay the
   * thread's start-up). Ignored for a read-only store (which refuses every write) and for PostgreSQL.
   */
  writerThread?: boolean;
}

export interface Stores {
  runs: RunStore;
  sessions: SessionStore;
  close(): Promise<void>;
}

/** Opens the run store and the session store side by side in one database. */
export async function openStores(options: OpenStoresOptions): Promise<Stores> {
  if (options.databaseUrl) return openPostgresStores({ ...options, databaseUrl: options.databaseUrl });
  const db = openSqliteDatabase(options.dataDir, { readOnly: options.readOnly });
  // One writer per store: appends and session writes share group commits (and fsyncs).
  let writer: SqliteWriter;
  try {
    if (options.readOnly) writer = new ReadOnlySqliteWriter();
    else writer = options.writerThread ? await ThreadSqliteWriter.start({ dataDir: options.dataDir }) : new InlineSqliteWriter(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const runs = new SqliteRunStore(db, { ...options, writer });
  if (!options.readOnly) await runs.sweepStaleTemp();
  return { runs, sessions: new SqliteSessionStore(db, writer), close: () => runs.close() };
}

/** The options the app and the CLI take from the environment: RMOS_DATA_DIR (default data) and DATABASE_URL. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenStoresOptions {
  return { dataDir: env.RMOS_DATA_DIR || 'data', databaseUrl: env.DATABASE_URL || undefined };
}
