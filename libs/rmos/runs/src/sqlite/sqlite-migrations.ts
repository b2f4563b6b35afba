import type Database from 'better-sqlite3';
import { RUN_GENESIS_HASH } from '@luthier/rmos-contracts';

/**
 * Versioned schema of the embedded store. Each migration runs once, in order, in
 * one transaction with its row in schema_migrations. Never edit a released one:
 * append a new one.
 */
export const SQLITE_MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'run artifacts, chain head, derived index, sessions',
    sql: `
      CREATE TABLE run_artifacts (
        seq INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL
      ) STRICT;
      CREATE TRIGGER run_artifacts_no_update BEFORE UPDATE ON run_artifacts
        BEGIN SELECT RAISE(ABORT, 'RUN_ARTIFACT_IMMUTABLE: run artifacts are never updated'); END;
      CREATE TRIGGER run_artifacts_no_delete BEFORE DELETE ON run_artifacts
        BEGIN SELECT RAISE(ABORT, 'RUN_ARTIFACT_IMMUTABLE: run artifacts are never deleted'); END;

      CREATE TABLE run_chain_head (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        head_hash TEXT NOT NULL
      ) STRICT;
      INSERT INTO run_chain_head (id, seq, head_hash) VALUES (1, 0, '${RUN_GENESIS_HASH}');
      CREATE TRIGGER run_chain_head_forward_only BEFORE UPDATE ON run_chain_head
        WHEN NEW.seq <> OLD.seq + 1 OR NEW.id <> OLD.id
        BEGIN SELECT RAISE(ABORT, 'RUN_ARTIFACT_IMMUTABLE: the chain head only moves forward by one'); END;
      CREATE TRIGGER run_chain_head_no_delete BEFORE DELETE ON run_chain_head
        BEGIN SELECT RAISE(ABORT, 'RUN_ARTIFACT_IMMUTABLE: the chain head is never deleted'); END;

      -- Derived from run_artifacts (rebuildIndexes recreates it): the only mutable run table.
      CREATE TABLE run_index (
        seq INTEGER PRIMARY KEY,
        run_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        session_id TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX run_index_session ON run_index (session_id, seq);
      CREATE INDEX run_index_status ON run_index (status, seq);
      CREATE INDEX run_index_kind ON run_index (kind, seq);
      CREATE INDEX run_index_created ON run_index (created_at, seq);

      -- Sessions are mutable workflow state (not artifacts), guarded by a revision compare-and-swap.
      CREATE TABLE sessions (
        session_id TEXT PRIMARY KEY,
        revision INTEGER NOT NULL,
        body TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'the derived index is kept up to a recorded seq, in batches, off the append path',
    sql: `
      -- Every artifact up to indexed_seq has its run_index row; list() reads the artifacts after it directly.
      CREATE TABLE run_index_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_seq INTEGER NOT NULL
      ) STRICT;
      INSERT INTO run_index_state (id, indexed_seq) VALUES (1, (SELECT COALESCE(MAX(seq), 0) FROM run_index));
    `,
  },
];

export function migrateSqlite(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  for (const m of SQLITE_MIGRATIONS) {
    if (applied.has(m.version)) continue;
    // IMMEDIATE: two processes opening a fresh store at once apply each migration exactly once.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (again) return;
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
  }
}

/** The schema version a store is at (0 for none), for read-only opens that must not migrate. */
export function sqliteSchemaVersion(db: Database.Database): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return 0;
  return (db.prepare('SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations').get() as { v: number }).v;
}
