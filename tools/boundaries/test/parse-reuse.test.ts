import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { loadPolicy } from '../src/policy/load.js';
import { createFileLinter } from '../src/runner/lint-file.js';
import { makeMiniWorkspace, readFile, removeWorkspace, writeFile } from './helpers/workspace.js';

/**
 * One linter thread keeps the parse of each file it checks for the constant lookups of the files after it.
 * That parse is reused only for exactly the same text: a file changed on disk since (or a staged version that
 * differs from the work tree) is parsed afresh, so an imported constant is never read from a stale tree.
 */
describe('reuse of the parse of a file already checked', () => {
  let root: string;
  const target = 'apps/api/src/target.ts';
  const writer = 'apps/api/src/export.ts';
  before(() => {
    root = makeMiniWorkspace();
    writeFile(root, target, "export const EXPORT_DIR = 'data/exports';\n");
    writeFile(
      root,
      writer,
      "import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\nimport { EXPORT_DIR } from './target.js';\nexport function save(name: string, body: string): void {\n  writeFileSync(path.join(EXPORT_DIR, name), body);\n}\n",
    );
  });
  after(() => removeWorkspace(root));

  const writeViolations = (lint: ReturnType<typeof createFileLinter>) =>
    lint(writer, readFile(root, writer)).violations.filter((v) => v.rule === 'boundaries/write-paths');

  test('an imported file checked earlier, then changed on disk, is read in its new form', () => {
    const lint = createFileLinter({ root, policy: loadPolicy(path.join(root, 'security/boundary-policy.json')).policy });
    lint(target, readFile(root, target)); // its parse is now held
    assert.equal(writeViolations(lint).length, 0);
    writeFile(root, target, "export const EXPORT_DIR = 'data/runs';\n");
    assert.equal(writeViolations(lint).length, 1);
    lint(target, readFile(root, target));
    assert.equal(writeViolations(lint).length, 1);
    writeFile(root, target, "export const EXPORT_DIR = 'data/exports';\n");
    assert.equal(writeViolations(lint).length, 0);
  });

  test('a staged version of the imported file (checked from other text than the disk) does not stand in for the disk', () => {
    const lint = createFileLinter({ root, policy: loadPolicy(path.join(root, 'security/boundary-policy.json')).policy });
    writeFile(root, target, "export const EXPORT_DIR = 'data/runs';\n");
    lint(target, "export const EXPORT_DIR = 'data/exports';\n"); // e.g. the index holds the harmless version
    assert.equal(writeViolations(lint).length, 1);
    writeFile(root, target, "export const EXPORT_DIR = 'data/exports';\n");
  });
});
