import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { renameSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { makeMiniWorkspace, readFile, removeWorkspace, runBoundaries, writeFile } from './helpers/workspace.js';

/** Each "no vacuous pass" failure, planted one at a time in a workspace that otherwise passes. */
describe('integrity checks', () => {
  let root: string;
  before(() => {
    root = makeMiniWorkspace();
  });
  after(() => removeWorkspace(root));

  const check = () => runBoundaries(['--root', root]);
  const policy = () => JSON.parse(readFile(root, 'security/boundary-policy.json'));
  const setPolicy = (p: unknown) => writeFile(root, 'security/boundary-policy.json', `${JSON.stringify(p, null, 2)}\n`);
  /** Applies a change, runs the check, restores the original files. */
  function withChange(files: Record<string, string>, fn: (r: ReturnType<typeof check>) => void) {
    const saved = Object.fromEntries(Object.keys(files).map((rel) => [rel, readFile(root, rel)]));
    for (const [rel, text] of Object.entries(files)) writeFile(root, rel, text);
    try {
      fn(check());
    } finally {
      for (const [rel, text] of Object.entries(saved)) writeFile(root, rel, text);
    }
  }

  test('the baseline workspace passes', () => {
    const r = check();
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stderr, /clean/);
  });

  test('a zone path that matches no file fails, naming the zone and the path', () => {
    renameSync(`${root}/libs/experimental`, `${root}/libs/labs`);
    try {
      const r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /boundaries\/integrity {2}zone advisory's path "libs\/experimental\/\*" matches no source file/);
    } finally {
      renameSync(`${root}/libs/labs`, `${root}/libs/experimental`);
    }
  });

  test('a project without a zone tag, with several, or with one that disagrees with its folder fails', () => {
    withChange({ 'libs/experimental/ai/project.json': JSON.stringify({ name: 'experimental-ai', tags: ['scope:ai'] }) }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /libs\/experimental\/ai\/project\.json:1:1 {2}boundaries\/integrity {2}project @luthier\/experimental-ai has no zone tag.*tag it "zone:advisory"/);
    });
    withChange({ 'libs/experimental/ai/project.json': JSON.stringify({ name: 'experimental-ai', tags: ['zone:advisory', 'zone:shared'] }) }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /has several zone tags \(zone:advisory, zone:shared\)/);
    });
    withChange({ 'libs/experimental/ai/project.json': JSON.stringify({ name: 'experimental-ai', tags: ['zone:authoritative'] }) }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /is tagged zone:authoritative but lies in libs\/experimental\/ai, which the policy puts in zone:advisory/);
    });
  });

  test('a project that takes another project\'s name fails, naming both (it would be the writer or authority library the policy names)', () => {
    writeFile(root, 'libs/shared/sandbox/src/w.ts', "import { writeFileSync } from 'node:fs';\nwriteFileSync('data/runs/x.json', '{}');\n");
    try {
      withChange({ 'libs/shared/sandbox/package.json': JSON.stringify({ name: '@luthier/rmos-runs', exports: { '.': './src/index.ts' } }) }, (r) => {
        assert.equal(r.status, 1);
        assert.match(r.stdout, /libs\/shared\/sandbox\/project\.json:1:1 {2}boundaries\/integrity {2}the name @luthier\/rmos-runs is claimed by several projects \(libs\/rmos\/runs, libs\/shared\/sandbox\)/);
        // neither claimant is the writer the policy names
        assert.match(r.stdout, /libs\/shared\/sandbox\/src\/w\.ts:2:\d+ {2}boundaries\/write-paths/);
      });
    } finally {
      rmSync(`${root}/libs/shared/sandbox/src/w.ts`);
    }
  });

  test('CODEOWNERS must give the policy, the tool, the hook and itself to the policy owner (the last matching pattern wins)', () => {
    const owners = readFile(root, 'CODEOWNERS');
    // a later pattern taking the tool back, CODEOWNERS handed to someone else, the policy uncovered
    withChange({ CODEOWNERS: `${owners}/*.mjs @luthier/platform\n` }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /CODEOWNERS:\d+:1 {2}boundaries\/integrity {2}eslint\.config\.mjs is owned by @luthier\/platform \(the last matching pattern, "\/\*\.mjs", wins\), not by @luthier\/security-team/);
    });
    withChange({ CODEOWNERS: owners.replace(/^\/CODEOWNERS .*$/m, '/CODEOWNERS @luthier/ai') }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /CODEOWNERS is owned by @luthier\/ai/);
    });
    withChange({ CODEOWNERS: owners.replace(/^\/security\/.*$/m, '# /security/ @luthier/security-team') }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /no pattern in CODEOWNERS covers security\/boundary-policy\.json/);
    });
    // ownership of other folders is not the check's business
    withChange({ CODEOWNERS: `${owners}/libs/experimental/ @luthier/someone-else\n*.md @luthier/docs\n/SECURITY.md @luthier/security-team\n` }, (r) => assert.equal(r.status, 0, r.stdout));
    // a workspace with none (a copy made for a check, a fixture) is not judged: its set-up, not a change
    rmSync(`${root}/CODEOWNERS`);
    try {
      const r = check();
      assert.equal(r.status, 0, r.stdout);
    } finally {
      writeFile(root, 'CODEOWNERS', owners);
    }
  });

  test('a package.json that maps an entry, a subpath, a condition or an import outside its project fails', () => {
    const rel = 'libs/rmos/contracts/package.json';
    withChange({ [rel]: JSON.stringify({ name: '@luthier/rmos-contracts', exports: { '.': { import: '../runs/src/index.ts', default: './src/index.ts' } } }) }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /libs\/rmos\/contracts\/package\.json:1:1 {2}boundaries\/integrity {2}libs\/rmos\/contracts\/package\.json maps "\.\.\/runs\/src\/index\.ts", which lies outside @luthier\/rmos-contracts/);
    });
    withChange({ [rel]: JSON.stringify({ name: '@luthier/rmos-contracts', exports: { '.': './src/index.ts', './x/*': '../workflow/src/*.ts' }, imports: { '#w': '../workflow/src/index.ts' } }) }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /maps "\.\.\/workflow\/src\/\*\.ts"/);
      assert.match(r.stdout, /maps "\.\.\/workflow\/src\/index\.ts"/);
    });
    // targets inside the project, and imports mapped to package names, are fine
    withChange({ [rel]: JSON.stringify({ name: '@luthier/rmos-contracts', exports: { '.': { types: './src/index.ts', default: './src/index.ts' }, './package.json': './package.json' }, imports: { '#z': 'zod' } }) }, (r) => assert.equal(r.status, 0, r.stdout));
  });

  test('a link in the code folders into the data root or its protected folders fails; one into the sandbox does not', () => {
    const made = ['libs/shared/hashing/src/out', 'libs/shared/hashing/src/root', 'libs/shared/hashing/src/box'];
    // the links name the data root as the policy gives it (the test workspace's, in a temp folder)
    const dataRoot = path.join(root, policy().dataRoot.default);
    symlinkSync(path.join(dataRoot, 'RUNS'), `${root}/${made[0]}`);
    symlinkSync(dataRoot, `${root}/${made[1]}`);
    symlinkSync(path.join(dataRoot, 'sandbox'), `${root}/${made[2]}`);
    try {
      const r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /libs\/shared\/hashing\/src\/out:1:1 {2}boundaries\/integrity {2}libs\/shared\/hashing\/src\/out is a link to data\/RUNS, under runs\/ of the data root/);
      assert.match(r.stdout, /libs\/shared\/hashing\/src\/root is a link to data, the data root/);
      assert.doesNotMatch(r.stdout, /src\/box/);
    } finally {
      for (const m of made) rmSync(`${root}/${m}`);
    }
  });

  test('an ESLint config inside a project fails: ESLint would use it instead of the root config (and its boundary rules)', () => {
    writeFile(root, 'libs/experimental/ai/eslint.config.mjs', 'export default [];\n');
    try {
      const r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /libs\/experimental\/ai\/eslint\.config\.mjs:1:1 {2}boundaries\/integrity {2}libs\/experimental\/ai\/eslint\.config\.mjs is an ESLint config below the root/);
    } finally {
      rmSync(`${root}/libs/experimental/ai/eslint.config.mjs`);
    }
  });

  test('a package inside a project that package-lock.json does not install fails (it would be loaded instead of the installed one); one the lockfile lists passes', () => {
    const nested = `${root}/libs/experimental/ai/node_modules`;
    writeFile(root, 'libs/experimental/ai/node_modules/zod/index.js', "module.exports = require('child_process');\n");
    writeFile(root, 'libs/experimental/ai/node_modules/@acme/kit/index.js', 'module.exports = 1;\n');
    writeFile(root, 'libs/experimental/ai/node_modules/.bin/tool', '');
    // a linked node_modules is where Node looks too
    symlinkSync(nested, `${root}/libs/shared/hashing/node_modules`);
    try {
      const r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /libs\/experimental\/ai\/node_modules\/zod:1:1 {2}boundaries\/integrity {2}libs\/experimental\/ai\/node_modules\/zod is a package that package-lock.json does not install: the files of libs\/experimental\/ai that import "zod" load it instead/);
      assert.match(r.stdout, /libs\/experimental\/ai\/node_modules\/@acme\/kit is a package/);
      assert.match(r.stdout, /libs\/shared\/hashing\/node_modules\/zod is a package/);
      assert.doesNotMatch(r.stdout, /\.bin/);
      // what npm installed there by the lockfile is the installed package
      const lock = { lockfileVersion: 3, packages: { '': {}, 'libs/experimental/ai/node_modules/zod': {}, 'libs/experimental/ai/node_modules/@acme/kit': {}, 'libs/shared/hashing/node_modules/zod': {}, 'libs/shared/hashing/node_modules/@acme/kit': {} } };
      writeFile(root, 'package-lock.json', JSON.stringify(lock));
      const locked = check();
      assert.equal(locked.status, 0, locked.stdout);
    } finally {
      rmSync(`${root}/libs/shared/hashing/node_modules`);
      rmSync(nested, { recursive: true });
      rmSync(`${root}/package-lock.json`, { force: true });
    }
  });

  test('package-lock.json may link a project only under its own name, and installs an allowed package only from the registry under its name', () => {
    const lock = (packages: Record<string, object>) => writeFile(root, 'package-lock.json', JSON.stringify({ lockfileVersion: 3, packages: { '': {}, ...packages } }));
    const own = { 'node_modules/@luthier/experimental-ai': { resolved: 'libs/experimental/ai', link: true }, 'node_modules/zod': { version: '4.0.0', resolved: 'https://registry.npmjs.org/zod/-/zod-4.0.0.tgz' }, 'node_modules/left-pad': { resolved: 'file:vendor/left-pad.tgz' } };
    try {
      lock(own);
      const clean = check();
      assert.equal(clean.status, 0, clean.stdout);
      lock({ ...own, 'node_modules/helper': { resolved: 'libs/experimental/ai', link: true }, 'node_modules/fast-check': { name: 'evil-check', version: '1.0.0' }, 'libs/shared/hashing/node_modules/zod': { resolved: 'file:../../../vendor/zod' } });
      const r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /package-lock\.json:1:1 {2}boundaries\/integrity {2}package-lock\.json installs libs\/experimental\/ai as the package "helper" \(node_modules\/helper\): an import of "helper" is judged as a package from outside the workspace, yet it loads @luthier\/experimental-ai \(zone:advisory\)/);
      assert.match(r.stdout, /installs the allowed package "fast-check" \(node_modules\/fast-check\) as an alias of "evil-check"/);
      assert.match(r.stdout, /installs the allowed package "zod" \(libs\/shared\/hashing\/node_modules\/zod\) from file:\.\.\/\.\.\/\.\.\/vendor\/zod/);
      // a package no zone is limited to may come from anywhere npm installs it from
      assert.doesNotMatch(r.stdout, /left-pad/);
    } finally {
      rmSync(`${root}/package-lock.json`, { force: true });
    }
  });

  test('a TypeScript config inside a project with path aliases of its own fails; one that only extends the root config passes', () => {
    writeFile(root, 'libs/rmos/workflow/tsconfig.json', '{\n  // an alias the root does not have\n  "extends": "../../../tsconfig.base.json",\n  "compilerOptions": { "paths": { "helper": ["../../experimental/ai/src/index.ts"] } },\n}\n');
    writeFile(root, 'libs/rmos/runs/tsconfig.lib.json', '{ "extends": "../../../tsconfig.base.json", "compilerOptions": { "strict": true } }\n');
    writeFile(root, 'apps/api/tsconfig.json', '{ "compilerOptions": { "baseUrl": "src" } }\n');
    try {
      const r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /libs\/rmos\/workflow\/tsconfig\.json:1:1 {2}boundaries\/integrity {2}libs\/rmos\/workflow\/tsconfig\.json gives the files under libs\/rmos\/workflow\/ path aliases or a baseUrl of its own/);
      assert.match(r.stdout, /apps\/api\/tsconfig\.json gives the files under apps\/api\//);
      assert.doesNotMatch(r.stdout, /tsconfig\.lib\.json/);
    } finally {
      for (const f of ['libs/rmos/workflow/tsconfig.json', 'libs/rmos/runs/tsconfig.lib.json', 'apps/api/tsconfig.json']) rmSync(`${root}/${f}`);
    }
  });

  test('an authority function that no authoritative library exports fails; a comment or a type does not count as an export', () => {
    withChange(
      {
        'libs/rmos/toolpaths/src/index.ts': '// export function generateToolpaths() {}\nexport type generateToolpaths = () => string;\nexport declare function generateToolpaths(): string;\n',
      },
      (r) => {
        assert.equal(r.status, 1);
        assert.match(r.stdout, /authority function generateToolpaths \(in @luthier\/rmos-toolpaths\), but no authoritative library exports it/);
        assert.doesNotMatch(r.stdout, /approveWorkflow/, 'a function re-exported through export … from still counts');
      },
    );
  });

  test('an expired waiver fails; an unexpired one does not', () => {
    const p = policy();
    const original = readFile(root, 'security/boundary-policy.json');
    const waiver = { rule: 'boundaries/imports', file: 'apps/api/src/index.ts', owner: '@luthier/security-team', reason: 'migration', expires: '2020-01-31' };
    try {
      setPolicy({ ...p, waivers: [waiver] });
      runBoundaries(['--root', root, '--write-security-doc']);
      let r = check();
      assert.equal(r.status, 1);
      assert.match(r.stdout, /the waiver of boundaries\/imports for apps\/api\/src\/index\.ts \(owner @luthier\/security-team\) expired on 2020-01-31/);
      setPolicy({ ...p, waivers: [{ ...waiver, expires: '2999-12-31' }] });
      runBoundaries(['--root', root, '--write-security-doc']);
      r = check();
      assert.equal(r.status, 0, r.stdout);
    } finally {
      writeFile(root, 'security/boundary-policy.json', original);
      runBoundaries(['--root', root, '--write-security-doc']);
    }
  });

  test('SECURITY.md or the JSON Schema drifting from the policy fails', () => {
    const doc = readFile(root, 'SECURITY.md');
    withChange({ 'SECURITY.md': doc.replace('| authoritative | yes |', '| authoritative | no |') }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /SECURITY\.md:\d+:1 {2}boundaries\/integrity {2}SECURITY\.md's generated zones section has drifted/);
    });
    const p = policy();
    withChange({ 'security/boundary-policy.json': JSON.stringify({ ...p, version: '1.0.1' }) }, (r) => {
      assert.equal(r.status, 1, 'a policy change without regenerating SECURITY.md is drift');
      assert.match(r.stdout, /generated zones section has drifted/);
    });
    const schema = readFile(root, 'security/boundary-policy.schema.json');
    withChange({ 'security/boundary-policy.schema.json': schema.replace('"minItems": 1', '"minItems": 0') }, (r) => {
      assert.equal(r.status, 1);
      assert.match(r.stdout, /boundary-policy\.schema\.json has drifted from the policy's zod schema/);
    });
  });

  test('zero files checked fails', () => {
    const empty = makeMiniWorkspace();
    try {
      for (const dir of ['libs', 'apps', 'tools']) rmSync(`${empty}/${dir}`, { recursive: true });
      const r = runBoundaries(['--root', empty]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /zero files were checked/);
    } finally {
      removeWorkspace(empty);
    }
  });

  test('an invalid policy is a usage error (exit 2) naming the bad field', () => {
    withChange({ 'security/boundary-policy.json': JSON.stringify({ ...policy(), version: 'one' }) }, (r) => {
      assert.equal(r.status, 2);
      assert.match(r.stderr, /version: the policy version is semver/);
    });
  });
});
