import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { copyRealWorkspace, readFile, removeWorkspace, REPO, runBoundaries, writeFile } from './helpers/workspace.js';

/**
 * End to end: a copy of this workspace in a fresh git repository, with the husky hook installed the way
 * `npm ci` installs it. A clean commit goes through; a planted violation is refused by the hook, and
 * `npm run boundaries` exits 1 naming the file.
 */
describe('end to end: pre-commit hook and npm run boundaries', () => {
  let root: string;
  const git = (...args: string[]) =>
    spawnSync('git', args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.test', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.test' },
    });
  const commitCount = () => Number(git('rev-list', '--count', 'HEAD').stdout.trim());

  before(() => {
    root = copyRealWorkspace();
    assert.equal(git('init', '-q', '-b', 'main').status, 0);
    // what `npm ci` does through the root "prepare": "husky" script
    const husky = spawnSync(process.execPath, [path.join(REPO, 'node_modules/husky/bin.js')], { cwd: root, encoding: 'utf8' });
    assert.equal(husky.status, 0, husky.stderr);
    assert.equal(git('config', 'core.hooksPath').stdout.trim(), '.husky/_');
    git('add', '-A');
    // the imported baseline is other engineers' work in progress: it is committed without the hook
    const base = spawnSync('git', ['commit', '-q', '--no-verify', '-m', 'baseline'], { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.test', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.test' } });
    assert.equal(base.status, 0, base.stderr);
  });
  after(() => removeWorkspace(root));

  test('a clean change is committed', () => {
    writeFile(root, 'libs/experimental/ai/src/e2e-clean.ts', "import type { FeasibilityPort } from '@luthier/rmos-contracts';\nexport const usePort = (port: FeasibilityPort) => port;\n");
    git('add', 'libs/experimental/ai/src/e2e-clean.ts');
    const before = commitCount();
    const r = git('commit', '-m', 'clean advisory helper');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.equal(commitCount(), before + 1);
  });

  test('an advisory file importing @luthier/rmos-workflow is refused by the hook', () => {
    const bad = 'libs/experimental/ai/src/e2e-shortcut.ts';
    writeFile(root, bad, "import { approveWorkflow } from '@luthier/rmos-workflow';\nexport const shortcut = approveWorkflow;\n");
    git('add', bad);
    const before = commitCount();
    const r = git('commit', '-m', 'shortcut');
    assert.notEqual(r.status, 0, 'the commit must be refused');
    assert.equal(commitCount(), before);
    assert.match(r.stdout + r.stderr, /e2e-shortcut\.ts:1:\d+ {2}boundaries\/imports/);
    git('rm', '-q', '--cached', bad);
  });

  test('a write into data/runs through path.join is refused by the hook', () => {
    const bad = 'apps/api/src/e2e-dump.ts';
    writeFile(root, bad, "import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\nconst RUNS = path.join('data', 'runs');\nexport const dump = (id: string, b: string) => writeFileSync(path.join(RUNS, `${id}.json`), b);\n");
    git('add', bad);
    const before = commitCount();
    const r = git('commit', '-m', 'dump');
    assert.notEqual(r.status, 0, 'the commit must be refused');
    assert.equal(commitCount(), before);
    assert.match(r.stdout + r.stderr, /e2e-dump\.ts:4:\d+ {2}boundaries\/write-paths/);
    git('rm', '-q', '--cached', bad);
  });

  test('a package committed into a project (git add -f past .gitignore) is refused by the hook', () => {
    const bad = ['libs/experimental/ai/node_modules/zod/index.js', 'libs/experimental/ai/node_modules/zod/package.json'];
    writeFile(root, bad[0]!, "module.exports = require('child_process');\n");
    writeFile(root, bad[1]!, '{ "name": "zod", "main": "index.js" }\n');
    for (const f of bad) git('add', '-f', f);
    const before = commitCount();
    const r = git('commit', '-m', 'vendored zod');
    assert.notEqual(r.status, 0, 'the commit must be refused');
    assert.equal(commitCount(), before);
    assert.match(r.stdout + r.stderr, /node_modules\/zod\/index\.js:1:1 {2}boundaries\/integrity {2}.*is inside a node_modules folder/);
    // (lint-staged stops the whole-workspace check of package.json once this one fails; that check is the integrity test's)
    git('rm', '-q', '--cached', ...bad);
    rmSync(path.join(root, 'libs/experimental/ai/node_modules'), { recursive: true });
  });

  test('npm run boundaries over the copy exits 1 and names the planted files', () => {
    const r = spawnSync('npm', ['run', '--silent', 'boundaries', '--', '--root', root], { cwd: REPO, encoding: 'utf8', maxBuffer: 1 << 26 });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^libs\/experimental\/ai\/src\/e2e-shortcut\.ts:1:\d+ {2}boundaries\/imports {2}/m);
    assert.match(r.stdout, /^apps\/api\/src\/e2e-dump\.ts:4:\d+ {2}boundaries\/write-paths {2}/m);
    assert.doesNotMatch(r.stdout, /e2e-clean\.ts/);
  });

  test('an amended policy is enforced with no other config touched: a new authority function and a new protected path', () => {
    const caller = 'libs/experimental/ai/src/e2e-bundle.ts';
    const writer = 'apps/api/src/e2e-export.ts';
    writeFile(root, 'libs/rmos/toolpaths/src/e2e-bundle.ts', 'export function exportGcodeBundle(sessionId: string): string {\n  return sessionId;\n}\n');
    writeFile(root, 'libs/rmos/toolpaths/src/index.ts', `${readFile(root, 'libs/rmos/toolpaths/src/index.ts')}export { exportGcodeBundle } from './e2e-bundle.js';\n`);
    writeFile(root, caller, 'export function leak(rmos: { exportGcodeBundle(id: string): string }): string {\n  const { exportGcodeBundle: bundle } = rmos;\n  return bundle.call(rmos, "s1");\n}\n');
    writeFile(root, writer, "import { writeFile } from 'node:fs/promises';\nconst DIR = 'data/exports';\nexport const save = (name: string, b: string) => writeFile(`${DIR}/${name}`, b);\n");
    const files = [caller, writer].map((f) => path.join(root, f));
    const before = runBoundaries(['--root', root, ...files]);
    assert.equal(before.status, 0, `nothing is forbidden before the amendment: ${before.stdout}`);

    const policy = JSON.parse(readFile(root, 'security/boundary-policy.json'));
    policy.authorityFunctions.push({ name: 'exportGcodeBundle', definedIn: '@luthier/rmos-toolpaths', allowedWay: 'ask an operator to export the bundle' });
    policy.protectedPaths.push({ pattern: 'exports/**', writers: ['@luthier/rmos-runs'], reason: 'exports are audited', allowedWay: 'export through @luthier/rmos-runs' });
    writeFile(root, 'security/boundary-policy.json', JSON.stringify(policy, null, 2));

    const after = runBoundaries(['--root', root, ...files]);
    assert.equal(after.status, 1, after.stderr);
    assert.match(after.stdout, /e2e-bundle\.ts:\d+:\d+ {2}boundaries\/forbidden-calls {2}.*exportGcodeBundle.*Allowed: ask an operator to export the bundle/);
    assert.match(after.stdout, /e2e-export\.ts:3:\d+ {2}boundaries\/write-paths {2}.*Allowed: export through @luthier\/rmos-runs/);
    // the hook enforces the amendment too
    git('add', caller);
    const r = git('commit', '-m', 'bundle');
    assert.notEqual(r.status, 0);
    assert.match(r.stdout + r.stderr, /e2e-bundle\.ts:\d+:\d+ {2}boundaries\/forbidden-calls/);
  });
});
