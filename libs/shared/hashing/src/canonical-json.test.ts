import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, CanonicalJsonError, canonicalNumber, hashCanonical, MAX_NUMBER_LENGTH, sha256Hex, writeCanonicalNumber } from '@luthier/shared-hashing';

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

test('canonicalNumber is String(x) for every number, and writeCanonicalNumber its bytes (short decimals take the arithmetic path)', () => {
  const view = new DataView(new ArrayBuffer(8));
  /** The double `steps` ulps above x (x ≥ 0). */
  const ulpsAway = (x: number, steps: number) => {
    view.setFloat64(0, x);
    view.setBigUint64(0, view.getBigUint64(0) + BigInt(steps));
    return view.getFloat64(0);
  };
  const out = new Uint8Array(MAX_NUMBER_LENGTH + 4);
  const same = (x: number) => {
    assert.equal(canonicalNumber(x), String(x), String(x));
    out.fill(0);
    const end = writeCanonicalNumber(x, out, 2);
    assert.ok(end - 2 <= MAX_NUMBER_LENGTH && out[1] === 0 && out[end] === 0, `${x} stays in its room`);
    assert.equal(new TextDecoder().decode(out.subarray(2, end)), String(x), `bytes of ${x}`);
  };
  const shortDecimal = fc
    .tuple(fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 8 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([digits, decimals, f]) => Math.floor(f * 10 ** digits) / 10 ** decimals);
  fc.assert(
    fc.property(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), shortDecimal), (x) => {
      same(x);
      same(-x);
      // Neighbours of a short decimal must not be mistaken for it.
      if (x > 0 && x < 1e300) for (const steps of [-2, -1, 1, 2]) same(ulpsAway(x, steps));
    }),
    { numRuns: 20000 },
  );
  for (const x of [NaN, Infinity, -Infinity, 0, -0, -0.0000012345678901234567, -1.7976931348623157e308, 1e-7, 1e-6, 0.000123, 0.1, 0.30000000000000004, 22.5, 1.005, 4.35, 999999999.999999, 1e9, 1073741824.5, 2 ** 53, 1e21, 5e-324]) same(x);
});

test('hashCanonical output is pinned: the encoder may get faster, its bytes never change', () => {
  const rings = Array.from({ length: 12 }, (_, i) => ({ width_mm: 0.1 * (i + 1), radial_position_mm: 22.5 + 3.25 * i, depth_mm: i / 7, pattern: ['solid', 'spiral'][i % 2] }));
  const value = {
    numbers: [0.1, 0.2 + 0.1, 22.5, 1e-7, 1e-6, 1e21, 1e20, -0, 123456789.123, 5e-324, -1.5, 999999999.999999, 1073741824.5, 2 ** 53, -(2 ** 31), 1 / 3, 4.35, 0.000123],
    text: 'é\u2028"\\\u0001',
    none: null,
    flags: [true, false],
    rings,
  };
  assert.equal(hashCanonical(value), '0a99e6f548edd8d58d8abec1741c75e313bdccc7f9f413141d746951d7d58a30');
});

/** The canonical encoding spelled out in the plainest way, to pin the fast path's bytes against. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  return JSON.stringify(value);
}

test('already-sorted values (the native fast path) and unsorted ones give the same bytes as the plain encoding', () => {
  fc.assert(
    fc.property(fc.jsonValue(), (value) => {
      assert.equal(canonicalJson(value), reference(value));
      // The same value re-parsed from canonical text has every object's keys in order: the fast path's input.
      const sorted = JSON.parse(canonicalJson(value));
      assert.equal(canonicalJson(sorted), reference(value));
    }),
    { numRuns: 500 },
  );
  // Integer-like keys: V8 lists them first, numerically, which is not UTF-16 order.
  assert.equal(canonicalJson(JSON.parse('{"10":1,"9":2,"a":3}')), '{"10":1,"9":2,"a":3}');
  assert.equal(canonicalJson({ b: { d: 1, c: -0 }, a: [0.1, 'é'] }), '{"a":[0.1,"é"],"b":{"c":0,"d":1}}');
});

test('values the fast path must not hand to JSON.stringify are still encoded or refused as before', () => {
  const withToJson = Object.assign([1, 2], { toJSON: () => 'x' });
  assert.equal(canonicalJson(withToJson), '[1,2]');
  assert.equal(canonicalJson({ a: Object.assign([3], { extra: 1 }) }), '{"a":[3]}');
  // eslint-disable-next-line no-sparse-arrays
  assert.throws(() => canonicalJson([1, , 3]), CanonicalJsonError);
  assert.throws(() => canonicalJson({ a: 1, b: undefined }), (err: CanonicalJsonError) => err.path === '$.b');
  assert.throws(() => canonicalJson({ a: [{ b: () => 1 }] }), (err: CanonicalJsonError) => err.path === '$.a[0].b');
  assert.throws(() => canonicalJson({ a: new Map() }), /not a plain object/);
  const circular: unknown[] = [];
  circular.push(circular);
  assert.throws(() => canonicalJson(circular), /circular/);
  assert.equal(canonicalJson(Object.assign(Object.create(null), { a: 1 })), '{"a":1}');
});
