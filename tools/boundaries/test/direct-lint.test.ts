import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadPolicy, WORKSPACE_ROOT } from '../src/policy/load.js';
import { createFileLinter } from '../src/runner/lint-file.js';
import { walkWorkspace } from '../src/runner/walk.js';
import { makeMiniWorkspace, readFile, removeWorkspace, writeFile } from './helpers/workspace.js';

/**
 * The CLI runs the rules with its own walk over ESLint's SourceCode (runner/direct-lint.ts) instead of
 * Linter.verify. The two must agree on every file, violation for violation: held over this workspace and over a
 * workspace with violations of every rule planted, in every file type.
 */
const PLANTED: Record<string, string> = {
  'libs/experimental/ai/src/imports.ts':
    "import { approveWorkflow } from '@luthier/rmos-workflow';\nimport type { X } from '@luthier/rmos-runs';\nexport { generateToolpaths } from '@luthier/rmos-toolpaths';\nconst m = await import('@luthier/rmos-gates');\nconst n = require('../../../rmos/runs/src/store.js');\nexport const f = () => approveWorkflow('s');\n",
  'libs/experimental/ai/src/calls.ts':
    "export function go(deps: any, k: string) {\n  const { persistRunArtifact: p } = deps;\n  p.call(null, 1);\n  deps['transition' + 'Workflow']();\n  deps[k]();\n  (0, eval)('1');\n  new Function('x');\n  return fetch('/api/workflow/approve', { method: 'POST' });\n}\n",
  'libs/experimental/ai/src/modules.mjs': "import cp from 'node:child_process';\nimport { writeFileSync } from 'fs';\nexport const run = () => cp.execSync('ls');\n",
  'libs/experimental/ai/src/script.cjs': "const vm = require('vm');\nmodule.exports = () => vm.runInNewContext('1');\n",
  'libs/experimental/ai/src/view.tsx': "import { generateToolpaths } from '@luthier/rmos-toolpaths';\nexport const V = () => <div onClick={() => generateToolpaths('x')} />;\n",
  'apps/api/src/writes.ts':
    "import { writeFileSync, promises } from 'node:fs';\nimport path from 'node:path';\nconst root = process.env.RMOS_DATA_DIR ?? 'data';\nexport function save(id: string) {\n  writeFileSync(path.join(root, 'runs', `${id}.json`), '{}');\n  console.log('data/runs is only mentioned');\n  return promises.rm(`${root}/run_attachments/${id}`);\n}\n",
  'libs/rmos/contracts/src/suppress.ts': "// eslint-disable-next-line boundaries/imports\nimport { gate } from '@luthier/rmos-gates';\n/* eslint-disable */\nexport const g = gate;\n",
  'libs/shared/hashing/src/broken.ts': 'export const = 1;\n',
  'libs/shared/hashing/src/bom.ts': "\uFEFFimport { evaluate } from '@luthier/rmos-feasibility';\nexport const e = evaluate;\n",
  'tools/gen/src/shebang.ts': "#!/usr/bin/env node\nimport { routes } from '../../../apps/api/src/index.js';\nexport default routes;\n",
};

function compareRunners(root: string, files: readonly string[]) {
  const policy = loadPolicy(path.join(root, 'security/boundary-policy.json')).policy;
  const direct = createFileLinter({ root, policy });
  const eslint = createFileLinter({ root, policy, eslintRunner: true });
  let violations = 0;
  for (const rel of files) {
    const text = readFile(root, rel);
    const a = eslint(rel, text);
    const b = direct(rel, text);
    assert.deepEqual(b, a, `${rel}: the direct runner and Linter.verify disagree`);
    violations += a.violations.length;
  }
  return violations;
}

describe('the direct rule runner gives exactly what ESLint gives', () => {
  let root: string;
  before(() => {
    root = makeMiniWorkspace();
    for (const [rel, text] of Object.entries(PLANTED)) writeFile(root, rel, text);
  });
  after(() => removeWorkspace(root));

  test('a workspace with violations of every rule planted', () => {
    const files = walkWorkspace(root).sources;
    for (const rel of Object.keys(PLANTED)) assert.ok(files.includes(rel), `${rel} is walked`);
    const violations = compareRunners(root, files);
    assert.ok(violations >= 20, `the planted files are reported (${violations} violations)`);
  });

  test('every file of this workspace', () => {
    compareRunners(WORKSPACE_ROOT, walkWorkspace(WORKSPACE_ROOT).sources);
  });
});
