#!/usr/bin/env node
// The boundary check's fast entry (lint-staged, Nx `lint` targets, the benchmark). Starting through tsx costs
// ~0.5 s of TypeScript loading on every run; instead the CLI and its worker are compiled once with esbuild into
// node_modules/.cache and reused while every compiled source file is byte-identical. Any error on this path
// falls back to running the TypeScript source through tsx, so the check itself never depends on the bundle.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const toolDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.resolve(toolDir, '../..');
const bundleRoot = path.join(workspace, 'node_modules', '.cache', 'luthier-boundaries', 'bundle');
// a fixed folder, so the import below has a constant specifier the boundary check itself can follow
const bundleDir = path.join(bundleRoot, 'current');
const manifestFile = path.join(bundleDir, 'manifest.json');

function hashInputs(inputs) {
  const hash = createHash('sha256');
  for (const rel of inputs) {
    let bytes;
    try {
      bytes = readFileSync(path.join(workspace, rel));
    } catch {
      return null;
    }
    hash.update(`${rel}\0`).update(bytes).update('\0');
  }
  return hash.digest('hex');
}

function currentBundle() {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    return manifest.format === 3 && hashInputs(manifest.inputs) === manifest.hash;
  } catch {
    return false; // no bundle yet
  }
}

async function buildBundle() {
  const esbuild = await import('esbuild');
  const outdir = path.join(bundleRoot, `build-${process.pid}-${Date.now()}`);
  const result = await esbuild.build({
    absWorkingDir: workspace,
    entryPoints: { main: 'tools/boundaries/src/cli/main.ts', worker: 'tools/boundaries/src/runner/worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    plugins: [
      {
        name: 'workspace-only',
        setup(build) {
          // workspace code (@luthier/*, relative) is compiled in; npm packages stay external and load from node_modules
          build.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@luthier/') ? undefined : { path: args.path, external: true }));
          // keep each module's own import.meta.url, so paths computed from it (workspace root, tool dir) stay right;
          // relative to the workspace the bin runs from (set below), since a copy may share node_modules and so this bundle
          build.onLoad({ filter: /\.(ts|mts|js|mjs)$/ }, (args) => {
            if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
            const rel = path.relative(workspace, args.path).split(path.sep).join('/');
            const url = `new URL(${JSON.stringify(rel)}, process.env.BOUNDARIES_WORKSPACE_URL).href`;
            const text = readFileSync(args.path, 'utf8').replaceAll('import.meta.url', url);
            return { contents: text, loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js' };
          });
        },
      },
    ],
  });
  const inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.startsWith('<'))
    .map((p) => p.split(path.sep).join('/'))
    .concat(['tools/boundaries/bin/boundaries.mjs', 'package-lock.json'])
    .sort();
  const hash = hashInputs(inputs);
  if (!hash) throw new Error('an input vanished during the build');
  writeFileSync(path.join(outdir, 'manifest.json'), JSON.stringify({ format: 3, inputs, hash }));
  // swap the finished build in by renames: a concurrent reader sees the old bundle, the new one, or none (and
  // then falls back to the source), never a half-written one
  const old = `${bundleDir}-old-${process.pid}`;
  if (existsSync(bundleDir)) renameSync(bundleDir, old);
  renameSync(outdir, bundleDir);
  rmSync(old, { recursive: true, force: true });
}

async function runBundled() {
  mkdirSync(bundleRoot, { recursive: true });
  process.env.BOUNDARIES_WORKSPACE_URL = pathToFileURL(`${workspace}${path.sep}`).href; // read by the bundle, in every thread
  if (!currentBundle()) await buildBundle();
  globalThis.__boundariesWorkerUrl = pathToFileURL(path.join(bundleDir, 'worker.js'));
  return import('../../../node_modules/.cache/luthier-boundaries/bundle/current/main.js');
}

async function runSource() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

let cli;
if (process.env.BOUNDARIES_NO_BUNDLE === '1') cli = await runSource();
else {
  try {
    cli = await runBundled();
  } catch (err) {
    process.stderr.write(`boundaries: compiled fast path unavailable (${err?.message ?? err}); running from source\n`);
    cli = await runSource();
  }
}
try {
  process.exitCode = await cli.main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`boundaries: internal error: ${err?.stack ?? err}\n`);
  process.exitCode = 2;
}
