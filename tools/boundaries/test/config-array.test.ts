import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { Linter } from 'eslint';
import { boundaryConfig } from '../src/eslint-config.js';
import { loadPolicy } from '../src/policy/load.js';
import { prepareConfig } from '../src/runner/config-array.js';
import { walkWorkspace } from '../src/runner/walk.js';
import { makeMiniWorkspace, readFile, removeWorkspace, writeFile } from './helpers/workspace.js';

const root = makeMiniWorkspace();
after(() => removeWorkspace(root));
writeFile(root, 'libs/experimental/ai/src/bad.ts', "import { approveWorkflow } from '@luthier/rmos-workflow';\nexport const go = () => approveWorkflow('x');\n");
writeFile(root, 'apps/api/src/old.cjs', "const fs = require('node:fs');\nfs.writeFileSync('data/runs/x', '');\n");
writeFile(root, 'libs/experimental/ai/src/run.mjs', 'export const run = (c) => eval(c);\n');

test('the pre-normalised, per-extension config gives exactly the findings of the plain config', () => {
  const { policy } = loadPolicy(path.join(root, 'security/boundary-policy.json'));
  const plain = boundaryConfig({ root, policy });
  const prepared = prepareConfig(boundaryConfig({ root, policy }), root);
  assert.notEqual(prepared, plain);
  assert.equal(typeof (prepared as unknown as { getConfig?: unknown }).getConfig, 'function', 'ESLint internals reachable: the fast path is in use');
  const linter = new Linter({ cwd: root });
  let findings = 0;
  for (const rel of walkWorkspace(root).sources) {
    const text = readFile(root, rel);
    const filename = path.join(root, rel);
    const a = linter.verify(text, plain, { filename });
    const b = linter.verify(text, prepared, { filename });
    assert.deepEqual(b, a, rel);
    findings += a.length;
  }
  assert.ok(findings >= 3, `the planted violations are found (${findings})`);
});

test('a config that selects files by path, not only by extension, is not memoised per extension', () => {
  const config: Linter.Config[] = [{ files: ['libs/**/*.ts'], rules: {} }];
  const prepared = prepareConfig(config, root) as unknown as { getConfig(f: string): unknown };
  assert.ok(prepared.getConfig(path.join(root, 'libs/a.ts')));
  assert.equal(prepared.getConfig(path.join(root, 'apps/a.ts')), undefined);
});
