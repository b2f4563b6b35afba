import type { RunArtifact, RunArtifactInput, RunAttachmentStored, RunStatus } from '@luthier/rmos-contracts';
import type { VerifyReport } from './verify-report.js';

/** Filters of list(); every one optional. Times compare against created_at (from inclusive, to exclusive). */
export interface RunListFilter {
  session_id?: string;
  status?: RunStatus;
  kind?: string;
  created_from?: string;
  created_to?: string;
  /** 1..500, default 50. */
  limit?: number;
  /** The next_cursor of the previous page. */
  cursor?: string;
}

export interface RunListPage {
  items: RunArtifact[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next_cursor: string | null;
}

/**
 * One storage interface, two backends (SQLite and PostgreSQL). It has no update
 * and no delete: artifacts are written once by persistRunArtifact and never change.
 * The write methods carry the authority functions' names on purpose, so the
 * boundary checks that forbid those names in the advisory zone also catch a
 * store object handed over by injection.
 */
export interface RunStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Validates, hashes, chains and stores one artifact; answers it once it is durable. */
  persistRunArtifact(input: RunArtifactInput): Promise<RunArtifact>;
  /** Stores bytes under their sha256 (idempotent); answers the reference an artifact carries. */
  putRunAttachment(bytes: Uint8Array, mediaType: string): Promise<RunAttachmentStored>;
  /** The attachment's bytes, handed out only after they hash to `sha256`; null if absent. */
  getAttachment(sha256: string): Promise<Uint8Array | null>;
  /** The artifact, re-validated on the way out; null if absent. */
  get(runId: string): Promise<RunArtifact | null>;
  list(filter?: RunListFilter): Promise<RunListPage>;
  /** Recomputes one artifact's hashes, its chain link and its attachments. */
  verify(runId: string): Promise<VerifyReport>;
  /**
   * Recomputes every hash and the whole chain, and checks every attachment; the
   * head row must name the last artifact. `full` re-runs the schema on each too.
   */
  verifyAll(options?: { full?: boolean }): Promise<VerifyReport>;
  /** Every artifact in chain order (for the auditors' export). */
  exportAll(): AsyncIterable<RunArtifact>;
  /** Rebuilds the derived query index from the artifacts themselves. */
  rebuildIndexes(): Promise<{ indexed: number }>;
  close(): Promise<void>;
}
