import path from 'node:path';
import type Database from 'better-sqlite3';
import type { RunArtifact, RunArtifactInput, RunAttachmentStored } from '@luthier/rmos-contracts';
import { artifactFrom, parseRunInput, type ChainHead, type ParsedRunInput } from '../artifact/build-artifact.js';
import type { AttachmentFs } from '../attachments/attachment-fs.js';
import { FileAttachments } from '../attachments/file-attachments.js';
import { RunAttachmentMissingError, toRunStoreError } from '../errors.js';
import { ChainVerifier, checkStoredRow, decodeOrThrow, type StoredRow } from '../store/chain-verifier.js';
import { checkAttachmentUses, verifyOneRow } from '../store/verify-helpers.js';
import { encodeCursor } from '../store/cursor.js';
import { artifactMatches, parseListFilter } from '../store/list-filter.js';
import type { RunListFilter, RunListPage, RunStore } from '../store/run-store.js';
import type { VerifyReport } from '../store/verify-report.js';
import { sqliteRunStoreInternals, type PreparedAppend } from './sqlite-internals.js';
import { InlineSqliteWriter, type SqliteWriter } from './sqlite-writer.js';
import { indexedSeqStatement, indexStatement, indexValues, parseIndexFields, type AppendWrite } from './sqlite-writes.js';

export interface SqliteRunStoreOptions {
  dataDir: string;
  clock?: () => Date;
  /** Test seam for the attachment files' file-system calls. */
  attachmentFs?: AttachmentFs;
  /** Where the connection's writes are committed, shared with the session store (an inline writer if absent). */
  writer?: SqliteWriter;
}

/** The embedded default backend: artifacts in SQLite, attachments as content-addressed files. */
export class SqliteRunStore implements RunStore {
  readonly backend = 'sqlite' as const;
  private readonly attachments: FileAttachments;
  private readonly clock: () => Date;
  private readonly stmt;
  private readonly writer: SqliteWriter;

  constructor(
    private readonly db: Database.Database,
    options: SqliteRunStoreOptions,
  ) {
    this.attachments = new FileAttachments(path.join(options.dataDir, 'run_attachments'), options.attachmentFs);
    this.clock = options.clock ?? (() => new Date());
    this.writer = options.writer ?? new InlineSqliteWriter(db);
    sqliteRunStoreInternals.set(this, { writer: this.writer, prepareAppend: (input) => this.prepareAppend(input) });
    this.stmt = {
      head: db.prepare('SELECT seq, head_hash AS hash FROM run_chain_head WHERE id = 1'),
      index: indexStatement(db),
      indexedSeq: indexedSeqStatement(db),
      byId: db.prepare('SELECT seq, run_id, body FROM run_artifacts WHERE run_id = ?'),
      bySeq: db.prepare('SELECT seq, run_id, body FROM run_artifacts WHERE seq = ?'),
      batch: db.prepare('SELECT seq, run_id, body FROM run_artifacts WHERE seq > ? ORDER BY seq LIMIT 5000'),
    };
  }

  /** Temp files older than this are leftovers of a crashed writer. */
  static readonly STALE_TEMP_MS = 60 * 60 * 1000;

  /** Housekeeping on open: drop attachment temp files a crashed writer left behind. */
  sweepStaleTemp(): Promise<number> {
    return this.attachments.sweepStaleTemp(SqliteRunStore.STALE_TEMP_MS);
  }

  async persistRunArtifact(input: RunArtifactInput): Promise<RunArtifact> {
    const parsed = parseRunInput(input);
    const append = this.appendWrite(parsed);
    // Awaited only when there is something to check, so that an append with no attachment
    // is queued at once (and close() right after it still commits it).
    if (parsed.fields.attachments?.length) await this.assertAttachmentsPresent(parsed);
    try {
      // Answers once the group commit holding this append is durable.
      return artifactFrom(parsed, append.now, await this.writer.submit({ kind: 'append', append }));
    } catch (error) {
      throw toRunStoreError(error, 'persistRunArtifact');
    }
  }

  /**
   * Checks an artifact's input (schema, attachments present) and answers its append
   * as a write to run inside a group transaction, where it is chained and validated,
   * and how to make the artifact of the stamps the write answers.
   */
  private async prepareAppend(input: RunArtifactInput): Promise<PreparedAppend> {
    const parsed = parseRunInput(input);
    if (parsed.fields.attachments?.length) await this.assertAttachmentsPresent(parsed);
    const append = this.appendWrite(parsed);
    return { append, artifactOf: (stamps) => artifactFrom(parsed, append.now, stamps) };
  }

  private appendWrite(parsed: ParsedRunInput): AppendWrite {
    return { input: parsed, now: this.clock() };
  }

  private async assertAttachmentsPresent(parsed: ParsedRunInput): Promise<void> {
    for (const a of parsed.fields.attachments ?? []) {
      if (!(await this.attachments.exists(a.sha256, a.size_bytes))) throw new RunAttachmentMissingError(a.sha256);
    }
  }

  putRunAttachment(bytes: Uint8Array, mediaType: string): Promise<RunAttachmentStored> {
    return this.attachments.put(bytes, mediaType);
  }

  getAttachment(sha256: string): Promise<Uint8Array | null> {
    return this.attachments.get(sha256);
  }

  async get(runId: string): Promise<RunArtifact | null> {
    const row = this.read(() => this.stmt.byId.get(runId) as StoredRow | undefined);
    return row ? decodeOrThrow(row) : null;
  }

  async list(filter?: RunListFilter): Promise<RunListPage> {
    const f = parseListFilter(filter);
    const where = ['i.seq > @after_seq', 'i.seq <= @indexed'];
    if (f.session_id !== undefined) where.push('i.session_id = @session_id');
    if (f.status !== undefined) where.push('i.status = @status');
    if (f.kind !== undefined) where.push('i.kind = @kind');
    if (f.created_from !== undefined) where.push('i.created_at >= @created_from');
    if (f.created_to !== undefined) where.push('i.created_at < @created_to');
    const take = f.limit + 1;
    // One read transaction: the indexed seq, the index and the artifacts after it from one snapshot.
    const rows = this.read(() => {
      const query = this.db.prepare(
        `SELECT a.seq, a.run_id, a.body FROM run_index i JOIN run_artifacts a ON a.seq = i.seq
         WHERE ${where.join(' AND ')} ORDER BY i.seq LIMIT @take`,
      );
      return this.db.transaction(() => {
        const indexed = this.stmt.indexedSeq.get() as number;
        const found = query.all({ ...f, indexed, take }) as StoredRow[];
        // The artifacts after the indexed seq have no index row yet (rows are written in
        // batches): they are read directly. A body that does not parse is kept, so that
        // decoding it below refuses the page as corrupt rather than skipping it.
        for (let after = Math.max(f.after_seq, indexed); found.length < take; ) {
          const batch = this.stmt.batch.all(after) as StoredRow[];
          if (batch.length === 0) break;
          for (const row of batch) {
            const fields = parseIndexFields(row.body);
            if ((!fields || artifactMatches(fields, f)) && found.push(row) === take) break;
          }
          after = batch.at(-1)!.seq;
        }
        return found;
      }).deferred();
    });
    const page = rows.slice(0, f.limit);
    return {
      items: page.map(decodeOrThrow).filter((a) => artifactMatches(a, f)),
      next_cursor: rows.length > f.limit ? encodeCursor(page.at(-1)!.seq) : null,
    };
  }

  async verify(runId: string): Promise<VerifyReport> {
    const row = this.read(() => this.stmt.byId.get(runId) as StoredRow | undefined);
    return verifyOneRow(runId, row ?? null, {
      rowAt: async (seq) => this.read(() => (this.stmt.bySeq.get(seq) as StoredRow | undefined) ?? null),
      checkAttachment: (sha, size) => this.attachments.check(sha, size),
    });
  }

  async verifyAll(options: { full?: boolean } = {}): Promise<VerifyReport> {
    const verifier = new ChainVerifier(options.full ? 'full' : 'hashes');
    // One read transaction: the head and the rows come from the same snapshot even while others append.
    this.read(() =>
      this.db.transaction(() => {
        const head = this.stmt.head.get() as ChainHead;
        // Batches of .all(): far cheaper per row than .iterate() stepping one row at a time.
        for (let rows = this.stmt.batch.all(0) as StoredRow[]; rows.length > 0; rows = this.stmt.batch.all(rows.at(-1)!.seq) as StoredRow[]) {
          for (const row of rows) verifier.push(row);
        }
        verifier.checkHead(head);
      }).deferred(),
    );
    await checkAttachmentUses(verifier, (sha, size) => this.attachments.check(sha, size));
    return verifier.result();
  }

  async *exportAll(): AsyncIterable<RunArtifact> {
    let after = 0;
    for (;;) {
      const rows = this.read(
        () => this.db.prepare('SELECT seq, run_id, body FROM run_artifacts WHERE seq > ? ORDER BY seq LIMIT 1000').all(after) as StoredRow[],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield decodeOrThrow(row);
      after = rows.at(-1)!.seq;
    }
  }

  async rebuildIndexes(): Promise<{ indexed: number }> {
    try {
      return this.db.transaction(() => {
        this.db.exec('DELETE FROM run_index');
        let indexed = 0;
        // In batches: better-sqlite3 cannot write while a statement is still iterating.
        const batch = this.stmt.batch;
        for (let rows = batch.all(0) as StoredRow[]; rows.length > 0; rows = batch.all(rows.at(-1)!.seq) as StoredRow[]) {
          for (const row of rows) {
            const result = checkStoredRow(row);
            // A corrupt artifact is left out of the index; verify names it.
            if (!result.ok) continue;
            this.stmt.index.run(...indexValues(result.artifact));
            indexed += 1;
          }
        }
        this.db.exec('REINDEX run_index');
        this.db.prepare('UPDATE run_index_state SET indexed_seq = (SELECT COALESCE(MAX(seq), 0) FROM run_artifacts) WHERE id = 1').run();
        return { indexed };
      }).immediate();
    } catch (error) {
      throw toRunStoreError(error, 'rebuildIndexes');
    }
  }

  async close(): Promise<void> {
    // Writes already queued are committed (and answered), not dropped.
    if (this.db.open) await this.writer.close();
    if (this.db.open) this.db.close();
  }

  private read<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw toRunStoreError(error, 'read');
    }
  }
}
