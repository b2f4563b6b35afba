import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BIN = path.join(REPO, 'tools/boundaries/bin/boundaries.mjs');

/** The projects of a small workspace in the contract's layout, each in its zone. */
const PROJECTS: Array<[dir: string, name: string, tag: string, index: string]> = [
  ['libs/rmos/contracts', '@luthier/rmos-contracts', 'zone:rmos-public', 'export interface FeasibilityPort { evaluate(design: unknown): Promise<string> }\nexport const CONTRACTS_VERSION = 1;\n'],
  ['libs/rmos/workflow', '@luthier/rmos-workflow', 'zone:authoritative', "export { approveWorkflow } from './approve.js';\nexport function transitionWorkflow(id: string): string {\n  return id;\n}\n"],
  ['libs/rmos/toolpaths', '@luthier/rmos-toolpaths', 'zone:authoritative', 'export const generateToolpaths = (id: string): string => `G0 ${id}`;\n'],
  ['libs/rmos/runs', '@luthier/rmos-runs', 'zone:authoritative', "export * from './store.js';\n"],
  ['libs/rmos/feasibility', '@luthier/rmos-feasibility', 'zone:authoritative', "export const evaluate = (d: unknown): string => (d ? 'GREEN' : 'RED');\n"],
  ['libs/rmos/engines', '@luthier/rmos-engines', 'zone:authoritative', "export const ENGINE_VERSION = '1.0.0';\n"],
  ['libs/rmos/gates', '@luthier/rmos-gates', 'zone:authoritative', "export const gate = (v: string): boolean => v === 'GREEN';\n"],
  ['libs/experimental/ai', '@luthier/experimental-ai', 'zone:advisory', "import type { FeasibilityPort } from '@luthier/rmos-contracts';\nexport async function propose(port: FeasibilityPort): Promise<string> {\n  return port.evaluate({});\n}\n"],
  ['libs/shared/hashing', '@luthier/shared-hashing', 'zone:shared', "export const ALGORITHM = 'sha256';\n"],
  ['libs/shared/sandbox', '@luthier/shared-sandbox', 'zone:shared', 'export const SANDBOX = true;\n'],
  ['apps/api', '@luthier/api', 'zone:routing', "import { approveWorkflow } from '@luthier/rmos-workflow';\nexport const routes = [approveWorkflow];\n"],
  ['tools/gen', '@luthier/gen', 'zone:tooling', "import { ALGORITHM } from '@luthier/shared-hashing';\nexport const generator = ALGORITHM;\n"],
];

const EXTRA_FILES: Record<string, string> = {
  'libs/rmos/workflow/src/approve.ts': 'export function approveWorkflow(sessionId: string): boolean {\n  return sessionId.length > 0;\n}\n',
  'libs/rmos/runs/src/paths.ts': "import path from 'node:path';\nexport const RUNS_DIR = path.join('data', 'runs');\n",
  'libs/rmos/runs/src/store.ts':
    "import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\nimport { RUNS_DIR } from './paths.js';\nexport function persistRunArtifact(id: string, body: string): void {\n  writeFileSync(path.join(RUNS_DIR, `${id}.json`), body);\n}\nexport function putRunAttachment(id: string, body: string): void {\n  writeFileSync(path.join(RUNS_DIR, id), body);\n}\n",
};

export function writeFile(root: string, rel: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), text);
}

export function readFile(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

/**
 * A throw-away workspace with every zone populated, the real policy, and its generated SECURITY.md and JSON
 * Schema: it passes every check, so a test changes one thing and sees exactly that fail.
 */
export function makeMiniWorkspace(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boundaries-mini-'));
  const paths: Record<string, string[]> = {};
  for (const [dir, name, tag, index] of PROJECTS) {
    writeFile(root, `${dir}/project.json`, `${JSON.stringify({ name: name.split('/')[1], tags: [tag] }, null, 2)}\n`);
    writeFile(root, `${dir}/package.json`, `${JSON.stringify({ name, type: 'module', exports: { '.': './src/index.ts' } }, null, 2)}\n`);
    writeFile(root, `${dir}/src/index.ts`, index);
    paths[name] = [`${dir}/src/index.ts`];
  }
  for (const [rel, text] of Object.entries(EXTRA_FILES)) writeFile(root, rel, text);
  writeFile(root, 'tsconfig.base.json', `${JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }, null, 2)}\n`);
  writeFile(root, 'package.json', '{ "name": "mini", "private": true, "type": "module" }\n');
  cpSync(path.join(REPO, 'CODEOWNERS'), path.join(root, 'CODEOWNERS'));
  cpSync(path.join(REPO, 'security/boundary-policy.json'), path.join(root, 'security/boundary-policy.json'));
  const gen = runBoundaries(['--root', root, '--write-security-doc']);
  if (gen.status !== 0) throw new Error(`cannot generate SECURITY.md: ${gen.stderr}`);
  return root;
}

/** Copies the real workspace (sources, configs, hooks; node_modules as a symlink) to a temp folder. */
export function copyRealWorkspace(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boundaries-copy-'));
  const skip = new Set(['node_modules', '.git', '.nx', 'dist', 'coverage', 'data', 'tmp', 'out']);
  for (const entry of ['libs', 'apps', 'tools', 'security', 'scripts', '.husky', '.github'])
    cpSync(path.join(REPO, entry), path.join(root, entry), {
      recursive: true,
      filter: (src) => !skip.has(path.basename(src)) && !src.includes(`${path.sep}.husky${path.sep}_`),
    });
  for (const file of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.base.json', 'nx.json', 'eslint.config.mjs', 'SECURITY.md', '.lintstagedrc.mjs', '.dependency-cruiser.js', '.gitignore', 'CODEOWNERS'])
    try {
      cpSync(path.join(REPO, file), path.join(root, file));
    } catch {
      /* a file another engineer has not written yet */
    }
  symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return root;
}

export function runBoundaries(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? REPO, encoding: 'utf8', env: { ...process.env, ...opts.env }, maxBuffer: 1 << 28 });
}

export function removeWorkspace(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
