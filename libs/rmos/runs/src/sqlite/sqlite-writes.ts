import type Database from 'better-sqlite3';
import { runIdHash, type RunArtifact } from '@luthier/rmos-contracts';
import { buildRunArtifact, checkedOnly, type AppendStamps, type ChainHead, type CheckedRunInput, type ParsedRunInput } from '../artifact/build-artifact.js';
import { SessionConflictError } from '../sessions/session-store.js';
import type { StoredRow } from '../store/chain-verifier.js';
import type { SqliteGroupCommit } from './group-commit.js';

/**
 * The writes of the embedded store, as data: checked on the caller's side (schema,
 * attachments present, session revision), then run inside a group transaction,
 * in this thread or in the writer thread (writer-thread/), by the same code below.
 */
export interface AppendWrite {
  /**
   * The checked fields and the payloads' canonical texts; in this thread also the payload values (a
   * ParsedRunInput), which spare reading the texts back. The writer thread is handed the texts only (forThread).
   */
  input: CheckedRunInput | ParsedRunInput;
  /** The artifact's created_at: taken when the append is submitted, so submission order is time order. */
  now: Date;
}

/** A session row to insert, or to swap in where the stored revision is still `expectedRevision`. */
export interface SessionRowWrite {
  session_id: string;
  revision: number;
  text: string;
  updated_at: string;
  expectedRevision?: number;
}

export type SqliteWrite =
  | { kind: 'append'; append: AppendWrite }
  | { kind: 'session-create'; row: SessionRowWrite }
  | { kind: 'session-update'; row: SessionRowWrite }
  /** The session change and then, in a nested savepoint, the artifact that records it: its own refusal leaves the change standing. */
  | { kind: 'session-update-then-append'; row: SessionRowWrite; append: AppendWrite }
  /** Brings the derived index up to the chain head (see indexPending). */
  | { kind: 'index-pending' };

/** A write as the writer thread is handed it: an append's input without its payload values (the texts cost far less to copy). */
export function forThread(write: SqliteWrite): SqliteWrite {
  if (write.kind === 'append' || write.kind === 'session-update-then-append') return { ...write, append: { ...write.append, input: checkedOnly(write.append.input) } };
  return write;
}

/** An artifact appended after a session change (its stamps), or why it was refused (the change stands). */
export type AppendOutcome = { ok: true; value: AppendStamps } | { ok: false; error: unknown };

/** An append answers the stamps it added (artifactFrom makes the artifact of them on the caller's side). */
export interface SqliteWriteResults {
  append: AppendStamps;
  'session-create': undefined;
  'session-update': undefined;
  'session-update-then-append': AppendOutcome;
  'index-pending': { indexed: number };
}

/**
 * How many appends may wait for their index rows: the write that brings the index up
 * to date joins the batch of every INDEX_BATCH-th append, so an append's own commit
 * touches only its artifact and the chain head (the index's five B-trees are written
 * once per batch instead of once per artifact). list() reads the rest directly.
 */
export const INDEX_BATCH = 128;

export type SqliteWriteResult<W extends SqliteWrite> = SqliteWriteResults[W['kind']];

/** Runs the writes against one connection; every call is made inside the group committer's transaction. */
export class SqliteWriteExecutor {
  private readonly stmt;
  /**
   * The index fields of the artifacts this executor appended since the last catch-up,
   * by seq, so that indexing them reads no body back. An entry is used only where the
   * stored row still has its run_id (a batch whose commit failed left entries whose
   * seq another writer may since have taken).
   */
  private readonly appended = new Map<number, { run_id: string; fields: IndexFields }>();

  constructor(
    db: Database.Database,
    private readonly group: SqliteGroupCommit,
  ) {
    this.stmt = {
      head: db.prepare('SELECT seq, head_hash AS hash FROM run_chain_head WHERE id = 1'),
      insert: db.prepare('INSERT INTO run_artifacts (seq, run_id, body) VALUES (?, ?, ?)'),
      index: indexStatement(db),
      indexedSeq: indexedSeqStatement(db),
      setIndexedSeq: db.prepare('UPDATE run_index_state SET indexed_seq = ? WHERE id = 1'),
      unindexed: db.prepare('SELECT seq, run_id FROM run_artifacts WHERE seq > ? ORDER BY seq LIMIT 1000'),
      bodyAt: db.prepare('SELECT body FROM run_artifacts WHERE seq = ?').pluck(),
      advance: db.prepare('UPDATE run_chain_head SET seq = ?, head_hash = ? WHERE id = 1'),
      sessionInsert: db.prepare(
        'INSERT INTO sessions (session_id, revision, body, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO NOTHING',
      ),
      sessionCas: db.prepare('UPDATE sessions SET revision = ?, body = ?, updated_at = ? WHERE session_id = ? AND revision = ?'),
    };
  }

  run<W extends SqliteWrite>(write: W): SqliteWriteResult<W>;
  run(write: SqliteWrite): SqliteWriteResults[keyof SqliteWriteResults] {
    switch (write.kind) {
      case 'append':
        return this.append(write.append);
      case 'session-create': {
        const { row } = write;
        if (this.stmt.sessionInsert.run(row.session_id, row.revision, row.text, row.updated_at).changes === 0) throw new SessionConflictError(row.session_id);
        return undefined;
      }
      case 'session-update':
        this.swapSession(write.row);
        return undefined;
      case 'session-update-then-append': {
        this.swapSession(write.row);
        return this.group.savepoint(() => this.append(write.append));
      }
      case 'index-pending':
        return { indexed: this.indexPending() };
    }
  }

  /**
   * Index rows for every artifact after the recorded indexed_seq (this process's and any
   * other's), then the new indexed_seq. A body that does not parse gets no row (verify
   * names it); the index is derived data, never what an artifact is checked against.
   */
  private indexPending(): number {
    const from = this.stmt.indexedSeq.get() as number;
    let after = from;
    let indexed = 0;
    type Key = Pick<StoredRow, 'seq' | 'run_id'>;
    for (let rows = this.stmt.unindexed.all(after) as Key[]; rows.length > 0; rows = this.stmt.unindexed.all(after) as Key[]) {
      for (const row of rows) {
        const own = this.appended.get(row.seq);
        const artifact = own?.run_id === row.run_id ? own.fields : parseIndexFields(this.stmt.bodyAt.get(row.seq) as string);
        if (artifact) {
          this.stmt.index.run(row.seq, row.run_id, artifact.kind, artifact.status, artifact.session_id, artifact.created_at);
          indexed += 1;
        }
      }
      after = rows.at(-1)!.seq;
    }
    if (after !== from) this.stmt.setIndexedSeq.run(after);
    this.appended.clear();
    return indexed;
  }

  /**
   * Reads the head and moves it under SQLite's write lock (the group transaction is
   * IMMEDIATE), so appends from several processes, and several appends of one batch,
   * each reading the head the one before moved, still form one chain.
   */
  private append({ input, now }: AppendWrite): AppendStamps {
    const head = this.stmt.head.get() as ChainHead;
    const { artifact, text, stamps } = buildRunArtifact(input, head, now);
    this.stmt.insert.run(artifact.seq, artifact.run_id, text);
    this.stmt.advance.run(artifact.seq, runIdHash(artifact.run_id));
    // Bounded: a catch-up clears it, and one joins every INDEX_BATCH-th append.
    if (this.appended.size < 4 * INDEX_BATCH) this.appended.set(artifact.seq, { run_id: artifact.run_id, fields: indexFields(artifact) });
    return stamps;
  }

  private swapSession(row: SessionRowWrite): void {
    const result = this.stmt.sessionCas.run(row.revision, row.text, row.updated_at, row.session_id, row.expectedRevision);
    if (result.changes === 0) throw new SessionConflictError(row.session_id);
  }
}

/** The derived index row of an artifact (rebuildIndexes writes the same rows). */
export function indexStatement(db: Database.Database): Database.Statement {
  return db.prepare('INSERT OR REPLACE INTO run_index (seq, run_id, kind, status, session_id, created_at) VALUES (?, ?, ?, ?, ?, ?)');
}

export function indexValues(a: RunArtifact): [number, string, string, string, string | null, string] {
  return [a.seq, a.run_id, a.kind, a.status, a.session_id, a.created_at];
}

type IndexFields = Pick<RunArtifact, 'kind' | 'status' | 'session_id' | 'created_at'>;

function indexFields(a: IndexFields): IndexFields {
  return { kind: a.kind, status: a.status, session_id: a.session_id, created_at: a.created_at };
}

/** The indexed fields of a stored body, or null if it does not parse into them. */
export function parseIndexFields(body: string): IndexFields | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const a = value as Partial<IndexFields> | null;
  const text = (x: unknown) => typeof x === 'string';
  if (!a || !text(a.kind) || !text(a.status) || !text(a.created_at) || !(a.session_id === null || text(a.session_id))) return null;
  return indexFields(a as IndexFields);
}

/**
 * The seq up to which run_index is complete. A store at schema version 1 (read-only
 * opens do not migrate) indexed every artifact as it was appended.
 */
export function indexedSeqStatement(db: Database.Database): Database.Statement {
  const hasState = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'run_index_state'").get();
  return hasState
    ? db.prepare('SELECT indexed_seq FROM run_index_state WHERE id = 1').pluck()
    : db.prepare('SELECT COALESCE(MAX(seq), 0) FROM run_index').pluck();
}
