import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_RUN_PAYLOAD_BYTES, RUN_GENESIS_HASH, deriveRunId, runArtifactDigests, runArtifactSchema, sealRunArtifact, type RunArtifact } from '@luthier/rmos-contracts';
import { RunArtifactValidationError, checkRunArtifact, checkRunArtifactHashes, validateNewRunArtifact, validateRunArtifact, validateSealedRunArtifact } from '@luthier/rmos-gates';
import { canonicalJson, hashCanonical } from '@luthier/shared-hashing';
import { artifactFrom, buildRunArtifact, checkedOnly, GENESIS_HEAD, parseRunInput } from '../src/artifact/build-artifact.js';
import { runInput } from './helpers/fixtures-data.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const built = (overrides = {}) => buildRunArtifact(parseRunInput(runInput(overrides)), GENESIS_HEAD, NOW).artifact;

test('a built artifact passes the validator and the public schema', () => {
  const a = built();
  assert.deepEqual(validateRunArtifact(a), a);
  assert.equal(runArtifactSchema.safeParse(a).success, true);
  assert.equal(a.prev_hash, RUN_GENESIS_HASH);
  assert.match(a.run_id, /^run_[0-9a-f]{64}$/);
});

test('run_id depends on content, not on key order', () => {
  const a = built();
  const reordered = Object.fromEntries(Object.entries(a).reverse()) as RunArtifact;
  assert.equal(deriveRunId(reordered), a.run_id);
  assert.notEqual(deriveRunId({ ...a, created_at: '2026-11-23T12:00:00.001Z' }), a.run_id);
});

test('a missing or zero-filled hash is refused, never filled in', () => {
  const a = built();
  for (const field of ['request_hash', 'output_hash', 'prev_hash', 'run_id'] as const) {
    const { [field]: _dropped, ...missing } = a;
    assert.throws(() => validateRunArtifact(missing), RunArtifactValidationError, `missing ${field}`);
    const zeros = { ...a, [field]: field === 'run_id' ? `run_${'0'.repeat(64)}` : '0'.repeat(64) };
    assert.throws(() => validateRunArtifact(zeros), RunArtifactValidationError, `zeroed ${field}`);
  }
});

test('every field is covered by the hashes: changing any leaf is caught', () => {
  const a = built({ attachments: [{ name: 'p.nc', sha256: 'd'.repeat(64), size_bytes: 10, media_type: 'text/x-gcode' }] });
  const edits: [string, (x: RunArtifact) => void][] = [
    ['status', (x) => ((x.status = 'BLOCKED'), (x.reason = 'forged'))],
    ['reason', (x) => ((x.status = 'ERROR'), (x.reason = 'x'))],
    ['kind', (x) => (x.kind = 'toolpaths')],
    ['actor', (x) => (x.actor = { actor_id: 'mallory', role: 'approver' })],
    ['session', (x) => (x.session_id = null)],
    ['request', (x) => (x.request = { other: true })],
    ['output', (x) => ((x.output = { risk_bucket: 'RED' }), (x.output_hash = hashCanonical(x.output)))],
    ['versions', (x) => (x.versions = {})],
    ['created_at', (x) => (x.created_at = '2020-01-01T00:00:00.000Z')],
    ['attachment', (x) => (x.attachments[0].size_bytes = 11)],
    ['seq', (x) => (x.seq = 2)],
  ];
  for (const [name, edit] of edits) {
    const copy = structuredClone(a);
    edit(copy);
    const result = checkRunArtifact(copy);
    assert.equal(result.ok, false, name);
  }
});

test('status and reason agree: OK has none, BLOCKED and ERROR must say why', () => {
  assert.throws(() => parseRunInput(runInput({ status: 'BLOCKED', reason: null })), RunArtifactValidationError);
  assert.throws(() => parseRunInput(runInput({ status: 'OK', reason: 'because' })), RunArtifactValidationError);
  assert.equal(built({ status: 'ERROR', reason: 'engine threw' }).reason, 'engine threw');
});

test('engine stamps: a new artifact needs current versions; an unknown engine never verifies', () => {
  const stale = built({ versions: {} });
  const withStamp = (versions: Record<string, string>) => {
    const { run_id: _id, ...body } = { ...stale, versions };
    return { ...body, run_id: deriveRunId(body) };
  };
  assert.throws(() => validateNewRunArtifact(withStamp({ feasibility: '0.0.1' })), /versions/);
  assert.equal(checkRunArtifact(withStamp({ 'no.such.engine': '1.0.0' })).ok, false);
  assert.doesNotThrow(() => validateNewRunArtifact(withStamp({ feasibility: built().versions.feasibility })));
});

test('for any JSON request and output, a built artifact verifies and any change to the payload does not', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (request, output) => {
      const norm = (v: unknown) => JSON.parse(JSON.stringify(v)) as never;
      const a = buildRunArtifact(parseRunInput(runInput({ request: norm(request), output: norm(output) })), GENESIS_HEAD, NOW).artifact;
      assert.equal(checkRunArtifact(a).ok, true);
      assert.equal(checkRunArtifact({ ...a, request: { wrapped: a.request } }).ok, false);
      assert.equal(checkRunArtifact({ ...a, output: [a.output] }).ok, false);
    }),
    { numRuns: 200 },
  );
});

test('sealing: the stored text is the canonical JSON of the sealed artifact, and the full validator recomputes every hash of it', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 12 }), (request, output, note) => {
      const norm = (v: unknown) => JSON.parse(JSON.stringify(v)) as never;
      const { artifact, text } = buildRunArtifact(parseRunInput(runInput({ request: norm(request), output: { note, value: norm(output) } })), GENESIS_HEAD, NOW);
      assert.equal(text, canonicalJson(artifact));
      const check = checkRunArtifact(JSON.parse(text));
      assert.equal(check.ok, true);
      assert.equal(check.digests?.canonical, text);
    }),
    { numRuns: 200 },
  );
});

test('a payload that is not plain JSON is refused by the input check, typed and naming the payload, with the schema issues beside it', () => {
  for (const [request, detail] of [
    [{ at: new Date(0) }, /request: must be plain JSON.*not a plain object \(Date\) at \$\.at/],
    [{ n: Number.NaN }, /request: must be plain JSON.*non-finite number NaN at \$\.n/],
    [{ u: undefined }, /request: must be plain JSON.*undefined value at \$\.u/],
    [undefined, /request: must be plain JSON.*unsupported undefined at \$/],
  ] as const) {
    assert.throws(() => parseRunInput(runInput({ request: request as never })), (error: unknown) => error instanceof RunArtifactValidationError && detail.test(error.message));
  }
  assert.throws(
    () => parseRunInput(runInput({ kind: 'Not A Slug', output: [1n] as never })),
    (error: unknown) => error instanceof RunArtifactValidationError && /kind: /.test(error.message) && /output: must be plain JSON/.test(error.message),
  );
});

test('the input check keeps each payload\'s canonical text, and the artifact made of the stamps an append answers is the one that was stored', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (request, output) => {
      const norm = (v: unknown) => JSON.parse(JSON.stringify(v)) as never;
      const parsed = parseRunInput(runInput({ request: norm(request), output: { value: norm(output) } }));
      assert.deepEqual(parsed.payloads, { request: canonicalJson(parsed.request), output: canonicalJson(parsed.output) });
      // What a writer thread is handed: the fields and the texts, not the values.
      assert.deepEqual(Object.keys(checkedOnly(parsed)).sort(), ['fields', 'payloads']);
      const stored = buildRunArtifact(checkedOnly(parsed), { seq: 41, hash: 'a'.repeat(64) }, NOW);
      assert.deepEqual(artifactFrom(parsed, NOW, stored.stamps), stored.artifact);
      assert.equal(canonicalJson(artifactFrom(parsed, NOW, stored.stamps)), stored.text);
    }),
    { numRuns: 200 },
  );
});

test('sealing derives the run_id: one handed in is refused, not hashed as body', () => {
  const { run_id, request_hash: _r, output_hash: _o, ...unsealed } = built();
  assert.throws(() => sealRunArtifact({ ...unsealed, run_id } as never), /no run_id/);
  assert.equal(sealRunArtifact(unsealed).artifact.run_id, run_id);
});

test('the sealed validator still checks schema, payload bounds and current engine stamps', () => {
  const { run_id: _id, request_hash: _r, output_hash: _o, ...unsealed } = built();
  assert.throws(() => validateSealedRunArtifact(sealRunArtifact({ ...unsealed, versions: { feasibility: '0.0.1' } })), /versions/);
  assert.throws(() => validateSealedRunArtifact(sealRunArtifact({ ...unsealed, kind: 'Not A Slug' })), RunArtifactValidationError);
  assert.throws(() => validateSealedRunArtifact(sealRunArtifact({ ...unsealed, request: 'x'.repeat(MAX_RUN_PAYLOAD_BYTES) })), /request: \d+ bytes exceeds/);
  assert.doesNotThrow(() => validateSealedRunArtifact(sealRunArtifact(unsealed)));
});

test('runArtifactDigests agrees with canonicalJson and hashCanonical for any artifact-shaped object', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })), fc.jsonValue({ maxDepth: 3 }), (extra, request) => {
      const norm = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
      const obj = norm({ ...extra, request, output: extra, run_id: 'run_x' });
      const { run_id: _id, ...rest } = obj;
      const d = runArtifactDigests(obj);
      assert.equal(d.canonical, canonicalJson(obj));
      assert.equal(d.hash, hashCanonical(rest));
      assert.equal(d.request_hash, hashCanonical(obj.request));
      assert.equal(d.output_hash, hashCanonical(obj.output));
    }),
    { numRuns: 300 },
  );
});

test('the hash half alone passes a self-consistent but schema-invalid artifact; the full validator does not', () => {
  const { run_id: _id, ...body } = { ...built(), status: 'MAYBE' } as Record<string, unknown>;
  const forged = { ...body, run_id: `run_${runArtifactDigests(body).hash}` };
  assert.equal(checkRunArtifactHashes(forged).ok, true);
  assert.equal(checkRunArtifact(forged).ok, false);
  const { request: _r, ...noRequest } = body;
  assert.equal(checkRunArtifactHashes({ ...noRequest, run_id: forged.run_id }).ok, false);
});
