#!/usr/bin/env node
// The boundary check's fast entry (lint-staged, Nx `lint` targets, the benchmark). Starting through tsx costs
// ~0.5 s of TypeScript loading on every run; instead the CLI and its worker are compiled once with esbuild into
// node_modules/.cache and reused while every compiled source file is byte-identical. Any error on this path
// falls back to running the TypeScript source through tsx, so the check itself never depends on the bundle.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const toolDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = path.resolve(toolDir, '../..');
const bundleRoot = path.join(workspace, 'node_modules', '.cache', 'luthier-boundaries', 'bundle');
// Each build lives in a folder named by the hash of its inputs and is never changed once made: a run that has
// loaded one keeps loading its lazily imported chunks and its worker from it, whatever another run (another copy of
// the workspace sharing node_modules, a run after an edit) builds meanwhile. latest.json names the newest.
const latestFile = path.join(bundleRoot, 'latest.json');
const buildDir = (hash) => path.join(bundleRoot, `b-${hash.slice(0, 32)}`);
// The one module imported by a constant specifier (so the boundary check can follow it): it loads the build the
// bin chose, named by a global. Its text never changes, so writing it again is harmless.
const entryFile = path.join(bundleRoot, 'entry.mjs');
const ENTRY = "import { pathToFileURL } from 'node:url';\nexport const load = () => import(pathToFileURL(globalThis.__boundariesBundleDir + '/main.js').href);\n";
// The worker the pool starts, by a constant path from its own place: it loads the chosen build's worker, named by
// BOUNDARIES_BUNDLE_DIR (a worker thread shares the process's environment, not its globals).
const workerStubFile = path.join(bundleRoot, 'worker.mjs');
const WORKER_STUB = "import { pathToFileURL } from 'node:url';\nawait import(pathToFileURL(process.env.BOUNDARIES_BUNDLE_DIR + '/worker.js').href);\n";

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

/** The folder of the newest build, if its inputs are still byte-identical; null otherwise. */
function currentBundle() {
  try {
    const manifest = JSON.parse(readFileSync(latestFile, 'utf8'));
    const dir = buildDir(manifest.hash);
    return manifest.format === 4 && hashInputs(manifest.inputs) === manifest.hash && existsSync(path.join(dir, 'main.js')) ? dir : null;
  } catch {
    return null; // no bundle yet
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
  const manifest = JSON.stringify({ format: 4, inputs, hash });
  writeFileSync(path.join(outdir, 'manifest.json'), manifest);
  // the finished build becomes its hash's folder by one rename (another run that built the same inputs first wins)
  const dir = buildDir(hash);
  try {
    renameSync(outdir, dir);
  } catch {
    rmSync(outdir, { recursive: true, force: true });
  }
  const pointer = `${latestFile}.${process.pid}`;
  writeFileSync(pointer, manifest);
  renameSync(pointer, latestFile);
  // builds older than a day, but the newest, are no longer in use
  for (const name of readdirSync(bundleRoot)) {
    const other = path.join(bundleRoot, name);
    if (other === dir || !/^(?:b-|build-|current)/.test(name)) continue;
    try {
      if (Date.now() - statSync(other).mtimeMs > 24 * 3600 * 1000) rmSync(other, { recursive: true, force: true });
    } catch {
      // removed by another run meanwhile
    }
  }
  return dir;
}

async function runBundled() {
  mkdirSync(bundleRoot, { recursive: true });
  process.env.BOUNDARIES_WORKSPACE_URL = pathToFileURL(`${workspace}${path.sep}`).href; // read by the bundle, in every thread
  const dir = currentBundle() ?? (await buildBundle());
  for (const [file, text] of [[entryFile, ENTRY], [workerStubFile, WORKER_STUB]])
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
      writeFileSync(`${file}.${process.pid}`, text);
      renameSync(`${file}.${process.pid}`, file);
    }
  globalThis.__boundariesBundleDir = dir;
  process.env.BOUNDARIES_BUNDLE_DIR = dir;
  const entry = await import('../../../node_modules/.cache/luthier-boundaries/bundle/entry.mjs');
  return entry.load();
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
