import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { sha256Hex } from '@luthier/shared-hashing';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStores, type OpenStoresOptions, type Stores } from '@luthier/rmos-runs';

/**
 * What the shared suite needs from a backend: open the stores, and reach under
 * the API (as an attacker or a disk fault would) to tamper with stored rows.
 */
export interface BackendHarness {
  readonly name: 'sqlite' | 'postgres';
  /** Options that open this test's private store (own directory / own schema). */
  readonly options: OpenStoresOptions;
  open(extra?: Partial<OpenStoresOptions>): Promise<Stores>;
  /** Raw SQL against the store's database, table names unqualified. */
  exec(sql: string, params?: unknown[]): Promise<void>;
  queryRows<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Drops the immutability triggers, as someone with database access could. */
  dropTriggers(): Promise<void>;
  /** Stored attachments whose bytes do not hash to their address (a partial write would show here), and how many there are. */
  badAttachments(): Promise<{ bad: string[]; count: number }>;
  /** Flips one bit of a byte of a stored attachment's bytes. */
  flipAttachmentByte(sha256: string, offset: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** `settings`: store options every open of this harness uses (the writer thread, say). */
export function sqliteHarness(settings: Partial<OpenStoresOptions> = {}): BackendHarness {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-test-'));
  const file = path.join(dataDir, 'runs', 'runs.sqlite');
  const raw = <T>(fn: (db: Database.Database) => T): T => {
    const db = new Database(file, { timeout: 10_000 });
    try {
      return fn(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqlite',
    options: { ...settings, dataDir },
    open: (extra) => openStores({ ...settings, dataDir, ...extra }),
    exec: async (sql, params = []) => void raw((db) => db.prepare(sql).run(...params)),
    queryRows: async <T>(sql: string, params: unknown[] = []) => raw((db) => db.prepare(sql).all(...params) as T[]),
    dropTriggers: async () =>
      raw((db) => {
        for (const t of ['run_artifacts_no_update', 'run_artifacts_no_delete', 'run_chain_head_forward_only', 'run_chain_head_no_delete']) {
          db.exec(`DROP TRIGGER IF EXISTS ${t}`);
        }
      }),
    badAttachments: async () => {
      const root = path.join(dataDir, 'run_attachments');
      const bad: string[] = [];
      let count = 0;
      for (const shard of existsSync(root) ? readdirSync(root) : []) {
        if (shard === '.tmp') continue;
        for (const name of readdirSync(path.join(root, shard))) {
          count += 1;
          if (sha256Hex(readFileSync(path.join(root, shard, name))) !== name) bad.push(name);
        }
      }
      return { bad, count };
    },
    flipAttachmentByte: async (sha256, offset) => {
      const target = path.join(dataDir, 'run_attachments', sha256.slice(0, 2), sha256);
      const bytes = readFileSync(target);
      bytes[offset] ^= 0x01;
      chmodSync(target, 0o644);
      writeFileSync(target, bytes);
    },
    cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export const PG_TEST_URL = process.env.DATABASE_TEST_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** Answers null when PostgreSQL answers, else why not. */
export async function postgresUnreachable(url = PG_TEST_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return (error as Error).message || String((error as { code?: string }).code);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function postgresHarness(url = PG_TEST_URL): BackendHarness {
  const schema = `runs_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-pg-test-'));
  const pool = new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` });
  return {
    name: 'postgres',
    options: { dataDir, databaseUrl: url, schema },
    open: (extra) => openStores({ dataDir, databaseUrl: url, schema, ...extra }),
    exec: async (sql, params = []) => void (await pool.query(sql, params)),
    queryRows: async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[],
    dropTriggers: async () => {
      for (const [t, table] of [
        ['run_artifacts_immutable', 'run_artifacts'],
        ['run_attachments_immutable', 'run_attachments'],
        ['run_chain_head_forward_only', 'run_chain_head'],
      ]) {
        await pool.query(`DROP TRIGGER IF EXISTS ${t} ON ${table}`);
      }
    },
    badAttachments: async () => {
      const { rows } = await pool.query<{ sha256: string; bytes: Buffer }>('SELECT sha256, bytes FROM run_attachments');
      return { bad: rows.filter((r) => sha256Hex(r.bytes) !== r.sha256).map((r) => r.sha256), count: rows.length };
    },
    flipAttachmentByte: async (sha256, offset) => {
      await pool.query(
        'UPDATE run_attachments SET bytes = set_byte(bytes, $2, get_byte(bytes, $2) # 1) WHERE sha256 = $1',
        [sha256, offset],
      );
    },
    cleanup: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
