// The boundary check's benchmark (a script, not a test): `npm run bench:boundaries -- [--sizes 5000,20000]`.
// Generates a synthetic monorepo per size with planted violations of every class, then times the full check
// cold and warm, the pre-commit check of one staged file, and dependency-cruiser alone on the same tree.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateRepo, type Planted } from './generate.js';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A frozen copy of the checker for the whole run: its cache is keyed on its own source, so edits to the tool
 * while the benchmark runs (others work in this tree) would otherwise turn the warm run into a cold one.
 * node_modules holds links to the real packages, but its own .cache (results and the compiled bin).
 */
function snapshotTool(): string {
  const dir = path.join(os.tmpdir(), `bench-boundaries-tool-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  for (const rel of ['tools/boundaries/src', 'tools/boundaries/bin', 'tools/boundaries/package.json', 'tools/boundaries/project.json', 'libs/shared/hashing', 'package.json', 'package-lock.json', 'tsconfig.base.json'])
    cpSync(path.join(REPO, rel), path.join(dir, rel), { recursive: true, filter: (src) => !src.includes('node_modules') });
  mkdirSync(path.join(dir, 'node_modules'));
  for (const entry of readdirSync(path.join(REPO, 'node_modules')))
    if (entry !== '.cache') symlinkSync(path.join(REPO, 'node_modules', entry), path.join(dir, 'node_modules', entry));
  return dir;
}
const TOOL = snapshotTool();
const BIN = path.join(TOOL, 'tools/boundaries/bin/boundaries.mjs');
const DEPCRUISE = path.join(REPO, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Measure {
  wallS: number;
  cpuS: number | null;
  peakMiB: number | null;
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command, measuring wall time and (with GNU time) the peak resident memory of the process tree's largest. */
function measure(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Measure {
  const argv = TIME ? ['-v', cmd, ...args] : args;
  const start = process.hrtime.bigint();
  const r = spawnSync(TIME ?? cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, ...env } });
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr);
  const cpuS = user && sys ? Number(user[1]) + Number(sys[1]) : null;
  return { wallS, cpuS, peakMiB: rss ? Number(rss[1]) / 1024 : null, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// CPU time is printed beside wall time: on a shared machine it is the steadier figure
const fmt = (m: Measure) => `${m.wallS.toFixed(2)} s wall (${m.cpuS === null ? '?' : m.cpuS.toFixed(1)} s CPU), peak ${m.peakMiB === null ? '?' : `${m.peakMiB.toFixed(0)} MiB`}, exit ${m.status}`;

function compare(planted: Planted[], reportFile: string) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as { violations: Array<{ file: string; line: number; rule: string }> };
  const found = report.violations.filter((v) => v.rule !== 'boundaries/integrity');
  const at = new Set(found.map((v) => `${v.file}:${v.line}`));
  const missed = planted.filter((p) => !at.has(`${p.file}:${p.line}`));
  const plantedFiles = new Set(planted.map((p) => p.file));
  const plantedLines = new Set(planted.map((p) => `${p.file}:${p.line}`));
  const falsePositives = found.filter((v) => !plantedFiles.has(v.file));
  const extraInPlanted = found.filter((v) => plantedFiles.has(v.file) && !plantedLines.has(`${v.file}:${v.line}`));
  const integrity = report.violations.filter((v) => v.rule === 'boundaries/integrity');
  return { found: planted.length - missed.length, missed, falsePositives, extraInPlanted, integrity, total: report.violations.length };
}

function runSize(size: number) {
  const root = path.join(os.tmpdir(), `bench-boundaries-${size}`);
  rmSync(root, { recursive: true, force: true });
  const gen = generateRepo(root, size, REPO);
  console.log(`\n## ${gen.files} files (target ${size}), ${gen.planted.length} planted violations, in ${root}`);
  const setup = spawnSync(process.execPath, [BIN, '--root', root, '--write-security-doc'], { encoding: 'utf8' });
  if (setup.status !== 0) throw new Error(setup.stderr);
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' } });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'synthetic');

  const report = path.join(root, 'out/report.json');
  const full = ['--root', root, '--format', 'json', '--output', report];
  const cold = measure(process.execPath, [BIN, ...full], root);
  const coldCmp = compare(gen.planted, report);
  // the cache is keyed on the tool's own source too: an edit to it between runs (others work in this tree)
  // makes a "warm" run cold, so a warm run that was not served from the cache is repeated, and said so
  const fromCache = (m: Measure) => /\((\d+) from cache\)/.exec(m.stderr)?.[1] ?? '?';
  let warm = measure(process.execPath, [BIN, ...full], root);
  for (let retry = 0; retry < 2 && Number(fromCache(warm)) < gen.files - 100; retry++) {
    console.log(`  (warm run served ${fromCache(warm)} files from the cache: the tool changed meanwhile; repeating)`);
    warm = measure(process.execPath, [BIN, ...full], root);
  }
  const warmCmp = compare(gen.planted, report);

  appendFileSync(path.join(root, gen.sampleFile), '// touched\n');
  git('add', gen.sampleFile);
  const staged = measure(process.execPath, [BIN, '--root', root, '--staged', path.join(root, gen.sampleFile)], root);

  const dc = measure(process.execPath, [DEPCRUISE, 'libs', 'apps', 'tools', '--config', '.dependency-cruiser.js', '--output-type', 'json', '--no-cache'], root);
  let dcViolations = '?';
  let dcFound = '?';
  try {
    const json = JSON.parse(dc.stdout) as { summary: { violations: Array<{ from: string }> } };
    dcViolations = String(json.summary.violations.length);
    const files = new Set(json.summary.violations.map((v) => v.from));
    dcFound = String(gen.planted.filter((p) => files.has(p.file)).length);
  } catch {
    /* printed below */
  }

  console.log(`full check, cold:     ${fmt(cold)}; planted found ${coldCmp.found}/${gen.planted.length}, false positives in clean files ${coldCmp.falsePositives.length}, other reports in planted files ${coldCmp.extraInPlanted.length}, integrity ${coldCmp.integrity.length}`);
  console.log(`full check, warm:     ${fmt(warm)}; ${fromCache(warm)} files from the cache; planted found ${warmCmp.found}/${gen.planted.length}`);
  console.log(`pre-commit, 1 staged: ${fmt(staged)}`);
  console.log(`dependency-cruiser:   ${fmt(dc)}; ${dcViolations} violations, in files holding ${dcFound}/${gen.planted.length} planted`);
  for (const m of coldCmp.missed) console.log(`  MISSED ${m.file}:${m.line} (${m.kind})`);
  for (const v of coldCmp.falsePositives.slice(0, 10)) console.log(`  FALSE POSITIVE ${JSON.stringify(v)}`);
  for (const v of coldCmp.integrity) console.log(`  INTEGRITY ${JSON.stringify(v)}`);
  if (cold.status !== 1) console.log(cold.stderr.slice(-2000));
}

const sizesArg = process.argv.indexOf('--sizes');
const sizes = sizesArg > 0 ? process.argv[sizesArg + 1]!.split(',').map(Number) : [5000];
console.log(`boundary check benchmark: ${os.availableParallelism()} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' }); // the compiled fast path is built at install, not timed
try {
  for (const size of sizes) runSize(size);
} finally {
  rmSync(TOOL, { recursive: true, force: true });
}
