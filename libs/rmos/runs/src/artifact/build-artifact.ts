import {
  PLAIN_JSON_PAYLOAD_MESSAGE,
  RUN_GENESIS_HASH,
  runArtifactInputEnvelopeSchema,
  runIdHash,
  sealRunArtifact,
  type RunArtifact,
  type RunArtifactInput,
  type RunPayloadTexts,
  type UnsealedRunArtifact,
} from '@luthier/rmos-contracts';
import { RunArtifactValidationError, schemaIssues, validateSealedRunArtifact, type ArtifactIssue } from '@luthier/rmos-gates';
import { canonicalJson, CanonicalJsonError, type JsonValue } from '@luthier/shared-hashing';

/** Where the chain ends right now: the last artifact's seq and hash (0 and the genesis hash for an empty log). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export const GENESIS_HEAD: ChainHead = Object.freeze({ seq: 0, hash: RUN_GENESIS_HASH });

/** Every field of an artifact input but its payloads, as the schema answered them. */
export type RunInputFields = Omit<ReturnType<typeof runArtifactInputEnvelopeSchema.parse>, 'request' | 'output'>;

/**
 * An input that passed the schema, its payloads encoded once, here: the texts are what
 * is hashed and stored, so nothing encodes them again (a writer thread is handed only
 * the texts, which cost far less to hand over than the values).
 */
export interface CheckedRunInput {
  fields: RunInputFields;
  payloads: RunPayloadTexts;
}

/** A checked input with its payload values, on the caller's side (they are what the stored texts encode). */
export interface ParsedRunInput extends CheckedRunInput {
  request: JsonValue;
  output: JsonValue;
}

/**
 * Refuses malformed input with the validator's typed error before any lock is taken or
 * byte written: the schema's fields, and payloads that are plain JSON (the canonical
 * encoder refuses anything else, and its text is kept).
 */
export function parseRunInput(input: RunArtifactInput): ParsedRunInput {
  const parsed = runArtifactInputEnvelopeSchema.safeParse(input);
  const issues: ArtifactIssue[] = parsed.success ? [] : schemaIssues(parsed.error.issues);
  const payload = (field: 'request' | 'output'): string => {
    try {
      return canonicalJson((input as Record<string, unknown> | null)?.[field]);
    } catch (error) {
      if (!(error instanceof CanonicalJsonError)) throw error;
      issues.push({ path: field, message: `${PLAIN_JSON_PAYLOAD_MESSAGE}: ${error.message}` });
      return '';
    }
  };
  const payloads = { request: payload('request'), output: payload('output') };
  if (!parsed.success || issues.length > 0) throw new RunArtifactValidationError(issues);
  const { request, output, ...fields } = parsed.data;
  return { fields, payloads, request: request as JsonValue, output: output as JsonValue };
}

/** The checked input alone, without its payload values: what a writer thread is handed. */
export function checkedOnly({ fields, payloads }: CheckedRunInput): CheckedRunInput {
  return { fields, payloads };
}

/**
 * What the store adds to an input when it appends it: the chain position and the hashes.
 * With the input and its time, they give the whole artifact back (artifactFrom).
 */
export interface AppendStamps {
  seq: number;
  prev_hash: string;
  request_hash: string;
  output_hash: string;
  run_id: string;
}

/**
 * The next artifact of the chain: hashes computed here from the input's canonical
 * texts (never taken from an artifact handed in), linked to `head`, its run_id derived from the
 * content by sealRunArtifact, and the whole passed through the gates' validator
 * before it is stored. Also answers the canonical text that is stored.
 */
export function buildRunArtifact(input: CheckedRunInput | ParsedRunInput, head: ChainHead, now: Date): { artifact: RunArtifact; text: string; stamps: AppendStamps } {
  // The values where the caller still holds them (PostgreSQL, in the caller's thread); read back from the texts in a writer thread.
  const values = 'request' in input ? input : { request: JSON.parse(input.payloads.request) as JsonValue, output: JSON.parse(input.payloads.output) as JsonValue };
  const unsealed = unsealedArtifact(input.fields, values, { seq: head.seq + 1, prev_hash: head.hash }, now);
  const { artifact, digests } = validateSealedRunArtifact(sealRunArtifact(unsealed, input.payloads));
  const stamps = { seq: artifact.seq, prev_hash: artifact.prev_hash, request_hash: artifact.request_hash, output_hash: artifact.output_hash, run_id: artifact.run_id };
  return { artifact, text: digests.canonical, stamps };
}

/**
 * The artifact a store appended, from the input it was handed and the stamps it
 * answered: the same object buildRunArtifact made where it was stored (built from the
 * same fields by the same code), without handing the artifact back across a thread.
 * Its request and output are the caller's own values, whose canonical texts were stored.
 */
export function artifactFrom(input: ParsedRunInput, now: Date, stamps: AppendStamps): RunArtifact {
  const unsealed = unsealedArtifact(input.fields, input, stamps, now);
  return { ...unsealed, request_hash: stamps.request_hash, output_hash: stamps.output_hash, run_id: stamps.run_id };
}

function unsealedArtifact(
  fields: RunInputFields,
  values: { request: JsonValue; output: JsonValue },
  position: { seq: number; prev_hash: string },
  now: Date,
): UnsealedRunArtifact {
  return {
    kind: fields.kind,
    status: fields.status,
    reason: fields.reason,
    session_id: fields.session_id,
    actor: fields.actor,
    request: values.request,
    output: values.output,
    versions: fields.versions,
    created_at: now.toISOString(),
    attachments: fields.attachments ?? [],
    prev_hash: position.prev_hash,
    seq: position.seq,
  };
}

/** The head after `artifact`. */
export function headAfter(artifact: RunArtifact): ChainHead {
  return { seq: artifact.seq, hash: runIdHash(artifact.run_id) };
}
