import {
  MAX_RUN_PAYLOAD_BYTES,
  runArtifactDigests,
  runArtifactSchema,
  type RunArtifact,
  type RunArtifactDigests,
} from '@luthier/rmos-contracts';
import { assertKnownStamps } from '@luthier/rmos-engines';
import { CanonicalJsonError } from '@luthier/shared-hashing';

/**
 * The artifact validator: every run artifact passes it before it is stored, and
 * the store's verify runs it again over what was stored. It checks the schema and
 * recomputes every hash; it never fills in a missing one.
 */

export interface ArtifactIssue {
  path: string;
  message: string;
}

/** A malformed artifact: refused before anything is written. */
export class RunArtifactValidationError extends Error {
  readonly code = 'RUN_ARTIFACT_INVALID';
  readonly status = 422;
  constructor(
    readonly issues: ArtifactIssue[],
    readonly runId: string | null = null,
  ) {
    super(`run artifact${runId ? ` ${runId}` : ''} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'RunArtifactValidationError';
  }
}

/** zod's issues as the validator reports them: a dotted path ((root) for the whole) and the message. */
export function schemaIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ArtifactIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

export type ArtifactCheck =
  | { ok: true; artifact: RunArtifact; digests: RunArtifactDigests }
  | { ok: false; issues: ArtifactIssue[]; digests: RunArtifactDigests | null };

/**
 * Schema, payload bounds, request/output hashes and the content-derived run_id,
 * without throwing. The digests (including the artifact's canonical text) are
 * answered too, so that verify compares stored bytes without encoding twice.
 */
export function checkRunArtifact(candidate: unknown): ArtifactCheck {
  const parsed = runArtifactSchema.safeParse(candidate);
  if (!parsed.success) {
    return {
      ok: false,
      digests: null,
      issues: schemaIssues(parsed.error.issues),
    };
  }
  const hashes = checkRunArtifactHashes(parsed.data);
  return hashes.ok ? { ok: true, artifact: parsed.data, digests: hashes.digests } : hashes;
}

/**
 * The hash half of the validator: recomputes request_hash, output_hash and the
 * content-derived run_id (and checks payload bounds and engine stamps), without the
 * schema walk. Verifying a whole log uses this: every stored byte is covered by
 * these hashes and the chain, so an artifact that passes is byte for byte one that
 * passed the full validator when it was stored.
 */
export function checkRunArtifactHashes(candidate: unknown): ArtifactCheck {
  const artifact = candidate as RunArtifact;
  if (artifact === null || typeof artifact !== 'object' || Array.isArray(artifact)) {
    return { ok: false, digests: null, issues: [{ path: '(root)', message: 'an artifact is a JSON object' }] };
  }
  let digests: RunArtifactDigests;
  try {
    digests = runArtifactDigests(artifact);
  } catch (error) {
    // Not plain JSON (NaN, undefined, a class instance…): it has no hash, so it is refused.
    const path = error instanceof CanonicalJsonError ? error.path.replace(/^\$\.?/, '') : '';
    return { ok: false, digests: null, issues: [{ path: path || '(root)', message: (error as Error).message }] };
  }
  const issues = payloadBoundIssues(digests);
  if (digests.request_hash !== artifact.request_hash) {
    issues.push({ path: 'request_hash', message: 'does not match sha256 of the canonical request' });
  }
  if (digests.output_hash !== artifact.output_hash) {
    issues.push({ path: 'output_hash', message: 'does not match sha256 of the canonical output' });
  }
  // Stored artifacts may carry a version since retired; a stamp the registry never declared is an error.
  const stamps = stampIssue(artifact.versions, true);
  if (stamps) issues.push(stamps);
  const expectedId = `run_${digests.hash}`;
  if (expectedId !== artifact.run_id) {
    issues.push({ path: 'run_id', message: `does not match the artifact's content (expected ${expectedId})` });
  }
  return issues.length === 0 ? { ok: true, artifact, digests } : { ok: false, issues, digests };
}

/** Throws RunArtifactValidationError unless the artifact is well formed and every hash recomputes. */
export function validateRunArtifact(candidate: unknown): RunArtifact {
  const result = checkRunArtifact(candidate);
  if (!result.ok) throw new RunArtifactValidationError(result.issues, runIdOf(candidate));
  return result.artifact;
}

function runIdOf(candidate: unknown): string | null {
  const id = (candidate as { run_id?: unknown } | null)?.run_id;
  return typeof id === 'string' ? id : null;
}

/**
 * The check for an artifact about to be stored: everything validateRunArtifact
 * checks, and its engine stamps must be versions the registry declares. Stored
 * artifacts are re-verified with validateRunArtifact alone, so that retiring an
 * engine version never makes the history fail verification. Answers the artifact
 * and its digests (digests.canonical is the exact text to store).
 */
export function validateNewRunArtifact(candidate: unknown): { artifact: RunArtifact; digests: RunArtifactDigests } {
  const result = checkRunArtifact(candidate);
  if (!result.ok) throw new RunArtifactValidationError(result.issues, runIdOf(candidate));
  const stamps = stampIssue(result.artifact.versions, false);
  if (stamps) throw new RunArtifactValidationError([stamps], result.artifact.run_id);
  return { artifact: result.artifact, digests: result.digests };
}

/**
 * The check for an artifact just sealed by sealRunArtifact, about to be stored: the
 * schema, payload bounds and engine stamps (declared versions only), as
 * validateNewRunArtifact checks them. Its hashes are not computed a second time:
 * sealing derived them, once, with the member encoding that verify recomputes them
 * with; an artifact from anywhere else goes through validateNewRunArtifact.
 */
export function validateSealedRunArtifact(sealed: { artifact: RunArtifact; digests: RunArtifactDigests }): { artifact: RunArtifact; digests: RunArtifactDigests } {
  const parsed = runArtifactSchema.safeParse(sealed.artifact);
  const runId = runIdOf(sealed.artifact);
  if (!parsed.success) throw new RunArtifactValidationError(schemaIssues(parsed.error.issues), runId);
  const issues = payloadBoundIssues(sealed.digests);
  const stamps = stampIssue(parsed.data.versions, false);
  if (stamps) issues.push(stamps);
  if (issues.length > 0) throw new RunArtifactValidationError(issues, runId);
  return { artifact: parsed.data, digests: sealed.digests };
}

function payloadBoundIssues(digests: RunArtifactDigests): ArtifactIssue[] {
  const issues: ArtifactIssue[] = [];
  for (const field of ['request', 'output'] as const) {
    const size = digests[`${field}_bytes`];
    if (size > MAX_RUN_PAYLOAD_BYTES) issues.push({ path: field, message: `${size} bytes exceeds ${MAX_RUN_PAYLOAD_BYTES}` });
  }
  return issues;
}

function stampIssue(versions: Record<string, string>, allowRetired: boolean): ArtifactIssue | null {
  try {
    assertKnownStamps(versions, { allowRetired });
    return null;
  } catch (error) {
    return { path: 'versions', message: (error as Error).message };
  }
}
