import { RUN_GENESIS_HASH, runArtifactInputSchema, runIdHash, sealRunArtifact, type RunArtifact, type RunArtifactInput } from '@luthier/rmos-contracts';
import { RunArtifactValidationError, schemaIssues, validateSealedRunArtifact } from '@luthier/rmos-gates';

/** Where the chain ends right now: the last artifact's seq and hash (0 and the genesis hash for an empty log). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const GENESIS_HEAD: ChainHead = Object.freeze({ seq: 0, hash: RUN_GENESIS_HASH });

export type ParsedRunInput = ReturnType<typeof runArtifactInputSchema.parse>;

/** Refuses malformed input with the validator's typed error before any lock is taken or byte written. */
export function parseRunInput(input: RunArtifactInput): ParsedRunInput {
  const parsed = runArtifactInputSchema.safeParse(input);
  if (!parsed.success) {
    throw new RunArtifactValidationError(schemaIssues(parsed.error.issues));
  }
  return parsed.data;
}

/**
 * The next artifact of the chain: hashes computed here (never taken from the
 * caller), linked to `head`, its run_id derived from the content by sealRunArtifact,
 * and the whole passed through the gates' validator before it is stored. Also
 * answers the canonical text that is stored.
 */
export function buildRunArtifact(input: ParsedRunInput, head: ChainHead, now: Date): { artifact: RunArtifact; text: string } {
  const { artifact, digests } = validateSealedRunArtifact(
    sealRunArtifact({
      kind: input.kind,
      status: input.status,
      reason: input.reason,
      session_id: input.session_id,
      actor: input.actor,
      request: input.request,
      output: input.output,
      versions: input.versions,
      created_at: now.toISOString(),
      attachments: input.attachments ?? [],
      prev_hash: head.hash,
      seq: head.seq + 1,
    }),
  );
  return { artifact, text: digests.canonical };
}

/** The head after `artifact`. */
export function headAfter(artifact: RunArtifact): ChainHead {
  return { seq: artifact.seq, hash: runIdHash(artifact.run_id) };
}
