import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError, hashCanonical, sha256Hex } from '@luthier/shared-hashing';

test('keys are sorted by UTF-16 code units and white space is dropped', () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, 'x'], é: 2, Z: 3 }), '{"Z":3,"a":[true,null,"x"],"b":1,"é":2}');
});

test('numbers use the shortest round-trip form (RFC 8785 vectors)', () => {
  assert.equal(canonicalJson([1e21, 1e-7, 0.1, -0, 333333333.3333333]), '[1e+21,1e-7,0.1,0,333333333.3333333]');
});

test('values JSON.stringify would rewrite are refused with a typed error', () => {
  for (const bad of [NaN, Infinity, { a: undefined }, new Date(0), () => 1, 10n]) {
    assert.throws(() => canonicalJson(bad), CanonicalJsonError);
  }
  const circular: Record<string, unknown> = {};
  circular.self = circular;
  assert.throws(() => canonicalJson(circular), /circular/);
});

test('the encoding is independent of key insertion order and parses back to the same value', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      const encoded = canonicalJson(value);
      assert.deepEqual(JSON.parse(encoded), JSON.parse(JSON.stringify(value)));
      const reordered = JSON.parse(encoded, (_k, v) =>
        v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
      );
      assert.equal(canonicalJson(reordered), encoded);
    }),
  );
});

test('hashCanonical is sha256 over the canonical bytes', () => {
  assert.equal(hashCanonical({}), '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
});

test('a refused value is named by its path', () => {
  assert.throws(() => canonicalJson({ a: [1, { b: NaN }] }), (err: CanonicalJsonError) => err.path === '$.a[1].b');
  assert.throws(() => canonicalJson({ a: { c: undefined } }), (err: CanonicalJsonError) => err.path === '$.a.c');
});

test('sha256Hex digests strings as UTF-8 and bytes as they are (FIPS 180-2 vector)', () => {
  const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
  assert.equal(sha256Hex('abc'), abc);
  assert.equal(sha256Hex(new Uint8Array([0x61, 0x62, 0x63])), abc);
  assert.equal(sha256Hex('é'), sha256Hex(new Uint8Array([0xc3, 0xa9])));
});
