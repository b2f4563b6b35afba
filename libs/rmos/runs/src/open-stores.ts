import type { SessionStore } from './sessions/session-store.js';
import type { RunStore } from './store/run-store.js';
import type { AttachmentFs } from './attachments/file-attachments.js';
import { openSqliteDatabase } from './sqlite/sqlite-database.js';
import { SqliteRunStore } from './sqlite/sqlite-run-store.js';
import { SqliteSessionStore } from './sqlite/sqlite-session-store.js';
import { SqliteGroupCommit } from './sqlite/group-commit.js';
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
  // One group committer per connection: appends and session writes share commits (and fsyncs).
  const writer = new SqliteGroupCommit(db);
  const runs = new SqliteRunStore(db, { ...options, writer });
  if (!options.readOnly) await runs.sweepStaleTemp();
  return { runs, sessions: new SqliteSessionStore(db, writer), close: () => runs.close() };
}

/** The options the app and the CLI take from the environment: RMOS_DATA_DIR (default data) and DATABASE_URL. */
export function storeOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenStoresOptions {
  return { dataDir: env.RMOS_DATA_DIR || 'data', databaseUrl: env.DATABASE_URL || undefined };
}
