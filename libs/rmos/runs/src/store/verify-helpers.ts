import { RUN_GENESIS_HASH, runIdHash, type RunArtifact } from '@luthier/rmos-contracts';
import type { AttachmentFileState } from '../attachments/file-attachments.js';
import { checkStoredRow, type ChainVerifier, type StoredRow } from './chain-verifier.js';
import type { VerifyProblem, VerifyReport } from './verify-report.js';

export type AttachmentChecker = (sha256: string, size: number) => Promise<AttachmentFileState>;

/** Checks each distinct attachment once and names every artifact that refers to a bad one. */
export async function checkAttachmentUses(verifier: ChainVerifier, check: AttachmentChecker): Promise<void> {
  for (const [sha, use] of verifier.attachments) {
    const state = await check(sha, use.ref.size_bytes);
    if (state.state === 'ok') continue;
    for (const user of use.users) {
      verifier.report({
        code: state.state === 'missing' ? 'ATTACHMENT_MISSING' : 'ATTACHMENT_CORRUPT',
        run_id: user.run_id,
        seq: user.seq,
        message: `attachment ${use.ref.name} (${sha}) ${state.state === 'missing' ? 'is missing' : state.detail}`,
      });
    }
  }
}

/** One artifact: its own hashes, its links to both neighbours, and its attachments. */
export async function verifyOneRow(
  runId: string,
  row: StoredRow | null,
  io: { rowAt(seq: number): Promise<StoredRow | null>; checkAttachment: AttachmentChecker },
): Promise<VerifyReport> {
  if (!row) return { ok: false, checked: 0, problems: [{ code: 'NOT_FOUND', run_id: runId, seq: null, message: `no artifact ${runId}` }] };
  const problems: VerifyProblem[] = [];
  const result = checkStoredRow(row);
  if (!result.ok) problems.push(...result.problems);
  const artifact: Partial<RunArtifact> | null = result.artifact ?? safeJson(row.body);
  const at = { run_id: row.run_id, seq: row.seq };
  const prev = row.seq === 1 ? null : await io.rowAt(row.seq - 1);
  const expectedPrev = row.seq === 1 ? RUN_GENESIS_HASH : prev ? runIdHash(prev.run_id) : null;
  if (expectedPrev === null) {
    problems.push({ ...at, code: 'SEQ_GAP', message: `the artifact before it (seq ${row.seq - 1}) is missing` });
  } else if (artifact?.prev_hash !== expectedPrev) {
    problems.push({ ...at, code: 'CHAIN_BROKEN', message: `prev_hash does not name the artifact before it (run_${expectedPrev})` });
  }
  const next = await io.rowAt(row.seq + 1);
  if (next && (safeJson(next.body) as Partial<RunArtifact> | null)?.prev_hash !== runIdHash(row.run_id)) {
    problems.push({ run_id: next.run_id, seq: next.seq, code: 'CHAIN_BROKEN', message: `the artifact after ${row.run_id} does not link to it` });
  }
  for (const ref of artifact?.attachments ?? []) {
    const state = await io.checkAttachment(ref.sha256, ref.size_bytes);
    if (state.state !== 'ok') {
      problems.push({
        ...at,
        code: state.state === 'missing' ? 'ATTACHMENT_MISSING' : 'ATTACHMENT_CORRUPT',
        message: `attachment ${ref.name} (${ref.sha256}) ${state.state === 'missing' ? 'is missing' : state.detail}`,
      });
    }
  }
  return { ok: problems.length === 0, checked: 1, problems };
}

function safeJson(text: string): Partial<RunArtifact> | null {
  try {
    return JSON.parse(text) as Partial<RunArtifact>;
  } catch {
    return null;
  }
}
