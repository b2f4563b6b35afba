import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ENGINES,
  ENGINE_IDS,
  assertKnownStamps,
  checkTableHash,
  versionStamps,
  UnknownEngineError,
  UnknownEngineVersionError,
  type EngineId,
} from '@luthier/rmos-engines';
import { hashCanonical } from '@luthier/shared-hashing';

describe('versionStamps', () => {
  test('stamps each named engine with its declared version', () => {
    assert.deepEqual(versionStamps('feasibility', 'toolpaths', 'post.grbl'), {
      feasibility: ENGINES.feasibility.version,
      toolpaths: ENGINES.toolpaths.version,
      'post.grbl': ENGINES['post.grbl'].version,
    });
  });
  test('an engine id the registry does not list is a typed error', () => {
    assert.throws(() => versionStamps('post.haas' as EngineId), (e: unknown) => e instanceof UnknownEngineError && e.code === 'UNKNOWN_ENGINE');
  });
  test('every engine declares a semver version and every hash field is sha256 hex', () => {
    for (const id of ENGINE_IDS) {
      const entry = ENGINES[id] as Record<string, string>;
      assert.match(entry.version, /^\d+\.\d+\.\d+$/, id);
      for (const [k, v] of Object.entries(entry)) if (k.endsWith('_sha256')) assert.match(v, /^[0-9a-f]{64}$/, `${id}.${k}`);
    }
  });
});

describe('assertKnownStamps', () => {
  const isUnknown = (e: unknown) => e instanceof UnknownEngineVersionError && e.code === 'UNKNOWN_ENGINE_VERSION';

  test('accepts the stamps versionStamps writes', () => {
    assert.doesNotThrow(() => assertKnownStamps(versionStamps(...ENGINE_IDS)));
  });
  test('refuses an undeclared version, an unknown engine, a non-string version and a non-object', () => {
    assert.throws(() => assertKnownStamps({ feasibility: '0.9.0' }), isUnknown);
    assert.throws(() => assertKnownStamps({ 'post.haas': '1.0.0' }), isUnknown);
    assert.throws(() => assertKnownStamps({ feasibility: 1 }), isUnknown);
    assert.throws(() => assertKnownStamps(null), isUnknown);
    assert.throws(() => assertKnownStamps(['1.0.0']), isUnknown);
    assert.throws(() => assertKnownStamps({ __proto__: null, toString: '1.0.0' }), isUnknown);
  });
  test('a required engine that is not stamped is refused', () => {
    assert.throws(() => assertKnownStamps({ feasibility: ENGINES.feasibility.version }, { require: ['toolpaths'] }), isUnknown);
    assert.doesNotThrow(() => assertKnownStamps(versionStamps('feasibility', 'toolpaths'), { require: ['toolpaths'] }));
  });
});

describe('checkTableHash', () => {
  test('matches the hash of the same table, reports the new hash for a changed one', () => {
    const table = { rules: [{ id: 'X', threshold: 1 }] };
    assert.deepEqual(checkTableHash('demo', table, hashCanonical(table)), { ok: true, actual: hashCanonical(table) });
    const changed = checkTableHash('demo', { rules: [{ id: 'X', threshold: 2 }] }, hashCanonical(table));
    assert.equal(changed.ok, false);
    assert.ok(!changed.ok && changed.message.includes(changed.actual));
  });
});
