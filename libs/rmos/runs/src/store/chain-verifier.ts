import { RUN_GENESIS_HASH, runIdHash, type RunArtifact, type RunAttachmentRef } from '@luthier/rmos-contracts';
import { checkRunArtifact, checkRunArtifactHashes } from '@luthier/rmos-gates';
import type { ChainHead } from '../artifact/build-artifact.js';
import { RunArtifactCorruptError } from '../errors.js';
import { MAX_REPORTED_PROBLEMS, type VerifyProblem, type VerifyReport } from './verify-report.js';

const RUN_ID = /^run_[0-9a-f]{64}$/;

/** A row as both backends store it: the chain position, the id, and the artifact's canonical JSON text. */
export interface StoredRow {
  seq: number;
  run_id: string;
  body: string;
}

export type RowCheck = { ok: true; artifact: RunArtifact } | { ok: false; problems: VerifyProblem[]; artifact: RunArtifact | null };

/**
 * Everything one row can be checked for on its own: readable, canonical, hashes
 * recomputed, agreeing with its columns, and (mode 'full') the schema too.
 */
export function checkStoredRow(row: StoredRow, mode: 'full' | 'hashes' = 'full'): RowCheck {
  const at = { run_id: row.run_id, seq: row.seq };
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.body);
  } catch (error) {
    return { ok: false, artifact: null, problems: [{ ...at, code: 'ARTIFACT_UNREADABLE', message: `stored body is not JSON: ${(error as Error).message}` }] };
  }
  const problems: VerifyProblem[] = [];
  const check = mode === 'full' ? checkRunArtifact(parsed) : checkRunArtifactHashes(parsed);
  if (!check.ok) {
    problems.push({ ...at, code: 'ARTIFACT_INVALID', message: check.issues.map((i) => `${i.path}: ${i.message}`).join('; ') });
  }
  if (check.digests && check.digests.canonical !== row.body) {
    problems.push({ ...at, code: 'ARTIFACT_NOT_CANONICAL', message: 'stored bytes are not the canonical encoding they were written in' });
  }
  const body = parsed as Partial<RunArtifact>;
  if (body?.run_id !== row.run_id || body?.seq !== row.seq) {
    problems.push({
      ...at,
      code: 'ROW_MISMATCH',
      message: `row (seq ${row.seq}, ${row.run_id}) holds the artifact of seq ${String(body?.seq)}, ${String(body?.run_id)}`,
    });
  }
  return problems.length === 0 && check.ok ? { ok: true, artifact: check.artifact } : { ok: false, problems, artifact: check.ok ? check.artifact : null };
}

/** An attachment and every artifact that refers to it, so that a bad file names its artifacts. */
export interface AttachmentUse {
  ref: RunAttachmentRef;
  users: { run_id: string; seq: number }[];
}

/**
 * Walks the log in seq order and recomputes every hash and every chain link.
 * The chain is followed through the ids the rows claim, so a tampered artifact
 * is named once (its id no longer matches its content) rather than twice.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash: string = RUN_GENESIS_HASH;
  private checked = 0;
  private readonly problems: VerifyProblem[] = [];
  readonly attachments = new Map<string, AttachmentUse>();

  /** 'hashes' (the default for a whole log) recomputes every hash and link; 'full' also re-runs the schema. */
  constructor(private readonly mode: 'full' | 'hashes' = 'hashes') {}

  push(row: StoredRow): void {
    this.checked += 1;
    const result = checkStoredRow(row, this.mode);
    if (!result.ok) this.report(...result.problems);
    const claimed = result.artifact ?? (safeJson(row.body) as Partial<RunArtifact> | null);
    if (row.seq !== this.expectedSeq) {
      const missing = row.seq > this.expectedSeq ? `seq ${this.expectedSeq}..${row.seq - 1} missing` : `seq ${row.seq} out of order`;
      this.report({ code: 'SEQ_GAP', run_id: row.run_id, seq: row.seq, message: `${missing} before ${row.run_id}` });
    }
    const prev = typeof claimed?.prev_hash === 'string' ? claimed.prev_hash : null;
    if (prev !== this.prevHash) {
      this.report({
        code: 'CHAIN_BROKEN',
        run_id: row.run_id,
        seq: row.seq,
        message: `prev_hash ${String(prev)} does not name the artifact before it (run_${this.prevHash})`,
      });
    }
    for (const ref of claimed?.attachments ?? []) {
      const use = this.attachments.get(ref.sha256) ?? { ref, users: [] };
      use.users.push({ run_id: row.run_id, seq: row.seq });
      this.attachments.set(ref.sha256, use);
    }
    this.expectedSeq = row.seq + 1;
    this.prevHash = RUN_ID.test(row.run_id) ? runIdHash(row.run_id) : '(unreadable)';
  }

  /** The head row must point at the last artifact: a truncated log shows here. */
  checkHead(head: ChainHead): void {
    if (head.seq !== this.expectedSeq - 1 || head.hash !== this.prevHash) {
      this.report({
        code: 'HEAD_MISMATCH',
        run_id: `run_${head.hash}`,
        seq: head.seq,
        message: `the chain head names seq ${head.seq} (run_${head.hash}) but the log ends at seq ${this.expectedSeq - 1}`,
      });
    }
  }

  report(...problems: VerifyProblem[]): void {
    for (const p of problems) if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push(p);
  }

  result(): VerifyReport {
    return { ok: this.problems.length === 0, checked: this.checked, problems: [...this.problems] };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Stored artifacts are handed out only after they re-validate. */
export function decodeOrThrow(row: StoredRow): RunArtifact {
  const result = checkStoredRow(row);
  if (!result.ok) throw new RunArtifactCorruptError(row.run_id, result.problems.map((p) => p.message).join('; '));
  return result.artifact;
}
