import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registryFromFile } from '../auth/token-registry.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const cli = (args: string[], tokensFile: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli/token.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, TOKENS_FILE: tokensFile },
    encoding: 'utf8',
  });

test('token create prints a new token once on stdout; the file keeps only its digest', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'token-cli-'));
  const file = path.join(dir, 'tokens.json');
  try {
    const created = cli(['create', '--role', 'approver', '--id', 'alice'], file);
    assert.equal(created.status, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^lt_[A-Za-z0-9_-]{43}$/);
    assert.ok(!(await readFile(file, 'utf8')).includes(token));
    assert.deepEqual(registryFromFile(file).authenticate(token), { actor_id: 'alice', role: 'approver' });

    const listed = cli(['list'], file);
    assert.match(listed.stdout, /^alice\tapprover\t/);
    assert.ok(!listed.stdout.includes(token));

    assert.equal(cli(['create', '--role', 'root', '--id', 'bob'], file).status, 2, 'an unknown role is refused');
    assert.equal(cli(['create', '--role', 'operator', '--id', 'alice'], file).status, 1, 'an id is issued once');
    assert.equal(cli(['revoke', '--id', 'alice'], file).status, 0);
    assert.equal(registryFromFile(file).authenticate(token), null);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
