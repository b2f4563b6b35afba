import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import type { Log, Result } from 'sarif';
import { makeMiniWorkspace, readFile, removeWorkspace, runBoundaries, writeFile } from './helpers/workspace.js';
import { loadPolicy } from '../src/policy/load.js';

const PLANTED = {
  'libs/experimental/ai/src/shortcut.ts': "import { approveWorkflow } from '@luthier/rmos-workflow';\nexport const go = () => approveWorkflow('s1');\n",
  'apps/api/src/dump.ts': "import { writeFileSync } from 'node:fs';\nexport const dump = (b: string) => writeFileSync('data/runs/x.json', b);\n",
};

/** SARIF 2.1.0 as GitHub code scanning needs it: the properties it requires, checked one by one. */
function assertSarifShape(log: Log): void {
  assert.equal(log.version, '2.1.0');
  assert.equal(typeof log.$schema, 'string');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0]!;
  const driver = run.tool.driver;
  assert.equal(typeof driver.name, 'string');
  assert.ok(Array.isArray(driver.rules) && driver.rules.length > 0);
  for (const rule of driver.rules!) {
    assert.match(rule.id, /^boundaries\//);
    assert.equal(typeof rule.shortDescription?.text, 'string');
    assert.doesNotThrow(() => new URL(rule.helpUri!), `helpUri of ${rule.id} is a URI`);
  }
  const ruleIds = driver.rules!.map((r) => r.id);
  for (const result of run.results as Result[]) {
    assert.ok(ruleIds.includes(result.ruleId!));
    assert.equal(driver.rules![result.ruleIndex!]!.id, result.ruleId);
    assert.equal(result.level, 'error');
    assert.equal(typeof result.message.text, 'string');
    const loc = result.locations![0]!.physicalLocation!;
    assert.ok(!loc.artifactLocation!.uri!.startsWith('/'), 'uris are relative to the repository');
    assert.ok(loc.region!.startLine! >= 1 && loc.region!.startColumn! >= 1);
    assert.match(Object.values(result.partialFingerprints!)[0]!, /^[0-9a-f]{32}(:\d+)?$/);
    const props = result.properties as { policyVersion: string; zones: string[]; securityRef: string; allowedWay: string };
    assert.match(props.policyVersion, /^\d+\.\d+\.\d+$/);
    assert.ok(Array.isArray(props.zones));
    assert.match(props.securityRef, /^SECURITY\.md/);
    assert.equal(typeof props.allowedWay, 'string');
  }
}

describe('reports and --explain', () => {
  let root: string;
  before(() => {
    root = makeMiniWorkspace();
    for (const [rel, text] of Object.entries(PLANTED)) writeFile(root, rel, text);
  });
  after(() => removeWorkspace(root));

  test('text: path:line:col  rule  message, exit 1', () => {
    const r = runBoundaries(['--root', root]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^libs\/experimental\/ai\/src\/shortcut\.ts:1:\d+ {2}boundaries\/imports {2}.+Allowed: .+/m);
    assert.match(r.stdout, /^apps\/api\/src\/dump\.ts:2:\d+ {2}boundaries\/write-paths {2}.+/m);
  });

  test('json: the violations with their zones, section and allowed way', () => {
    const r = runBoundaries(['--root', root, '--format', 'json']);
    assert.equal(r.status, 1);
    const report = JSON.parse(r.stdout);
    assert.equal(report.policyVersion, loadPolicy().policy.version);
    const imp = report.violations.find((v: { file: string; rule: string }) => v.file === 'libs/experimental/ai/src/shortcut.ts' && v.rule === 'boundaries/imports');
    assert.ok(imp, r.stdout);
    assert.deepEqual([...imp.zones].sort(), ['advisory', 'authoritative']);
    assert.match(imp.securityRef, /^SECURITY\.md#/);
    assert.ok(imp.allowedWay.length > 10);
  });

  test('sarif: valid 2.1.0 shape, written with --output, fingerprints stable when code moves', () => {
    const out = `${root}/out/boundaries.sarif`;
    const r = runBoundaries(['--root', root, '--format', 'sarif', '--output', out]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /boundaries\/imports/, 'the text report still goes to the log');
    const log = JSON.parse(readFile(root, 'out/boundaries.sarif')) as Log;
    assertSarifShape(log);
    const fingerprints = (l: Log) => new Map(l.runs[0]!.results!.map((res) => [`${res.ruleId}${res.locations?.[0]?.physicalLocation?.artifactLocation?.uri}`, res.partialFingerprints]));
    const before = fingerprints(log);
    // move the violation three lines down: the line numbers change, the fingerprints must not
    writeFile(root, 'apps/api/src/dump.ts', `// a\n// b\n// c\n${PLANTED['apps/api/src/dump.ts']}`);
    const moved = runBoundaries(['--root', root, '--format', 'sarif']);
    const after = JSON.parse(moved.stdout) as Log;
    assertSarifShape(after);
    const dump = after.runs[0]!.results!.find((res) => res.locations![0]!.physicalLocation!.artifactLocation!.uri === 'apps/api/src/dump.ts')!;
    assert.equal(dump.locations![0]!.physicalLocation!.region!.startLine, 5);
    assert.deepEqual(fingerprints(after), before);
    writeFile(root, 'apps/api/src/dump.ts', PLANTED['apps/api/src/dump.ts']);
  });

  test('--explain: the zone, and what the file may import, call and write, with reasons', () => {
    const r = runBoundaries(['--root', root, '--explain', `${root}/libs/experimental/ai/src/index.ts`]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /project: @luthier\/experimental-ai/);
    assert.match(r.stdout, /zone: advisory: Experimental AI/);
    assert.match(r.stdout, /may import[^\n]*\n(?:.*\n)*? {4}- zone rmos-public: @luthier\/rmos-contracts/);
    assert.match(r.stdout, /may not import:\n(?:.*\n)*? {4}- zone authoritative: request feasibility, designs and sessions through the ports/);
    assert.match(r.stdout, / {4}- approveWorkflow \(@luthier\/rmos-workflow\), however reached: propose a design change/);
    assert.match(r.stdout, / {4}- a request to \/api\/workflow\/approve/);
    assert.match(r.stdout, / {4}- runs\/\*\*: no, only @luthier\/rmos-runs/);
    const runs = runBoundaries(['--root', root, '--explain', `${root}/libs/rmos/runs/src/store.ts`]);
    assert.match(runs.stdout, /zone: authoritative/);
    assert.match(runs.stdout, / {4}- runs\/\*\*: yes, as its owner/);
    // authority code calls authority functions; only code run from text is refused it
    assert.match(runs.stdout, /may not call:\n {4}- eval, Function: the write-path and import checks follow code, not text/);
    assert.doesNotMatch(runs.stdout, /however reached/);
    assert.match(r.stdout, /packages from outside the workspace: only zod, fast-check/);
    // a shared lib, which advisory code imports: the call rules, the modules it may not load and its package list
    const shared = runBoundaries(['--root', root, '--explain', `${root}/libs/shared/hashing/src/index.ts`]);
    assert.match(shared.stdout, /may not call:\n(?:.*\n)*? {4}- eval, Function: every zone imports the shared libs/);
    assert.match(shared.stdout, / {4}- the modules child_process, vm, worker_threads, cluster/);
    assert.match(shared.stdout, /packages from outside the workspace: only zod, fast-check/);
  });

  test('usage errors exit 2', () => {
    assert.equal(runBoundaries(['--format', 'xml']).status, 2);
    assert.equal(runBoundaries(['--root', root, '--explain', `${root}/nope.ts`]).status, 2);
    assert.equal(runBoundaries(['--root', root, `${root}/libs/nope.ts`]).status, 2);
  });

  test('an inline disable is reported once, by the suppression rule; a file that does not parse still fails', () => {
    writeFile(root, 'libs/rmos/runs/src/silenced.ts', '/* eslint-disable */\n// eslint-disable-next-line no-console\nexport const quiet = 1;\n');
    writeFile(root, 'libs/rmos/runs/src/broken.ts', 'export const = ;\n');
    const r = runBoundaries(['--root', root, `${root}/libs/rmos/runs/src/silenced.ts`, `${root}/libs/rmos/runs/src/broken.ts`]);
    assert.equal(r.status, 1);
    const silenced = r.stdout.split('\n').filter((line) => line.startsWith('libs/rmos/runs/src/silenced.ts'));
    assert.equal(silenced.length, 1, r.stdout);
    assert.match(silenced[0]!, /^libs\/rmos\/runs\/src\/silenced\.ts:1:1 {2}boundaries\/no-inline-suppression /);
    assert.match(r.stdout, /^libs\/rmos\/runs\/src\/broken\.ts:\d+:\d+ {2}boundaries\/parse-error /m);
  });

  test('no folder inside a project is passed over by its name, and .jsx files are checked', () => {
    const evasions = ['libs/experimental/ai/src/fixtures/a.ts', 'libs/experimental/ai/src/.hidden/b.ts', 'libs/experimental/ai/src/tmp/c.jsx', 'libs/experimental/ai/src/dist/d.ts'];
    for (const rel of evasions) writeFile(root, rel, "import { approveWorkflow } from '@luthier/rmos-workflow';\nexport const go = approveWorkflow;\n");
    const r = runBoundaries(['--root', root, '--no-cache']);
    assert.equal(r.status, 1);
    for (const rel of evasions) assert.match(r.stdout, new RegExp(`^${rel.replace(/[.]/g, '\\.')}:1:\\d+ {2}boundaries/imports`, 'm'), rel);
    for (const rel of evasions) rmSync(path.join(root, rel));
  });

  test('file arguments check only those files', () => {
    const r = runBoundaries(['--root', root, `${root}/apps/api/src/dump.ts`]);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /apps\/api\/src\/dump\.ts/);
    assert.doesNotMatch(r.stdout, /shortcut\.ts/);
    assert.match(r.stderr, /1 file\(s\) checked/);
    const clean = runBoundaries(['--root', root, `${root}/libs/rmos/runs/src/store.ts`]);
    assert.equal(clean.status, 0, clean.stdout);
  });
});
