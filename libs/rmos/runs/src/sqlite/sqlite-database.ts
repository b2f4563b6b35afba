import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
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
    if (options.readOnly) {
      db = openReadOnly(file);
      const version = sqliteSchemaVersion(db);
      // An older schema is read as it is (a read-only open never migrates); a newer one is not understood.
      if (version < 1 || version > SQLITE_MIGRATIONS.at(-1)!.version) throw new RunStoreUnavailableError(`open (schema version ${version})`);
      return db;
    }
    ensureWritableDir(path.dirname(file));
    db = new Database(file, { timeout: 30_000 });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    migrateSqlite(db);
    return db;
  } catch (error) {
    db?.close();
    throw toRunStoreError(error, `open ${file}`);
  }
}

/** mkdir -p, but a read-only or unwritable ancestor is reported as such (recursive mkdir says ENOENT). */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    let ancestor = path.dirname(dir);
    while (!existsSync(ancestor) && ancestor !== path.dirname(ancestor)) ancestor = path.dirname(ancestor);
    accessSync(ancestor, constants.W_OK);
    throw error;
  }
}

function openReadOnly(file: string): Database.Database {
  if (!existsSync(file)) throw new RunStoreUnavailableError(`open: there is no run store at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 30_000 });
  try {
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return db;
  } catch (error) {
    db.close();
    const wal = `${file}-wal`;
    if ((error as { code?: string }).code !== 'SQLITE_CANTOPEN' || (existsSync(wal) && statSync(wal).size > 0)) throw error;
    return openSnapshot(file);
  }
}

/**
 * SQLite cannot open a WAL database where it cannot create the -shm file (read-only
 * media an auditor was handed). With no WAL content to miss, an in-memory copy
 * whose header is marked rollback-journal reads exactly what is on disk. Written
 * by hand because SQLite's own answer (the immutable=1 URI) is not reachable
 * through better-sqlite3.
 */
function openSnapshot(file: string): Database.Database {
  const bytes = readFileSync(file);
  if (bytes.length >= 20 && bytes[18] === 2 && bytes[19] === 2) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return new Database(bytes, { readonly: true });
}
