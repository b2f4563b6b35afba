// Direct database access for the benchmark only: the bare-INSERT ceiling and bulk population.
import path from 'node:path';
import { closeSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { RawDb } from './populate.js';

export function sqliteRaw(dataDir: string): RawDb {
  const db = new Database(path.join(dataDir, 'runs', 'runs.sqlite'), { timeout: 30_000 });
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS bench_bare (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL, body TEXT NOT NULL, blob BLOB)');
  const insertArtifact = db.prepare('INSERT INTO run_artifacts (seq, run_id, body) VALUES (?, ?, ?)');
  const insertIndex = db.prepare('INSERT INTO run_index (seq, run_id, kind, status, session_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const advance = db.prepare('UPDATE run_chain_head SET seq = ?, head_hash = ? WHERE id = 1');
  return {
    async bareInsertLoop(n, bodyBytes, blobBytes) {
      const insert = db.prepare('INSERT INTO bench_bare (run_id, body, blob) VALUES (?, ?, ?)');
      const body = 'x'.repeat(bodyBytes);
      const blobs = Array.from({ length: n }, () => (blobBytes ? randomBytes(blobBytes) : null));
      const start = performance.now();
      for (let i = 0; i < n; i += 1) insert.run(`run_${i}`, body, blobs[i]);
      return performance.now() - start;
    },
    async bareFileAttachmentLoop(n, bodyBytes, blobBytes) {
      const insert = db.prepare('INSERT INTO bench_bare (run_id, body, blob) VALUES (?, ?, NULL)');
      const dir = path.join(dataDir, 'bench_files');
      const tmpDir = path.join(dir, '.tmp');
      mkdirSync(tmpDir, { recursive: true });
      const body = 'x'.repeat(bodyBytes);
      const blobs = Array.from({ length: n }, () => randomBytes(blobBytes));
      const start = performance.now();
      for (let i = 0; i < n; i += 1) {
        const name = blobs[i]!.subarray(0, 16).toString('hex');
        const fd = openSync(path.join(tmpDir, name), 'wx', 0o444);
        writeSync(fd, blobs[i]!);
        fdatasyncSync(fd);
        closeSync(fd);
        renameSync(path.join(tmpDir, name), path.join(dir, name));
        const dirFd = openSync(dir, 'r');
        fsyncSync(dirFd);
        closeSync(dirFd);
        insert.run(`run_${i}`, body);
      }
      return performance.now() - start;
    },
    async insertBatch(batch) {
      db.transaction(() => {
        for (const r of batch) {
          insertArtifact.run(r.seq, r.run_id, r.body);
          insertIndex.run(r.seq, r.run_id, r.kind, r.status, r.session_id, r.created_at);
          advance.run(r.seq, r.run_id.slice(4));
        }
      }).immediate();
    },
    async settle() {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      db.close();
    },
  };
}

export async function postgresRaw(url: string, schema: string): Promise<RawDb> {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
  await pool.query('CREATE TABLE IF NOT EXISTS bench_bare (seq bigserial PRIMARY KEY, run_id text NOT NULL, body text NOT NULL, blob bytea)');
  return {
    async bareInsertLoop(n, bodyBytes, blobBytes) {
      const body = 'x'.repeat(bodyBytes);
      const blobs = Array.from({ length: n }, () => (blobBytes ? randomBytes(blobBytes) : null));
      const start = performance.now();
      for (let i = 0; i < n; i += 1) await pool.query('INSERT INTO bench_bare (run_id, body, blob) VALUES ($1, $2, $3)', [`run_${i}`, body, blobs[i]]);
      return performance.now() - start;
    },
    async insertBatch(batch) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        await c.query(
          `INSERT INTO run_artifacts (seq, run_id, body) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
          [batch.map((r) => r.seq), batch.map((r) => r.run_id), batch.map((r) => r.body)],
        );
        await c.query(
          `INSERT INTO run_index (seq, run_id, kind, status, session_id, created_at)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
          [batch.map((r) => r.seq), batch.map((r) => r.run_id), batch.map((r) => r.kind), batch.map((r) => r.status), batch.map((r) => r.session_id), batch.map((r) => r.created_at)],
        );
        // The head only moves forward by one (a trigger enforces it), so it is walked server-side.
        const last = batch.at(-1)!;
        const first = batch[0].seq;
        await c.query(`DO $$ BEGIN FOR s IN ${Number(first)}..${Number(last.seq) - 1} LOOP
          UPDATE run_chain_head SET seq = s WHERE id = 1; END LOOP; END $$`);
        await c.query('UPDATE run_chain_head SET seq = $1, head_hash = $2 WHERE id = 1', [last.seq, last.run_id.slice(4)]);
        await c.query('COMMIT');
      } catch (error) {
        await c.query('ROLLBACK');
        throw error;
      } finally {
        c.release();
      }
    },
    async settle() {
      await pool.query('VACUUM ANALYZE run_artifacts');
    },
    async dropSchema() {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
    async close() {
      await pool.end();
    },
  };
}
