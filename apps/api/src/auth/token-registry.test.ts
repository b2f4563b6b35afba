import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { issueToken, revokeToken, TokenIdTakenError } from './issue-token.js';
import { generateToken, hashToken } from './token-hash.js';
import { registryFromEntries, registryFromFile } from './token-registry.js';
import { readTokensFile, TokensFileError } from './tokens-file.js';
import { ensureDevTokens } from './dev-tokens.js';

async function tempFile() {
  const dir = await mkdtemp(path.join(tmpdir(), 'tokens-'));
  return { file: path.join(dir, 'tokens.json'), cleanup: () => rm(dir, { recursive: true, force: true }) };
}

test('tokens are 256-bit random, prefixed and never repeat', () => {
  const a = generateToken();
  const b = generateToken();
  assert.match(a, /^lt_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, b);
});

test('an issued token authenticates as its id and role; the file holds only its digest', async () => {
  const { file, cleanup } = await tempFile();
  try {
    const token = issueToken(file, 'alice', 'approver');
    const text = await readFile(file, 'utf8');
    assert.ok(!text.includes(token), 'the token itself is never stored');
    assert.ok(text.includes(hashToken(token).toString('hex')));
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    const registry = registryFromFile(file);
    assert.deepEqual(registry.authenticate(token), { actor_id: 'alice', role: 'approver' });
    assert.equal(registry.authenticate(token + 'x'), null);
    assert.equal(registry.authenticate(''), null);
    assert.throws(() => issueToken(file, 'alice', 'operator'), TokenIdTakenError);
  } finally {
    await cleanup();
  }
});

test('a revoked token authenticates nobody', async () => {
  const { file, cleanup } = await tempFile();
  try {
    const token = issueToken(file, 'bob', 'operator');
    assert.equal(revokeToken(file, 'bob'), true);
    assert.equal(registryFromFile(file).authenticate(token), null);
    assert.equal(revokeToken(file, 'nobody'), false);
  } finally {
    await cleanup();
  }
});

test('a malformed tokens file fails closed with a typed error', async () => {
  const { file, cleanup } = await tempFile();
  try {
    await writeFile(file, '{"version":1,"tokens":[{"id":"x","role":"root","sha256":"00","created_at":""}]}');
    assert.throws(() => readTokensFile(file), TokensFileError);
    await writeFile(file, 'not json');
    assert.throws(() => registryFromFile(file), TokensFileError);
  } finally {
    await cleanup();
  }
});

test('each digest maps to its own frozen actor', () => {
  const digest = hashToken('t').toString('hex');
  const entries = [
    { id: 'a', role: 'operator' as const, sha256: digest, created_at: '' },
    { id: 'b', role: 'auditor' as const, sha256: hashToken('u').toString('hex'), created_at: '' },
  ];
  const registry = registryFromEntries(entries);
  assert.deepEqual(registry.authenticate('t'), { actor_id: 'a', role: 'operator' });
  assert.deepEqual(registry.authenticate('u'), { actor_id: 'b', role: 'auditor' });
  assert.ok(Object.isFrozen(registry.authenticate('t')));
});

test('two entries cannot share an id', async () => {
  const { file, cleanup } = await tempFile();
  try {
    const entry = { id: 'dup', role: 'operator', sha256: 'a'.repeat(64), created_at: '' };
    await writeFile(file, JSON.stringify({ version: 1, tokens: [entry, { ...entry, sha256: 'b'.repeat(64) }] }));
    assert.throws(() => readTokensFile(file), /duplicate token id dup/);
  } finally {
    await cleanup();
  }
});

test('a fresh clone gets one dev token per role, created once', async () => {
  const { file, cleanup } = await tempFile();
  try {
    const tokens = ensureDevTokens(file);
    assert.ok(tokens);
    const registry = registryFromFile(file);
    for (const role of ['operator', 'approver', 'advisor', 'auditor'] as const) {
      assert.deepEqual(registry.authenticate(tokens[role]), { actor_id: `dev-${role}`, role });
    }
    assert.equal(ensureDevTokens(file), null, 'an existing file is never touched');
  } finally {
    await cleanup();
  }
});
