import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cacheFile, ResultCache } from '../src/runner/cache.js';
import { hashFile, MISSING } from '../src/runner/hash.js';
import { makeMiniWorkspace, readFile, removeWorkspace, runBoundaries, writeFile } from './helpers/workspace.js';

interface JsonReport {
  filesChecked: number;
  filesFromCache: number;
  violations: Array<{ file: string; rule: string; message: string }>;
}

/** The result cache never returns a stale pass: each input a verdict depends on re-checks the file when it changes. */
describe('result cache invalidation', () => {
  let root: string;
  before(() => {
    root = makeMiniWorkspace();
    writeFile(root, 'apps/api/src/target.ts', "export const EXPORT_DIR = 'data/exports';\n");
    writeFile(
      root,
      'apps/api/src/export.ts',
      "import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\nimport { EXPORT_DIR } from './target.js';\nexport function save(name: string, body: string): void {\n  writeFileSync(path.join(EXPORT_DIR, name), body);\n}\n",
    );
  });
  after(() => removeWorkspace(root));

  const check = (): JsonReport => {
    const r = runBoundaries(['--root', root, '--format', 'json']);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    return JSON.parse(r.stdout) as JsonReport;
  };
  const fileViolations = (report: JsonReport, file: string, rule: string) => report.violations.filter((v) => v.file === file && v.rule === rule);

  test('a second run with nothing changed comes entirely from the cache and says the same', () => {
    const first = check();
    const second = check();
    assert.equal(second.filesFromCache, second.filesChecked);
    assert.deepEqual(second.violations, first.violations);
    assert.equal(fileViolations(second, 'apps/api/src/export.ts', 'boundaries/write-paths').length, 0);
  });

  test('a changed constant in an imported file re-checks the file that imports it', () => {
    check();
    writeFile(root, 'apps/api/src/target.ts', "export const EXPORT_DIR = 'data/runs';\n");
    const report = check();
    const hits = fileViolations(report, 'apps/api/src/export.ts', 'boundaries/write-paths');
    assert.equal(hits.length, 1, JSON.stringify(report.violations));
    assert.ok(report.filesFromCache < report.filesChecked);
    writeFile(root, 'apps/api/src/target.ts', "export const EXPORT_DIR = 'data/exports';\n");
    assert.equal(fileViolations(check(), 'apps/api/src/export.ts', 'boundaries/write-paths').length, 0);
  });

  test('a policy change re-checks every file: a new protected path is enforced at once', () => {
    check();
    const original = readFile(root, 'security/boundary-policy.json');
    const policy = JSON.parse(original);
    policy.protectedPaths.push({ pattern: 'exports/**', writers: ['@luthier/rmos-runs'], reason: 'exports are audited', allowedWay: 'export through RMOS' });
    writeFile(root, 'security/boundary-policy.json', JSON.stringify(policy, null, 2));
    try {
      const report = check();
      assert.equal(report.filesFromCache, 0);
      assert.equal(fileViolations(report, 'apps/api/src/export.ts', 'boundaries/write-paths').length, 1, JSON.stringify(report.violations));
    } finally {
      writeFile(root, 'security/boundary-policy.json', original);
    }
  });

  test('a tag change re-checks files whose verdict depends on it', () => {
    check();
    const original = readFile(root, 'libs/rmos/contracts/project.json');
    writeFile(root, 'libs/rmos/contracts/project.json', JSON.stringify({ name: 'rmos-contracts', tags: ['zone:authoritative'] }));
    try {
      const report = check();
      assert.equal(report.filesFromCache, 0);
      // the advisory file did not change, but what it imports is now (by tag) authoritative
      assert.equal(fileViolations(report, 'libs/experimental/ai/src/index.ts', 'boundaries/imports').length, 1, JSON.stringify(report.violations));
    } finally {
      writeFile(root, 'libs/rmos/contracts/project.json', original);
    }
    assert.equal(fileViolations(check(), 'libs/experimental/ai/src/index.ts', 'boundaries/imports').length, 0);
  });

  test('a corrupt cache file is ignored, never trusted', async () => {
    check();
    const { cacheFile } = await import('../src/runner/cache.js');
    writeFile(root, cacheFile(root).slice(root.length + 1), '{"format": 3, "key": "x", "files": ');
    const report = check();
    assert.equal(report.filesFromCache, 0);
  });
});

/** A warm check stats files instead of reading them, and only where a stat cannot hide an edit. */
describe('content hashes reused by stat', () => {
  let root: string;
  const rel = 'libs/shared/hashing/src/index.ts';
  before(() => {
    root = makeMiniWorkspace();
  });
  after(() => removeWorkspace(root));

  const reopen = (settledNs?: bigint) => ResultCache.open(root, 'k', settledNs === undefined ? {} : { settledNs });

  test('an edit of the same size, with its modification time set back, is read afresh', () => {
    const abs = path.join(root, rel);
    writeFileSync(abs, "export const ALGORITHM = 'sha256';\n");
    const cache = reopen(-60_000_000_000n); // every file counts as settled
    const before = cache.hashOf(rel, abs);
    assert.equal(before, hashFile(abs));
    cache.store(rel, before, { violations: [], dependencies: [] }, (r) => cache.hashOf(r, path.join(root, r)));
    cache.save();
    const { mtime, atime } = statSync(abs);
    writeFileSync(abs, "export const ALGORITHM = 'sha512';\n"); // same length
    utimesSync(abs, atime, mtime); // the modification time as it was: the change time still moves
    const after = reopen(-60_000_000_000n).hashOf(rel, abs);
    assert.notEqual(after, before);
    assert.equal(after, hashFile(abs));
  });

  test('a hash taken moments after the file changed is not reused by stat', () => {
    const abs = path.join(root, rel);
    writeFileSync(abs, "export const ALGORITHM = 'sha256';\n");
    const cache = reopen(); // the real settle window: this file changed just now
    const h = cache.hashOf(rel, abs);
    cache.store(rel, h, { violations: [], dependencies: [] }, (r) => cache.hashOf(r, path.join(root, r)));
    cache.save();
    const saved = JSON.parse(readFileSync(cacheFile(root), 'utf8')) as { stats: Record<string, unknown> };
    assert.equal(saved.stats[rel], undefined);
    assert.equal(reopen().hashOf(path.join('libs/shared/hashing/src/missing.ts'), path.join(root, 'libs/shared/hashing/src/missing.ts')), MISSING);
  });
});
