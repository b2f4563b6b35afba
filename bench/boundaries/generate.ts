import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A synthetic monorepo in the contract's layout: every zone, realistic clean code (imports within and across
 * projects where allowed, file-system reads and sandbox writes, local functions named like authority functions),
 * and planted violations of every class, each on a known line.
 */
export interface Planted {
  file: string;
  line: number;
  kind: string;
}

interface ProjectSpec {
  dir: string;
  name: string;
  zone: string;
}

const AUTHORITATIVE = ['feasibility', 'workflow', 'toolpaths', 'runs', 'engines', 'gates'];
const AUTHORITY_EXPORTS: Record<string, string[]> = {
  workflow: ['approveWorkflow', 'transitionWorkflow'],
  toolpaths: ['generateToolpaths'],
  runs: ['persistRunArtifact', 'putRunAttachment'],
};

function projects(fileCount: number): ProjectSpec[] {
  const extra = Math.max(2, Math.round(fileCount / 400));
  const out: ProjectSpec[] = [
    { dir: 'libs/rmos/contracts', name: '@luthier/rmos-contracts', zone: 'rmos-public' },
    ...AUTHORITATIVE.map((n) => ({ dir: `libs/rmos/${n}`, name: `@luthier/rmos-${n}`, zone: 'authoritative' })),
    { dir: 'libs/shared/hashing', name: '@luthier/shared-hashing', zone: 'shared' },
    { dir: 'libs/shared/sandbox', name: '@luthier/shared-sandbox', zone: 'shared' },
    { dir: 'apps/api', name: '@luthier/api', zone: 'routing' },
    { dir: 'tools/boundaries', name: '@luthier/boundaries', zone: 'tooling' },
  ];
  for (let i = 0; i < extra; i++) {
    out.push({ dir: `libs/experimental/lab${i}`, name: `@luthier/experimental-lab${i}`, zone: 'advisory' });
    out.push({ dir: `libs/shared/util${i}`, name: `@luthier/shared-util${i}`, zone: 'shared' });
  }
  out.push({ dir: 'apps/worker', name: '@luthier/worker', zone: 'routing' });
  return out;
}

/** What a zone may import, for the clean code's cross-project imports (mirrors the policy's matrix). */
const MAY_IMPORT: Record<string, string[]> = {
  authoritative: ['authoritative', 'rmos-public', 'shared'],
  'rmos-public': ['rmos-public', 'shared'],
  advisory: ['rmos-public', 'advisory', 'shared'],
  shared: ['shared'],
  routing: ['authoritative', 'rmos-public', 'advisory', 'shared'],
  tooling: ['shared', 'tooling'],
};

function cleanModule(p: ProjectSpec, i: number, peers: ProjectSpec[], rnd: () => number): string {
  const lines: string[] = [];
  const allowed = peers.filter((q) => q !== p && MAY_IMPORT[p.zone]!.includes(q.zone));
  const dep = allowed.length ? allowed[Math.floor(rnd() * allowed.length)]! : null;
  if (i > 0) lines.push(`import { value${i - 1}, type Shape${i - 1} } from './m${i - 1}.js';`);
  if (dep) lines.push(`import { VERSION as depVersion } from '${dep.name}';`);
  if (p.zone !== 'advisory') lines.push("import { readFileSync } from 'node:fs';", "import path from 'node:path';");
  lines.push('');
  lines.push(`export interface Shape${i} {`, '  id: string;', '  width: number;', '  depth: number;', '  notes?: string[];', '}');
  lines.push('');
  lines.push(`export const value${i} = ${i} + ${i > 0 ? `value${i - 1}` : '0'};`);
  lines.push(`// logs may mention data/runs without writing there`);
  lines.push(`export function describe${i}(s: Shape${i}): string {`, "  const parts = [s.id, String(s.width), String(s.depth)];", '  if (s.notes) parts.push(...s.notes);', `  console.log('reading data/runs is fine', parts.length${dep ? ', depVersion' : ''});`, "  return parts.join(':');", '}');
  lines.push(`// a local function that merely shares a name with an authority function`);
  lines.push(`function approveDraft${i}(draft: { ok: boolean }): boolean {`, '  return draft.ok;', '}');
  lines.push(`export function area${i}(s: Shape${i}${i > 0 ? `, prev?: Shape${i - 1}` : ''}): number {`, `  const base = s.width * s.depth;`, `  return approveDraft${i}({ ok: base > 0 }) ? base${i > 0 ? ' + (prev ? prev.width : 0)' : ''} : 0;`, '}');
  if (p.zone !== 'advisory')
    lines.push(`export function readConfig${i}(root: string): string {`, "  return readFileSync(path.join(root, 'config', 'settings.json'), 'utf8');", '}');
  for (let k = 0; k < 6; k++)
    lines.push(`export const table${i}_${k} = [${Array.from({ length: 8 }, (_, j) => (i * 31 + k * 7 + j) % 97).join(', ')}].map((n) => n * ${k + 1});`);
  lines.push('');
  return lines.join('\n');
}

/** Violations of every class, each with the 1-based line it must be reported on. */
function violationFiles(adv: ProjectSpec, app: ProjectSpec, n: number): Array<{ rel: string; text: string; planted: Array<{ line: number; kind: string }> }> {
  const a = `${adv.dir}/src/bad${n}`;
  const w = `${app.dir}/src/badw${n}`;
  return [
    { rel: `${a}_import.ts`, text: "import { evaluate } from '@luthier/rmos-feasibility';\nexport const e = evaluate;\n", planted: [{ line: 1, kind: 'import advisory->authoritative' }] },
    { rel: `${a}_deep.ts`, text: "import { Design } from '@luthier/rmos-contracts/src/m0.js';\nexport type D = Design;\n", planted: [{ line: 1, kind: 'deep import' }] },
    { rel: `${a}_rel.ts`, text: "import { value0 } from '../../../shared/hashing/src/m0.js';\nexport const v = value0;\n", planted: [{ line: 1, kind: 'relative import leaving the project' }] },
    { rel: `${a}_dyn.ts`, text: "export async function load(name: string) {\n  return import(`@luthier/${name}`);\n}\n", planted: [{ line: 2, kind: 'dynamic import with a built string' }] },
    {
      rel: `${a}_alias.ts`,
      text: "export function sneak(ports: { approveWorkflow(id: string): void }) {\n  const { approveWorkflow: ok } = ports;\n  const again = ok;\n  again('s1');\n}\n",
      planted: [{ line: 2, kind: 'authority function via destructuring alias' }],
    },
    {
      rel: `${a}_computed.ts`,
      text: "const NAME = 'transitionWorkflow';\nexport function push(rmos: Record<string, (id: string) => void>) {\n  rmos[NAME].call(rmos, 's1');\n}\n",
      planted: [{ line: 3, kind: 'authority function via computed member + call' }],
    },
    { rel: `${a}_fetch.ts`, text: "export async function approve() {\n  await fetch('/api/workflow/approve', { method: 'POST' });\n}\n", planted: [{ line: 2, kind: 'authority endpoint' }] },
    { rel: `${a}_eval.ts`, text: "export function run(code: string) {\n  return eval(code);\n}\n", planted: [{ line: 2, kind: 'eval' }] },
    { rel: `${a}_newfn.ts`, text: "export function make(body: string) {\n  return new Function(body);\n}\n", planted: [{ line: 2, kind: 'new Function' }] },
    { rel: `${a}_module.ts`, text: "import { exec } from 'node:child_process';\nexport const x = exec;\n", planted: [{ line: 1, kind: 'forbidden module' }] },
    { rel: `${a}_fs.ts`, text: "import { writeFileSync } from 'fs';\nexport const save = (b: string) => writeFileSync('data/sandbox/x', b);\n", planted: [{ line: 1, kind: 'file-system module in advisory' }] },
    {
      rel: `${a}_suppress.ts`,
      text: "// eslint-disable-next-line boundaries/imports\nimport { gate } from '@luthier/rmos-gates';\nexport const g = gate;\n",
      planted: [
        { line: 1, kind: 'inline suppression' },
        { line: 2, kind: 'suppressed import still reported' },
      ],
    },
    {
      rel: `${w}_join.ts`,
      text: "import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\nexport function dump(id: string, body: string) {\n  writeFileSync(path.join('data', 'runs', `${id}.json`), body);\n}\n",
      planted: [{ line: 4, kind: 'write into data/runs via path.join' }],
    },
    { rel: `${w}_const.ts`, text: "import { RUNS_DIR } from './badw" + n + "_dirs.js';\nimport { promises as fsp } from 'node:fs';\nexport const rm = (id: string) => fsp.rm(`${RUNS_DIR}/${id}`);\n", planted: [{ line: 3, kind: 'delete under data/runs via an imported constant' }] },
    { rel: `${w}_dirs.ts`, text: "export const DATA = 'data';\nexport const RUNS_DIR = DATA + '/runs';\n", planted: [] },
  ];
}

export interface GeneratedRepo {
  root: string;
  files: number;
  planted: Planted[];
  sampleFile: string;
}

/** Writes the synthetic monorepo; `repo` is the real workspace (for the policy and dependency-cruiser config). */
export function generateRepo(root: string, fileCount: number, repo: string): GeneratedRepo {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const specs = projects(fileCount);
  const planted: Planted[] = [];
  let files = 0;
  const advisory = specs.filter((p) => p.zone === 'advisory');
  const apps = specs.filter((p) => p.zone === 'routing');
  const setsOfViolations = Math.max(1, Math.round(fileCount / 1000));
  const violationFileCount = setsOfViolations * 15;
  const perProject = Math.max(3, Math.floor((fileCount - violationFileCount - specs.length) / specs.length));

  const paths: Record<string, string[]> = {};
  for (const p of specs) {
    write(`${p.dir}/project.json`, `${JSON.stringify({ name: p.name.split('/')[1], tags: [`zone:${p.zone}`] })}\n`);
    write(`${p.dir}/package.json`, `${JSON.stringify({ name: p.name, type: 'module', exports: { '.': './src/index.ts' } })}\n`);
    paths[p.name] = [`${p.dir}/src/index.ts`];
    const exportsOf = AUTHORITY_EXPORTS[p.dir.split('/').pop()!] ?? [];
    const index = [`export const VERSION = '${p.name}@1';`, "export * from './m0.js';", ...exportsOf.map((fn) => `export function ${fn}(id: string): string {\n  return id;\n}`)];
    if (p.name === '@luthier/rmos-contracts') index.push('export type Design = { id: string };');
    write(`${p.dir}/src/index.ts`, `${index.join('\n')}\n`);
    files++;
    for (let i = 0; i < perProject; i++, files++) write(`${p.dir}/src/m${i}.ts`, cleanModule(p, i, specs, rnd));
  }
  for (let n = 0; n < setsOfViolations; n++)
    for (const v of violationFiles(advisory[n % advisory.length]!, apps[n % apps.length]!, n)) {
      write(v.rel, v.text);
      files++;
      for (const pl of v.planted) planted.push({ file: v.rel, line: pl.line, kind: pl.kind });
    }

  write('tsconfig.base.json', `${JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', baseUrl: '.', paths } }, null, 2)}\n`);
  write('package.json', '{ "name": "synthetic", "private": true, "type": "module" }\n');
  cpSync(path.join(repo, 'security/boundary-policy.json'), path.join(root, 'security/boundary-policy.json'));
  // The same review ownership as this repository (the integrity check requires it).
  cpSync(path.join(repo, 'CODEOWNERS'), path.join(root, 'CODEOWNERS'));
  cpSync(path.join(repo, '.dependency-cruiser.js'), path.join(root, '.dependency-cruiser.js'));
  write('tools/boundaries/src/depcruise/rules.js', '');
  cpSync(path.join(repo, 'tools/boundaries/src/depcruise/rules.js'), path.join(root, 'tools/boundaries/src/depcruise/rules.js'));
  files++;
  return { root, files, planted, sampleFile: `${specs[1]!.dir}/src/m1.ts` };
}
