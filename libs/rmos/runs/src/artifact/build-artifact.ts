import {
  RUN_GENESIS_HASH,
  runArtifactInputSchema,
  runIdHash,
  type RunArtifact,
  type RunArtifactBody,
  type RunArtifactInput,
} from '@luthier/rmos-contracts';
import { RunArtifactValidationError, validateNewRunArtifact } from '@luthier/rmos-gates';
import { canonicalJson, sha256Hex } from '@luthier/shared-hashing';

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
    throw new RunArtifactValidationError(parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })));
  }
  return parsed.data;
}

/**
 * The next artifact of the chain: hashes computed here (never taken from the
 * caller), linked to `head`, its run_id derived from the content, and the whole
 * passed through the gates' validator. Also answers the canonical text that is stored.
 */
export function buildRunArtifact(input: ParsedRunInput, head: ChainHead, now: Date): { artifact: RunArtifact; text: string } {
  // Each payload is encoded once here and its text reused for the run_id; the validator
  // below still recomputes every hash on its own.
  const requestText = canonicalJson(input.request);
  const outputText = canonicalJson(input.output);
  const body: RunArtifactBody = {
    kind: input.kind,
    status: input.status,
    reason: input.reason,
    session_id: input.session_id,
    actor: input.actor,
    request: input.request,
    output: input.output,
    request_hash: sha256Hex(requestText),
    output_hash: sha256Hex(outputText),
    versions: input.versions,
    created_at: now.toISOString(),
    attachments: input.attachments ?? [],
    prev_hash: head.hash,
    seq: head.seq + 1,
  };
  // Validated as a whole (schema, every hash recomputed independently, stamps) before it is stored.
  const run_id = `run_${sha256Hex(canonicalBody(body, requestText, outputText))}`;
  const { artifact, digests } = validateNewRunArtifact({ ...body, run_id });
  return { artifact, text: digests.canonical };
}

/**
 * canonicalJson(body), with the payloads' texts already at hand: members sorted by
 * key (UTF-16 order, as canonical JSON sorts), the same way runArtifactDigests joins
 * them. A mismatch could not slip through: the validator derives the run_id again.
 */
function canonicalBody(body: RunArtifactBody, requestText: string, outputText: string): string {
  const members = Object.keys(body)
    .sort()
    .map((key) => {
      const value = key === 'request' ? requestText : key === 'output' ? outputText : canonicalJson((body as Record<string, unknown>)[key]);
      return `${JSON.stringify(key)}:${value}`;
    });
  return `{${members.join(',')}}`;
}

/** The head after `artifact`. */
export function headAfter(artifact: RunArtifact): ChainHead {
  return { seq: artifact.seq, hash: runIdHash(artifact.run_id) };
}
