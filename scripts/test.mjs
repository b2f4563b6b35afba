#!/usr/bin/env node
// `npm test`: every unit/integration test (Node's test runner, TypeScript through tsx),
// the type check, and every boundary check over the whole workspace.
// `--only DIR` runs the tests below DIR alone (the Nx `test` target uses it).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? path.resolve(root, args[onlyIndex + 1]) : null;
const SKIP_DIRS = new Set(['node_modules', '.git', '.nx', 'dist', 'coverage', 'fixtures', '__fixtures__', 'data', 'tmp']);

function findTests(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name) && !entry.name.startsWith('.')) findTests(path.join(dir, entry.name), out);
    } else if (/\.test\.(ts|mts|js|mjs)$/.test(entry.name)) {
      out.push(path.join(dir, entry.name));
    }
  }
  return out;
}

function run(label, cmd, cmdArgs) {
  console.log(`\n== ${label}`);
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n== ${label}: FAILED (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

const searchRoots = only ? [only] : ['libs', 'apps', 'tools', 'scripts'].map((d) => path.join(root, d));
const files = searchRoots.flatMap((d) => findTests(d)).sort();
if (files.length === 0) {
  console.error(`no test files found under ${searchRoots.join(', ')}`);
  process.exit(1);
}

if (!only) run('type check', process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit']);
run(`tests (${files.length} files)`, process.execPath, [
  '--import',
  'tsx',
  '--test',
  '--test-concurrency=2',
  ...files.map((f) => path.relative(root, f)),
]);
if (!only) {
  run('boundary checks', process.execPath, ['tools/boundaries/bin/boundaries.mjs']);
  run('dependency-cruiser', process.execPath, [
    'node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
    'libs',
    'apps',
    'tools',
    '--config',
    '.dependency-cruiser.js',
    '--output-type',
    'err',
  ]);
}
