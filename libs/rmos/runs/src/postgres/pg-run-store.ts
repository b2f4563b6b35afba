import pg from 'pg';
import { runIdHash, type RunArtifact, type RunArtifactInput, type RunAttachmentStored } from '@luthier/rmos-contracts';
import { isSha256Hex, sha256Hex } from '@luthier/shared-hashing';
import { buildRunArtifact, headAfter, parseRunInput, type ChainHead, type ParsedRunInput } from '../artifact/build-artifact.js';
import { assertAttachmentInput } from '../attachments/attachment-input.js';
import type { AttachmentFileState } from '../attachments/file-attachments.js';
import { RunAttachmentCorruptError, RunAttachmentMissingError, toRunStoreError } from '../errors.js';
import { ChainVerifier, checkStoredRow, decodeOrThrow, type StoredRow } from '../store/chain-verifier.js';
import { encodeCursor } from '../store/cursor.js';
import { artifactMatches, parseListFilter } from '../store/list-filter.js';
import type { RunListFilter, RunListPage, RunStore } from '../store/run-store.js';
import { checkAttachmentUses, verifyOneRow } from '../store/verify-helpers.js';
import type { VerifyReport } from '../store/verify-report.js';
import { assertSchemaName } from './pg-migrations.js';
import { GroupAppendQueue, type PendingAppend } from './pg-group-append.js';

type RawRow = { seq: string; run_id: string; body: string };
const toRow = (r: RawRow): StoredRow => ({ seq: Number(r.seq), run_id: r.run_id, body: r.body });

/**
 * The shared backend for several API instances. Appends from any number of
 * processes form one chain: each append locks the single chain-head row
 * (SELECT … FOR UPDATE) for the length of its transaction. Attachments live in a
 * bytea table, not on disk, because instances on different hosts share no disk,
 * and so that one database backup holds the whole audit trail consistently.
 */
export class PgRunStore implements RunStore {
  readonly backend = 'postgres' as const;
  private readonly S: string;
  /** The name of this schema's one-statement append, prepared once per connection (see appendOne). */
  private readonly appendOneStatement: string;
  /** Group commit: the appends that arrive while one batch commits share the next transaction. */
  private readonly appends = new GroupAppendQueue<ParsedRunInput, RunArtifact>((batch) => this.appendBatch(batch));
  /**
   * The head as this store last moved it (null when unknown: at start, after a failure,
   * after another instance moved it). Only a guess: the one-statement append checks it
   * under the head row's lock and falls back to the locking transaction if it is stale.
   */
  private lastHead: ChainHead | null = null;

  constructor(
    private readonly pool: pg.Pool,
    schema: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.S = `"${assertSchemaName(schema)}"`;
    this.appendOneStatement = `rmos_append_one_${sha256Hex(this.S).slice(0, 16)}`;
  }

  async persistRunArtifact(input: RunArtifactInput): Promise<RunArtifact> {
    // Refused before it joins a batch: malformed input never takes the head lock.
    return this.appends.submit(parseRunInput(input));
  }

  /**
   * One transaction for a batch of appends: the head row is locked once, each member
   * is checked (attachments present, the validator) and chained onto the one before,
   * and one COMMIT makes them all durable. A member refused before its INSERT is
   * rejected alone and writes nothing; a failed statement or COMMIT rolls the whole
   * batch back and rejects every member not yet refused with the typed error.
   */
  private async appendBatch(batch: PendingAppend<ParsedRunInput, RunArtifact>[]): Promise<void> {
    if (batch.length === 1 && this.lastHead && (await this.appendOne(batch[0]!, this.lastHead))) return;
    const refused = new Set<PendingAppend<ParsedRunInput, RunArtifact>>();
    const written: { pending: PendingAppend<ParsedRunInput, RunArtifact>; artifact: RunArtifact }[] = [];
    let endHead: ChainHead | null = null;
    try {
      await this.tx('persistRunArtifact', async (c) => {
        const refs = batch.flatMap((p) => p.input.fields.attachments ?? []);
        const sizes = new Map<string, number>();
        if (refs.length > 0) {
          const { rows } = await c.query<{ sha256: string; size_bytes: string }>(
            `SELECT sha256, size_bytes FROM ${this.S}.run_attachments WHERE sha256 = ANY($1)`,
            [[...new Set(refs.map((r) => r.sha256))]],
          );
          for (const r of rows) sizes.set(r.sha256, Number(r.size_bytes));
        }
        const { rows } = await c.query<{ seq: string; head_hash: string }>(
          `SELECT seq, head_hash FROM ${this.S}.run_chain_head WHERE id = 1 FOR UPDATE`,
        );
        let head: ChainHead = { seq: Number(rows[0].seq), hash: rows[0].head_hash };
        for (const pending of batch) {
          let built: { artifact: RunArtifact; text: string };
          try {
            const missing = (pending.input.fields.attachments ?? []).find((r) => sizes.get(r.sha256) !== r.size_bytes);
            if (missing) throw new RunAttachmentMissingError(missing.sha256);
            built = buildRunArtifact(pending.input, head, this.clock());
          } catch (error) {
            refused.add(pending);
            pending.reject(toRunStoreError(error, 'persistRunArtifact'));
            continue;
          }
          const { artifact, text } = built;
          await c.query(
            `WITH a AS (INSERT INTO ${this.S}.run_artifacts (seq, run_id, body) VALUES ($1, $2, $3)),
                  i AS (INSERT INTO ${this.S}.run_index (seq, run_id, kind, status, session_id, created_at) VALUES ($1, $2, $4, $5, $6, $7))
             UPDATE ${this.S}.run_chain_head SET seq = $1, head_hash = $8 WHERE id = 1`,
            [artifact.seq, artifact.run_id, text, artifact.kind, artifact.status, artifact.session_id, artifact.created_at, runIdHash(artifact.run_id)],
          );
          written.push({ pending, artifact });
          head = headAfter(artifact);
        }
        endHead = head;
      });
    } catch (error) {
      this.lastHead = null;
      for (const pending of batch) if (!refused.has(pending)) pending.reject(error);
      return;
    }
    this.lastHead = endHead;
    for (const { pending, artifact } of written) pending.resolve(artifact);
  }

  /**
   * A lone append (the serial case) in ONE statement, autocommitted: one round trip
   * instead of five (BEGIN, attachment sizes, head lock, insert, COMMIT). It is built on
   * the head this store last wrote; the UPDATE moves the head only if, under the row
   * lock it takes, the head is still exactly that one AND every attachment is stored
   * with its size; the artifact and its index row are inserted only if the head moved.
   * All of it is one statement, so it is all written or none. Answers false (nothing
   * written) when the guess was stale or an attachment is missing: the caller then takes
   * the locking transaction, which re-reads the head and names what is missing.
   */
  private async appendOne(pending: PendingAppend<ParsedRunInput, RunArtifact>, head: ChainHead): Promise<boolean> {
    let built: { artifact: RunArtifact; text: string };
    try {
      built = buildRunArtifact(pending.input, head, this.clock());
    } catch (error) {
      pending.reject(toRunStoreError(error, 'persistRunArtifact'));
      return true;
    }
    const { artifact, text } = built;
    const refs = [...new Map((pending.input.fields.attachments ?? []).map((r) => [`${r.sha256}/${r.size_bytes}`, r])).values()];
    let moved: boolean;
    try {
      const { rows } = await this.pool.query<{ n: number }>({
        // Named: each connection parses and plans the statement once, not on every append.
        name: this.appendOneStatement,
        text: `WITH h AS (
           UPDATE ${this.S}.run_chain_head SET seq = $1, head_hash = $8
            WHERE id = 1 AND seq = $9 AND head_hash = $10
              AND (SELECT count(*) FROM ${this.S}.run_attachments
                    WHERE (sha256, size_bytes) IN (SELECT * FROM unnest($11::text[], $12::bigint[]))) = $13
           RETURNING seq),
         a AS (INSERT INTO ${this.S}.run_artifacts (seq, run_id, body) SELECT $1, $2, $3 FROM h RETURNING seq),
         i AS (INSERT INTO ${this.S}.run_index (seq, run_id, kind, status, session_id, created_at) SELECT $1, $2, $4, $5, $6, $7 FROM a)
         SELECT count(*)::int AS n FROM a`,
        values: [
          artifact.seq,
          artifact.run_id,
          text,
          artifact.kind,
          artifact.status,
          artifact.session_id,
          artifact.created_at,
          runIdHash(artifact.run_id),
          head.seq,
          head.hash,
          refs.map((r) => r.sha256),
          refs.map((r) => r.size_bytes),
          refs.length,
        ],
      });
      moved = rows[0]?.n === 1;
    } catch (error) {
      this.lastHead = null;
      pending.reject(toRunStoreError(error, 'persistRunArtifact'));
      return true;
    }
    if (!moved) {
      this.lastHead = null;
      return false;
    }
    this.lastHead = headAfter(artifact);
    pending.resolve(artifact);
    return true;
  }

  async putRunAttachment(bytes: Uint8Array, mediaType: string): Promise<RunAttachmentStored> {
    assertAttachmentInput(bytes, mediaType);
    const sha256 = sha256Hex(bytes);
    // Committed without waiting for its WAL flush (synchronous_commit off for this one
    // statement's transaction): an attachment is only ever part of the audit trail
    // through an artifact naming it, and that artifact's commit is synchronous and comes
    // later in the one WAL, so flushing it flushes the attachment too. What a crash of
    // the database server (not of this process) can lose is an attachment no artifact
    // names yet; an append naming it is then refused (RunAttachmentMissingError), never
    // stored with a dangling reference.
    const inserted = await this.query(
      'putRunAttachment',
      `WITH async_commit AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO ${this.S}.run_attachments (sha256, media_type, size_bytes, bytes)
       SELECT $1, $2, $3, $4 FROM async_commit ON CONFLICT (sha256) DO NOTHING`,
      [sha256, mediaType, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
    if (inserted.rowCount === 0) {
      // Already stored: make sure what is there is intact rather than trusting the key.
      const state = await this.checkAttachment(sha256, bytes.byteLength);
      if (state.state === 'corrupt') throw new RunAttachmentCorruptError(sha256, state.detail);
    }
    return { sha256, size_bytes: bytes.byteLength, media_type: mediaType };
  }

  async getAttachment(sha256: string): Promise<Uint8Array | null> {
    if (!isSha256Hex(sha256)) return null;
    const { rows } = await this.query<{ bytes: Buffer }>('getAttachment', `SELECT bytes FROM ${this.S}.run_attachments WHERE sha256 = $1`, [sha256]);
    if (rows.length === 0) return null;
    const actual = sha256Hex(rows[0].bytes);
    if (actual !== sha256) throw new RunAttachmentCorruptError(sha256, `bytes hash to ${actual}`);
    return new Uint8Array(rows[0].bytes);
  }

  async get(runId: string): Promise<RunArtifact | null> {
    const row = await this.rowWhere('run_id = $1', runId);
    return row ? decodeOrThrow(row) : null;
  }

  async list(filter?: RunListFilter): Promise<RunListPage> {
    const f = parseListFilter(filter);
    const params: unknown[] = [f.after_seq];
    const where = ['i.seq > $1'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.session_id !== undefined) add('i.session_id = ?', f.session_id);
    if (f.status !== undefined) add('i.status = ?', f.status);
    if (f.kind !== undefined) add('i.kind = ?', f.kind);
    if (f.created_from !== undefined) add('i.created_at >= ?', f.created_from);
    if (f.created_to !== undefined) add('i.created_at < ?', f.created_to);
    params.push(f.limit + 1);
    const { rows } = await this.query<RawRow>(
      'list',
      `SELECT a.seq, a.run_id, a.body FROM ${this.S}.run_index i JOIN ${this.S}.run_artifacts a ON a.seq = i.seq
       WHERE ${where.join(' AND ')} ORDER BY i.seq LIMIT $${params.length}`,
      params,
    );
    const page = rows.map(toRow).slice(0, f.limit);
    return {
      items: page.map(decodeOrThrow).filter((a) => artifactMatches(a, f)),
      next_cursor: rows.length > f.limit ? encodeCursor(page.at(-1)!.seq) : null,
    };
  }

  async verify(runId: string): Promise<VerifyReport> {
    return verifyOneRow(runId, await this.rowWhere('run_id = $1', runId), {
      rowAt: (seq) => this.rowWhere('seq = $1', seq),
      checkAttachment: (sha, size) => this.checkAttachment(sha, size),
    });
  }

  async verifyAll(options: { full?: boolean } = {}): Promise<VerifyReport> {
    const verifier = new ChainVerifier(options.full ? 'full' : 'hashes');
    // One REPEATABLE READ snapshot: the head and every row agree even while others append.
    await this.tx(
      'verifyAll',
      async (c) => {
        const { rows } = await c.query<{ seq: string; head_hash: string }>(`SELECT seq, head_hash FROM ${this.S}.run_chain_head WHERE id = 1`);
        for await (const row of this.batches(c)) verifier.push(row);
        verifier.checkHead({ seq: Number(rows[0].seq), hash: rows[0].head_hash });
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
    await checkAttachmentUses(verifier, (sha, size) => this.checkAttachment(sha, size));
    return verifier.result();
  }

  async *exportAll(): AsyncIterable<RunArtifact> {
    let after = 0;
    for (;;) {
      const { rows } = await this.query<RawRow>(
        'export',
        `SELECT seq, run_id, body FROM ${this.S}.run_artifacts WHERE seq > $1 ORDER BY seq LIMIT 1000`,
        [after],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield decodeOrThrow(toRow(row));
      after = Number(rows.at(-1)!.seq);
    }
  }

  async rebuildIndexes(): Promise<{ indexed: number }> {
    return this.tx('rebuildIndexes', async (c) => {
      // Lock out appends while the index is rebuilt so no new artifact is missed.
      await c.query(`SELECT 1 FROM ${this.S}.run_chain_head WHERE id = 1 FOR UPDATE`);
      await c.query(`DELETE FROM ${this.S}.run_index`);
      let indexed = 0;
      for await (const row of this.batches(c)) {
        const result = checkStoredRow(row);
        if (!result.ok) continue; // a corrupt artifact stays out of the index; verify names it
        const a = result.artifact;
        await c.query(
          `INSERT INTO ${this.S}.run_index (seq, run_id, kind, status, session_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [a.seq, a.run_id, a.kind, a.status, a.session_id, a.created_at],
        );
        indexed += 1;
      }
      await c.query(`REINDEX TABLE ${this.S}.run_index`).catch(() => undefined);
      return { indexed };
    });
  }

  async close(): Promise<void> {
    // The pool belongs to openStores, which ends it once sessions are done too.
  }

  async checkAttachment(sha256: string, size: number): Promise<AttachmentFileState> {
    try {
      const bytes = await this.getAttachment(sha256);
      if (bytes === null) return { state: 'missing' };
      return bytes.byteLength === size ? { state: 'ok', size } : { state: 'corrupt', detail: `${bytes.byteLength} bytes, expected ${size}` };
    } catch (error) {
      if (error instanceof RunAttachmentCorruptError) return { state: 'corrupt', detail: error.message };
      throw error;
    }
  }

  private async *batches(c: pg.PoolClient): AsyncIterable<StoredRow> {
    const fetch = (after: number) => {
      const query = c.query<RawRow>(`SELECT seq, run_id, body FROM ${this.S}.run_artifacts WHERE seq > $1 ORDER BY seq LIMIT 5000`, [after]);
      // If the consumer stops early, a failed prefetch must not become an unhandled rejection; awaited, it still throws.
      query.catch(() => undefined);
      return query;
    };
    let pending = fetch(0);
    for (;;) {
      const { rows } = await pending;
      if (rows.length === 0) return;
      // Ask for the next batch before checking this one, so the server works while we hash.
      pending = fetch(Number(rows.at(-1)!.seq));
      for (const r of rows) yield toRow(r);
    }
  }

  private async rowWhere(where: string, value: unknown): Promise<StoredRow | null> {
    const { rows } = await this.query<RawRow>('read', `SELECT seq, run_id, body FROM ${this.S}.run_artifacts WHERE ${where}`, [value]);
    return rows.length ? toRow(rows[0]) : null;
  }

  private async query<R extends pg.QueryResultRow>(operation: string, sql: string, params: unknown[]): Promise<pg.QueryResult<R>> {
    try {
      return await this.pool.query<R>(sql, params);
    } catch (error) {
      throw toRunStoreError(error, operation);
    }
  }

  private async tx<T>(operation: string, fn: (c: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw toRunStoreError(error, operation);
    }
    try {
      await client.query(begin);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw toRunStoreError(error, operation);
    } finally {
      client.release();
    }
  }
}
