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

  test('rebuild-indexes recreates the list index from the artifacts, and touches no artifact', async () => {
    const db = new Database(path.join(dataDir, 'runs', 'runs.sqlite'));
    const bodies = () => db.prepare('SELECT seq, run_id, body FROM run_artifacts ORDER BY seq').all();
    const before = bodies();
    // The artifacts are appended to the index in batches: index them all first.
    assert.equal((await cli(['rebuild-indexes', '--data-dir', dataDir])).code, 0);
    // The index is derived, mutable data: drop a row and mislabel one.
    db.exec("DELETE FROM run_index WHERE seq = 1; UPDATE run_index SET status = 'ERROR' WHERE seq = 4");
    const listed = async (filter: object) => {
      const stores = await openStores({ dataDir, readOnly: true });
      try {
        return (await stores.runs.list(filter)).items.map((a) => a.seq);
      } finally {
        await stores.close();
      }
    };
    assert.deepEqual(await listed({}), [3, 4], 'a row missing from the index hides its artifact');
    assert.deepEqual(await listed({ status: 'ERROR' }), [], 'a mislabelled row is checked against its artifact');
    const rebuilt = await cli(['rebuild-indexes', '--data-dir', dataDir]);
    assert.equal(rebuilt.code, 0, rebuilt.stderr);
    // seq 2 was tampered with by the test before: a corrupt artifact is left out of the index (verify names it)
    assert.match(rebuilt.stdout, /3 artifact\(s\) indexed/);
    assert.deepEqual(await listed({ status: 'ERROR' }), []);
    assert.deepEqual(await listed({}), [1, 3, 4]);
    assert.deepEqual(bodies(), before);
    db.close();
  });

  test('bad usage and a missing store exit 2', async () => {
    assert.equal((await cli(['frobnicate'])).code, 2);
    assert.equal((await cli(['verify', '--bogus'])).code, 2);
    const missing = await cli(['verify', '--data-dir', path.join(dataDir, 'nope')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot open/);
    // rebuild-indexes opens for writing, but never creates a store where there is none
    assert.equal((await cli(['rebuild-indexes', '--data-dir', path.join(dataDir, 'nope')])).code, 2);
  });
});
