import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { RunStoreUnavailableError, toRunStoreError } from '../errors.js';
import { SQLITE_MIGRATIONS, migrateSqlite, sqliteSchemaVersion } from './sqlite-migrations.js';

export const SQLITE_FILE = 'runs.sqlite';

/**
 * Opens <data root>/runs/runs.sqlite. WAL with synchronous=FULL: every commit is
 * fsynced before persistRunArtifact answers, so an acknowledged artifact survives
 * power loss too, not only a killed process (NORMAL would only guarantee the latter;
 * the audit trail is worth the fsync per append).
 */
export function openSqliteDatabase(dataDir: string, options: { readOnly?: boolean } = {}): Database.Database {
  const file = path.join(dataDir, 'runs', SQLITE_FILE);
  let db: Database.Database | undefined;
  try {
    if (!options.readOnly) mkdirSync(path.dirname(file), { recursive: true });
    db = new Database(file, { readonly: options.readOnly ?? false, fileMustExist: options.readOnly ?? false, timeout: 30_000 });
    if (options.readOnly) {
      const version = sqliteSchemaVersion(db);
      if (version !== SQLITE_MIGRATIONS.at(-1)!.version) throw new RunStoreUnavailableError(`open (schema version ${version})`);
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrateSqlite(db);
    return db;
  } catch (error) {
    db?.close();
    throw toRunStoreError(error, `open ${file}`);
  }
}
