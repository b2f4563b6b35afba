import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import type { RunArtifact } from '@luthier/rmos-contracts';
import { openStores, persistRunArtifact } from '@luthier/rmos-runs';
import { runCli } from '../src/cli/run-cli.js';
import { runInput } from './helpers/fixtures-data.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function cli(argv: string[]) {
  const out = capture();
  const err = capture();
  const code = await runCli(argv, { stdout: out.stream, stderr: err.stream, env: {} });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('auditors CLI', () => {
  let dataDir = '';
  const written: RunArtifact[] = [];
  before(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'runs-cli-'));
    const stores = await openStores({ dataDir });
    for (let i = 0; i < 4; i += 1) written.push(await persistRunArtifact(stores.runs, runInput({ request: { i } })));
    await stores.close();
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  test('export writes every artifact as one JSON line, in chain order', async () => {
    const { code, stdout } = await cli(['export', '--data-dir', dataDir]);
    assert.equal(code, 0);
    assert.deepEqual(stdout.trimEnd().split('\n').map((l) => JSON.parse(l)), written);
    const file = path.join(dataDir, 'export.jsonl');
    assert.equal((await cli(['export', '--data-dir', dataDir, '--output', file])).code, 0);
    assert.equal(readFileSync(file, 'utf8'), stdout);
  });

  test('verify exits 0 on an intact store (through npm run runs)', () => {
    const result = spawnSync('npm', ['run', '-s', 'runs', '--', 'verify', '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /OK: 4 artifact\(s\) verified/);
  });

  test('verify exits 1 naming the tampered artifact', async () => {
    const db = new Database(path.join(dataDir, 'runs', 'runs.sqlite'));
    db.exec('DROP TRIGGER run_artifacts_no_update');
    db.prepare("UPDATE run_artifacts SET body = replace(body, '\"status\":\"OK\"', '\"status\":\"BLOCKED\"') WHERE seq = 2").run();
    db.close();
    const all = await cli(['verify', '--data-dir', dataDir]);
    assert.equal(all.code, 1);
    assert.match(all.stdout, new RegExp(`ARTIFACT_INVALID  seq 2  ${written[1].run_id}`));
    assert.doesNotMatch(all.stdout, new RegExp(written[0].run_id));
    assert.match(all.stdout, /FAILED: /);
    const one = await cli(['verify', '--data-dir', dataDir, '--run-id', written[1].run_id, '--json']);
    assert.equal(one.code, 1);
    assert.equal(JSON.parse(one.stdout).problems[0].run_id, written[1].run_id);
    assert.equal((await cli(['verify', '--data-dir', dataDir, '--run-id', written[0].run_id])).code, 0);
  });

  test('bad usage and a missing store exit 2', async () => {
    assert.equal((await cli(['frobnicate'])).code, 2);
    assert.equal((await cli(['verify', '--bogus'])).code, 2);
    const missing = await cli(['verify', '--data-dir', path.join(dataDir, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot open/);
  });
});
