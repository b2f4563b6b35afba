import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { makeMiniWorkspace, removeWorkspace, REPO, runBoundaries, writeFile } from './helpers/workspace.js';

/** Enough files that the check runs on the worker pool rather than in-process. */
function addModules(root: string, count: number): void {
  for (let i = 0; i < count; i++)
    writeFile(root, `libs/shared/hashing/src/gen${i}.ts`, `export const GEN_${i} = ${i};\nexport function twice${i}(n: number): number {\n  return n * 2 + GEN_${i};\n}\n`);
  writeFile(root, 'apps/api/src/bad-write.ts', "import { rmSync } from 'node:fs';\nexport const wipe = () => rmSync('data/run_attachments/x');\n");
  writeFile(root, 'libs/experimental/ai/src/bad-call.ts', "export const run = (code: string) => eval(code);\n");
}

describe('worker pool', () => {
  let root: string;
  before(() => {
    root = makeMiniWorkspace();
    addModules(root, 80);
  });
  after(() => removeWorkspace(root));

  const violations = (env: NodeJS.ProcessEnv) => {
    const r = runBoundaries(['--root', root, '--format', 'json', '--no-cache'], { env });
    assert.equal(r.status, 1, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.ok(report.filesChecked > 80);
    return report.violations.map((v: { file: string; line: number; rule: string }) => `${v.file}:${v.line} ${v.rule}`).sort();
  };

  test('one worker, two workers, and workers replaced after every batch all give the same findings', () => {
    const one = violations({ BOUNDARIES_WORKERS: '1' });
    assert.ok(one.some((v: string) => v.startsWith('apps/api/src/bad-write.ts:2 boundaries/write-paths')), one.join('\n'));
    assert.ok(one.some((v: string) => v.startsWith('libs/experimental/ai/src/bad-call.ts:1 boundaries/forbidden-calls')), one.join('\n'));
    assert.deepEqual(violations({ BOUNDARIES_WORKERS: '2' }), one);
    // a 1 MB heap limit retires each worker after its first batch: nothing may be lost on the way
    assert.deepEqual(violations({ BOUNDARIES_WORKERS: '2', BOUNDARIES_WORKER_HEAP_MB: '0.001' }), one);
  });

  test('the TypeScript source entry (npm run boundaries) and the compiled bin agree', () => {
    const src = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO, 'tools/boundaries/src/cli/main.ts'), '--root', root, '--format', 'json', '--no-cache'], {
      cwd: REPO,
      encoding: 'utf8',
    });
    assert.equal(src.status, 1, src.stderr);
    const fromSource = JSON.parse(src.stdout).violations.map((v: { file: string; line: number; rule: string }) => `${v.file}:${v.line} ${v.rule}`).sort();
    assert.deepEqual(fromSource, violations({}));
  });
});

describe('dependency-cruiser rules built from the policy', () => {
  let root: string;
  before(() => {
    root = makeMiniWorkspace();
    cpSync(path.join(REPO, '.dependency-cruiser.js'), path.join(root, '.dependency-cruiser.js'));
    cpSync(path.join(REPO, 'tools/boundaries/src/depcruise/rules.js'), path.join(root, 'tools/boundaries/src/depcruise/rules.js'));
    writeFile(root, 'tools/boundaries/project.json', JSON.stringify({ name: 'boundaries', tags: ['zone:tooling'] }));
    for (const name of ['pino', 'zod', 'fastify']) {
      writeFile(root, `node_modules/${name}/package.json`, JSON.stringify({ name, main: 'index.js' }));
      writeFile(root, `node_modules/${name}/index.js`, 'module.exports = {};\n');
    }
  });
  after(() => removeWorkspace(root));

  const cruise = () =>
    spawnSync(process.execPath, [path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), 'libs', 'apps', 'tools', '--config', '.dependency-cruiser.js', '--output-type', 'err'], {
      cwd: root,
      encoding: 'utf8',
    });

  test('the clean workspace passes', () => {
    const r = cruise();
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  test('a disallowed zone pair, a deep import, a relative path out of a project, a forbidden module and an unlisted package are each flagged', () => {
    writeFile(
      root,
      'libs/experimental/ai/src/bad.ts',
      "import { evaluate } from '@luthier/rmos-feasibility';\nimport { ALGORITHM } from '../../../shared/hashing/src/index.js';\nimport { approveWorkflow } from '../../../rmos/workflow/src/approve.js';\nimport { exec } from 'node:child_process';\nimport pino from 'pino';\nimport { z } from 'zod';\nimport type { FastifyInstance } from 'fastify';\nexport const all = [evaluate, ALGORITHM, approveWorkflow, exec, pino, z];\nexport type F = FastifyInstance;\n",
    );
    const r = cruise();
    assert.notEqual(r.status, 0);
    const out = r.stdout + r.stderr;
    assert.match(out, /zone-advisory-to-authoritative: libs\/experimental\/ai\/src\/bad\.ts → libs\/rmos\/feasibility\/src\/index\.ts/);
    assert.match(out, /relative-cross-project: libs\/experimental\/ai\/src\/bad\.ts → libs\/shared\/hashing\/src\/index\.ts/);
    assert.match(out, /deep-import: libs\/experimental\/ai\/src\/bad\.ts → libs\/rmos\/workflow\/src\/approve\.ts/);
    assert.match(out, /forbidden-module-advisory-child-process: libs\/experimental\/ai\/src\/bad\.ts → (node:)?child_process/);
    // a package off the zone's list; not a listed one, not a type import
    assert.match(out, /unlisted-package-advisory: libs\/experimental\/ai\/src\/bad\.ts → node_modules\/pino\//);
    assert.doesNotMatch(out, /unlisted-package-advisory: [^\n]*node_modules\/(zod|fastify)\//);
  });
});
