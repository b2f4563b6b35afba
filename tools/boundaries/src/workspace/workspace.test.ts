import assert from 'node:assert/strict';
import { symlinkSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { loadPolicy } from '../policy/load.js';
import { makeWorkspace } from '../rules/fixture-workspace.js';
import { takeDependencies } from './dependency-log.js';
import { loadWorkspace } from './projects.js';
import { resolveSpecifier } from './resolve.js';

const { policy } = loadPolicy();
const root = makeWorkspace({
  'libs/rmos/runs/src/store/files.ts': 'export const x = 1;\n',
  'libs/rmos/runs/src/store/index.ts': 'export * from "./files.js";\n',
  'libs/experimental/ai/src/a.ts': 'export {};\n',
  'libs/untagged/project.json': JSON.stringify({ name: 'untagged', tags: ['scope:x'] }),
  'libs/untagged/src/index.ts': 'export {};\n',
  'scripts/tool.ts': 'export {};\n',
});
mkdirSync(path.join(root, 'node_modules/@luthier'), { recursive: true });
symlinkSync(path.join(root, 'libs/rmos/runs'), path.join(root, 'node_modules/@luthier/rmos-runs'));
const ws = loadWorkspace(root, policy);
const from = path.join(root, 'libs/experimental/ai/src/a.ts');

describe('loadWorkspace', () => {
  test('reads every project.json with its package name, tags, zone and entry', () => {
    const runs = ws.projectByName('@luthier/rmos-runs')!;
    assert.equal(runs.nxName, 'rmos-runs');
    assert.equal(runs.root, path.join(root, 'libs/rmos/runs'));
    assert.equal(runs.zone, 'authoritative');
    assert.equal(runs.entry, path.join(root, 'libs/rmos/runs/src/index.ts'));
    assert.equal(ws.projectByName('untagged')?.zone, null);
  });
  test('places a file in the deepest project that holds it, or none', () => {
    assert.equal(ws.projectOfFile(path.join(root, 'libs/rmos/runs/src/store/files.ts'))?.name, '@luthier/rmos-runs');
    assert.equal(ws.projectOfFile(path.join(root, 'scripts/tool.ts')), null);
    assert.equal(ws.projectOfFile(path.join(root, 'libs/rmos/runs-extra/x.ts')), null, 'a sibling folder with a shared prefix is not inside');
  });
  test('is memoised per root and policy', () => {
    assert.equal(loadWorkspace(root, policy), ws);
    assert.notEqual(loadWorkspace(root, { ...policy, version: '9.9.9' }), ws);
  });
});

describe('resolveSpecifier', () => {
  const cases: Array<[string, string, string | null, boolean]> = [
    ['@luthier/rmos-runs', 'project', 'libs/rmos/runs/src/index.ts', true],
    ['@luthier/rmos-runs/src/store/files', 'project', 'libs/rmos/runs/src/store/files.ts', false],
    ['@luthier/rmos-runs/src/store/files.js', 'project', 'libs/rmos/runs/src/store/files.ts', false],
    ['@luthier/rmos-runs/src/store', 'project', 'libs/rmos/runs/src/store/index.ts', false],
    ['../../../rmos/runs/src/index.js', 'project', 'libs/rmos/runs/src/index.ts', false],
    ['../../../../node_modules/@luthier/rmos-runs/src/store/files.ts', 'project', 'libs/rmos/runs/src/store/files.ts', false],
    ['../../../../node_modules/@luthier/rmos-runs', 'project', 'libs/rmos/runs/src/index.ts', false],
    ['./a', 'project', 'libs/experimental/ai/src/a.ts', false],
  ];
  for (const [spec, kind, file, viaEntry] of cases)
    test(`${spec} → ${kind} ${file ?? ''}${viaEntry ? ' (entry)' : ''}`, () => {
      const res = resolveSpecifier(ws, from, spec);
      assert.equal(res.kind, kind, res.reason);
      assert.equal(res.file, file && path.join(root, file));
      assert.equal(res.viaEntry, viaEntry);
    });
  test('absolute paths and file: URLs', () => {
    const abs = path.join(root, 'libs/rmos/runs/src/store/files.ts');
    assert.equal(resolveSpecifier(ws, from, abs).file, abs);
    assert.equal(resolveSpecifier(ws, from, `file://${abs}`).project?.name, '@luthier/rmos-runs');
  });
  test('tsconfig aliases: to the entry is through the entry, to any other file is not', () => {
    assert.equal(resolveSpecifier(ws, from, '~paths/index').viaEntry, true);
    assert.equal(resolveSpecifier(ws, from, '~paths/index').project?.name, '@luthier/shared-paths');
  });
  test('builtins, externals and unknown workspace names', () => {
    assert.deepEqual(resolveSpecifier(ws, from, 'node:fs/promises'), { kind: 'builtin', module: 'fs/promises', viaEntry: false });
    assert.equal(resolveSpecifier(ws, from, 'child_process').kind, 'builtin');
    assert.equal(resolveSpecifier(ws, from, 'zod').kind, 'external');
    assert.equal(resolveSpecifier(ws, from, '@luthier/nope').kind, 'unresolved');
    assert.equal(resolveSpecifier(ws, from, './missing').kind, 'unresolved');
    assert.equal(resolveSpecifier(ws, from, '../../../../scripts/tool.js').kind, 'unresolved', 'a file in no project');
  });
  test('records every probed candidate, including the missing ones, as a dependency', () => {
    takeDependencies(from);
    resolveSpecifier(ws, from, './missing');
    const deps = takeDependencies(from);
    assert.ok(deps.includes(path.join(root, 'libs/experimental/ai/src/missing.ts')), deps.join('\n'));
    assert.ok(deps.includes(path.join(root, 'libs/experimental/ai/src/missing')));
    resolveSpecifier(ws, from, '@luthier/rmos-runs', '/checked.ts');
    assert.ok(takeDependencies('/checked.ts').includes(path.join(root, 'libs/rmos/runs/src/index.ts')));
  });
});
