import { z } from 'zod';
import { canonicalJson, hasCanonicalShape, sha256Hex, type JsonValue } from '@luthier/shared-hashing';
import { actorSchema, sessionIdSchema } from './workflow.js';

/**
 * A RunArtifact records one authority action (an approval, a toolpath generation, …).
 * Artifacts are immutable and form a hash chain: each names the hash of the one
 * before it, and its `run_id` is derived from its own content.
 */

export const RUN_STATUSES = ['OK', 'BLOCKED', 'ERROR'] as const;
export const runStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof runStatusSchema>;

/** Largest canonical-JSON encoding (in UTF-8 bytes) of an artifact's `request` or `output`; put bulk data (G-code) in attachments. */
export const MAX_RUN_PAYLOAD_BYTES = 1024 * 1024;
/** Largest single attachment, in bytes. */
export const MAX_RUN_ATTACHMENT_BYTES = 64 * 1024 * 1024;
export const MAX_RUN_ATTACHMENTS = 32;

/**
 * The `prev_hash` of the first artifact of a log: sha256 of a fixed label, so that
 * a chain start is a deliberate value and never an all-zero placeholder.
 */
export const RUN_GENESIS_HASH = sha256Hex('luthier-rmos-runs/genesis/v1');

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256 digest');

export const runIdSchema = z.string().regex(/^run_[0-9a-f]{64}$/, 'a run id looks like run_ and 64 hex digits');

/** Kinds are lower-case slugs: approval, toolpaths, … */
export const runKindSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-z0-9_.-]*$/, 'a run kind is a lower-case slug');

/** Instants are always UTC with milliseconds (Date#toISOString), so they sort as text. */
export const runInstantSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'an instant looks like 2026-01-31T12:00:00.000Z')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString() === s, 'not a valid instant');

export const mediaTypeSchema = z
  .string()
  .max(127)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/, 'a media type such as text/x-gcode');

/** What putRunAttachment answers: the content address of stored bytes. */
export const runAttachmentStoredSchema = z.strictObject({
  sha256: sha256Schema,
  size_bytes: z.number().int().min(0).max(MAX_RUN_ATTACHMENT_BYTES),
  media_type: mediaTypeSchema,
});
export type RunAttachmentStored = z.infer<typeof runAttachmentStoredSchema>;

/** An artifact refers to its attachments by sha256; the bytes live in the store beside it. */
export const runAttachmentRefSchema = runAttachmentStoredSchema.extend({
  name: z.string().min(1).max(128).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'an attachment name is a plain file name'),
});
export type RunAttachmentRef = z.infer<typeof runAttachmentRefSchema>;

/** Engine version stamps, e.g. { feasibility: '1.0.0', 'post.grbl': '1.0.0' }. */
export const runVersionsSchema = z.record(
  z.string().min(1).max(64).regex(/^[a-z][a-z0-9_.-]*$/),
  z.string().min(1).max(64),
);

/**
 * What an authority function hands in: plain JSON. Checked by the canonical
 * encoder (which refuses NaN, undefined, Dates, class instances, cycles) rather
 * than z.json(), whose recursive union is an order of magnitude slower per append.
 */
/** Why a payload is refused: the schema's message, and the run store's input check's (followed there by the encoder's detail). */
export const PLAIN_JSON_PAYLOAD_MESSAGE = 'must be plain JSON (no NaN, undefined, Date or class instance)';
const payloadInputSchema = z.custom<JsonValue>(isPlainJson, PLAIN_JSON_PAYLOAD_MESSAGE);

function isPlainJson(value: unknown): boolean {
  try {
    canonicalJson(value);
    return true;
  } catch {
    return false;
  }
}
/**
 * On a stored artifact the payload is checked by the validator's canonical
 * encoding (which refuses anything that is not plain JSON) while it recomputes
 * the hashes: a second structural walk here would double the cost of verifying
 * a long log for no extra assurance.
 */
const storedPayloadSchema = z.unknown().refine((v) => v !== undefined, 'required');

function reasonMatchesStatus(value: { status: RunStatus; reason: string | null }, ctx: z.RefinementCtx): void {
  if (value.status === 'OK' && value.reason !== null) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: 'an OK artifact has reason null' });
  }
  if (value.status !== 'OK' && (value.reason === null || value.reason.trim() === '')) {
    ctx.addIssue({ code: 'custom', path: ['reason'], message: `a ${value.status} artifact must say why` });
  }
}

function uniqueAttachmentNames(value: { attachments?: RunAttachmentRef[] }, ctx: z.RefinementCtx): void {
  const names = new Set<string>();
  for (const [i, a] of (value.attachments ?? []).entries()) {
    if (names.has(a.name)) ctx.addIssue({ code: 'custom', path: ['attachments', i, 'name'], message: `duplicate attachment name ${a.name}` });
    names.add(a.name);
  }
}

const artifactFields = {
  kind: runKindSchema,
  status: runStatusSchema,
  reason: z.string().min(1).max(2000).nullable(),
  session_id: sessionIdSchema.nullable(),
  actor: actorSchema,
  versions: runVersionsSchema,
};

function inputSchemaWith<P extends z.ZodType>(payload: P) {
  return z
    .strictObject({
      ...artifactFields,
      request: payload,
      output: payload,
      attachments: z.array(runAttachmentRefSchema).max(MAX_RUN_ATTACHMENTS).optional(),
    })
    .superRefine(reasonMatchesStatus)
    .superRefine(uniqueAttachmentNames);
}

/** What an authority function hands persistRunArtifact; the store adds hashes, time, chain position and id. */
export const runArtifactInputSchema = inputSchemaWith(payloadInputSchema);
export type RunArtifactInput = z.input<typeof runArtifactInputSchema>;

/**
 * runArtifactInputSchema without its payload check, for a caller that checks the
 * payloads by encoding them and keeps the texts (the run store's parseRunInput: one
 * encoding per payload, where the schema's check would encode them once more and
 * throw the text away). Never enough alone: a payload it passes may not be plain JSON.
 */
export const runArtifactInputEnvelopeSchema = inputSchemaWith(z.unknown());

/** The canonical JSON texts of an artifact's request and output: what request_hash and output_hash are sha256 of. */
export interface RunPayloadTexts {
  request: string;
  output: string;
}

const artifactBodyObject = z.strictObject({
  ...artifactFields,
  /** Any plain JSON (bounded by MAX_RUN_PAYLOAD_BYTES); request_hash is sha256 of its canonical encoding. */
  request: storedPayloadSchema,
  output: storedPayloadSchema,
  request_hash: sha256Schema,
  output_hash: sha256Schema,
  created_at: runInstantSchema,
  attachments: z.array(runAttachmentRefSchema).max(MAX_RUN_ATTACHMENTS),
  /** The hash (run_id without its prefix) of the artifact before this one, or RUN_GENESIS_HASH. */
  prev_hash: sha256Schema,
  /** Position in the log, from 1, without gaps. */
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
});

/** The artifact without its run_id: what run_id is derived from. */
export const runArtifactBodySchema = artifactBodyObject.superRefine(reasonMatchesStatus).superRefine(uniqueAttachmentNames);
export type RunArtifactBody = z.infer<typeof runArtifactBodySchema>;

/** The public shape of a stored run artifact (GET /api/runs/:run_id answers this). */
export const runArtifactSchema = artifactBodyObject
  .extend({ run_id: runIdSchema })
  .superRefine(reasonMatchesStatus)
  .superRefine(uniqueAttachmentNames);
export type RunArtifact = z.infer<typeof runArtifactSchema>;

/** Every digest of an artifact, from one canonical encoding of each of its members. */
export interface RunArtifactDigests {
  /** canonicalJson of the whole artifact, as given (with run_id if it has one). */
  canonical: string;
  /** sha256 over the canonical JSON of everything but run_id: what run_id and the next prev_hash carry. */
  hash: string;
  request_hash: string;
  output_hash: string;
  /** UTF-8 sizes of the canonical request and output (how MAX_RUN_PAYLOAD_BYTES is measured). */
  request_bytes: number;
  output_bytes: number;
}

/**
 * The canonical encoding of an object is its members, sorted by key, joined: so
 * encoding each member once gives the whole artifact's text, the text without
 * run_id, and the request and output texts together, where hashing them one by
 * one would encode the payloads three times. Throws CanonicalJsonError for
 * anything that is not plain JSON.
 */
export function runArtifactDigests(artifact: object): RunArtifactDigests {
  const { keys, members, request, output } = encodeMembers(artifact);
  let withoutId = '{';
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'run_id') withoutId += (withoutId.length > 1 ? ',' : '') + members[i];
  }
  return {
    canonical: `{${members.join(',')}}`,
    hash: sha256Hex(withoutId + '}'),
    request_hash: sha256Hex(request),
    output_hash: sha256Hex(output),
    request_bytes: utf8Length(request),
    output_bytes: utf8Length(output),
  };
}

/** A new artifact's body before sealing: everything but the hashes and the run_id, which are derived from it. */
export type UnsealedRunArtifact = Omit<RunArtifactBody, 'request_hash' | 'output_hash'>;

/**
 * Seals a new artifact: request_hash and output_hash, then the run_id over the whole
 * body, and the canonical text to store, from one encoding of each member (the member
 * encoding runArtifactDigests, and so verify, recomputes them with). The store's
 * builder seals every artifact here and nowhere else. `payloads`, when given, are the
 * canonical texts of unsealed.request and unsealed.output, already encoded by the
 * caller (the store encodes each payload once, when it checks the input); they are
 * hashed and stored as they are.
 */
export function sealRunArtifact(unsealed: UnsealedRunArtifact, payloads?: RunPayloadTexts): { artifact: RunArtifact; digests: RunArtifactDigests } {
  // A run_id handed in would be hashed as body: the seal derives it, never takes it.
  if (Object.hasOwn(unsealed, 'run_id')) throw new TypeError('an unsealed artifact has no run_id');
  const request = payloads?.request ?? canonicalJson(unsealed.request);
  const output = payloads?.output ?? canonicalJson(unsealed.output);
  const body: RunArtifactBody = { ...unsealed, request_hash: sha256Hex(request), output_hash: sha256Hex(output) };
  const { keys, members } = encodeMembers(body, { request, output });
  const withoutId = `{${members.join(',')}}`;
  const hash = sha256Hex(withoutId);
  const runId = `run_${hash}`;
  // The run_id member goes where canonical key order puts it.
  let at = keys.findIndex((key) => key > 'run_id');
  if (at < 0) at = keys.length;
  members.splice(at, 0, memberPrefix('run_id') + JSON.stringify(runId));
  return {
    artifact: { ...body, run_id: runId },
    digests: {
      canonical: `{${members.join(',')}}`,
      hash,
      request_hash: body.request_hash,
      output_hash: body.output_hash,
      request_bytes: utf8Length(request),
      output_bytes: utf8Length(output),
    },
  };
}

/**
 * Each member of an artifact as canonical `"key":value` text, in canonical key order.
 * `known` payload texts are taken as they are (the caller has just encoded them).
 */
function encodeMembers(artifact: object, known?: { request: string; output: string }) {
  const proto = Object.getPrototypeOf(artifact);
  if (proto !== Object.prototype && proto !== null) return wholeDigests(artifact);
  // An artifact read back from storage (JSON.parse of canonical text) is already in
  // canonical shape: checked once here, its keys need no sort and each member's
  // canonical text is what the native JSON.stringify writes (verify's hot path).
  const sorted = !known && hasCanonicalShape(artifact);
  const record = artifact as Record<string, unknown>;
  const keys = sorted ? Object.keys(record) : Object.keys(record).sort(); // default sort: UTF-16 code units, as canonical JSON requires
  const members: string[] = new Array(keys.length);
  let request: string | undefined;
  let output: string | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    let encoded: string;
    if (known && (key === 'request' || key === 'output')) encoded = known[key];
    else encoded = sorted ? (JSON.stringify(record[key]) as string) : canonicalJson(record[key]);
    members[i] = memberPrefix(key) + encoded;
    if (key === 'request') request = encoded;
    if (key === 'output') output = encoded;
  }
  // A missing payload is refused (canonicalJson throws on undefined), never hashed as something else.
  request ??= canonicalJson((artifact as { request?: unknown }).request);
  output ??= canonicalJson((artifact as { output?: unknown }).output);
  return { keys, members, request, output };
}

/** `"key":` for an artifact's member; the artifact's few keys are encoded once. */
const memberPrefixes = new Map<string, string>();
function memberPrefix(key: string): string {
  let prefix = memberPrefixes.get(key);
  if (prefix === undefined) {
    prefix = `${JSON.stringify(key)}:`;
    if (memberPrefixes.size < 256) memberPrefixes.set(key, prefix);
  }
  return prefix;
}

function wholeDigests(artifact: object): never {
  // Not a plain object: let canonicalJson refuse it with its typed error.
  canonicalJson(artifact);
  throw new Error('unreachable');
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The artifact's hash: sha256 over the canonical JSON of everything but run_id. */
export function runArtifactHash(body: RunArtifactBody | RunArtifact): string {
  return runArtifactDigests(body).hash;
}

/** run_id = "run_" + the artifact's hash; anyone can recompute it from the artifact alone. */
export function deriveRunId(body: RunArtifactBody | RunArtifact): string {
  return `run_${runArtifactHash(body)}`;
}

/** The hash a run_id carries (what the next artifact's prev_hash names). */
export function runIdHash(runId: string): string {
  return runId.slice('run_'.length);
}

/** Size in UTF-8 bytes of the canonical encoding: how payload bounds are measured. */
export function canonicalByteLength(value: unknown): number {
  return new TextEncoder().encode(canonicalJson(value)).length;
}
