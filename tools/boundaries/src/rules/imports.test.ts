import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importsRule } from './imports.js';
import { makeWorkspace } from './fixture-workspace.js';
import { asEslintRule, boundaryTester, AI, API, CONTRACTS, GRAPHICS, HASHING, ROOT, RUNS, TOOLING, WORKFLOW } from './tester.js';

const tester = boundaryTester();
const one = [{ messageId: 'violation' as const }];
const two = [{ messageId: 'violation' as const }, { messageId: 'violation' as const }];

tester.run('boundaries/imports', asEslintRule(importsRule), {
  valid: [
    // JSDoc in a TypeScript file is prose to TypeScript; a JavaScript file's JSDoc type from the RMOS public API is allowed
    { filename: AI, code: "/** the store lives in {import('@luthier/rmos-runs')} */\nexport const x = 1;" },
    { filename: AI.replace(/\.ts$/, '.mjs'), code: "/** @type {import('@luthier/rmos-contracts').RunArtifact | null} */\nexport const a = null;" },
    // other members of node:module, and inspector outside the advisory zone
    { filename: AI, code: "import { isBuiltin } from 'node:module'; export const b = isBuiltin('fs');" },
    { filename: API, code: "import inspector from 'node:inspector'; inspector.url();" },
    { filename: API, code: "import { WASI } from 'node:wasi'; export const w = new WASI({ version: 'preview1' });" },
    // the matrix allows these, through the package entry
    { filename: AI, code: "import { designRequestSchema } from '@luthier/rmos-contracts';" },
    { filename: AI, code: "import type { FeasibilityPort } from '@luthier/rmos-contracts';" },
    { filename: AI, code: "export * from '@luthier/experimental-ai-graphics';" },
    { filename: AI, code: "import { sha256Hex } from '@luthier/shared-hashing'; import { z } from 'zod';" },
    { filename: AI, code: "const m = await import('@luthier/rmos-contracts');" },
    { filename: WORKFLOW, code: "import { SessionStore } from '@luthier/rmos-runs'; import { canonicalJson } from '@luthier/shared-hashing';" },
    { filename: API, code: "import { proposals } from '@luthier/experimental-ai'; import { approve } from '@luthier/rmos-workflow';" },
    { filename: TOOLING, code: "import { sha256Hex } from '@luthier/shared-hashing'; import fs from 'node:fs'; import { spawn } from 'node:child_process';" },
    // forbidden modules are forbidden only in the zone the policy names
    { filename: RUNS, code: "import { writeFile } from 'node:fs/promises'; const vm = require('vm');" },
    { filename: AI, code: "import path from 'node:path'; import { createHash } from 'node:crypto';" },
    // a function's own arguments, and the wrapper's exports and file name
    { filename: AI.replace(/\.ts$/, '.cjs'), code: "function f() { return arguments[1]; } f(1, 'vm'); arguments[0].x = 1; const file = arguments[3];", languageOptions: { sourceType: 'commonjs' } },
    // a parameter given require, loading what the zone may load
    { filename: AI, code: "function load(r: any) { return r('@luthier/rmos-contracts'); } load(require);" },
    // a local function called require is not a module loader
    { filename: AI, code: "function require(x: string) { return x; } require('child_process');" },
    // the file's own project, reached relatively
    { filename: `${ROOT}/libs/rmos/runs/src/sessions/x.ts`, code: "import { SessionConflictError } from './session-store.js'; import '../index.js';" },
    // a URL scheme in any case is the same scheme: a file: URL into the file's own project, a builtin the zone may load
    { filename: AI.replace(/\.ts$/, '.mjs'), code: `await import('FILE://${ROOT}/libs/experimental/ai/src/proposal.ts'); import path from 'NODE:path';` },
    // a thread or child process running the file's own module, by a URL from the module's place or a path from the workspace root;
    // a Worker given code as text ({ eval: true }) is boundaries/forbidden-calls' to judge; loader hooks from an installed package
    { filename: WORKFLOW, code: "import { Worker } from 'node:worker_threads'; import { fork } from 'node:child_process'; new Worker(new URL('./index.ts', import.meta.url)); new Worker(new URL('./approve-workflow.ts', import.meta.url).href, {}); fork('libs/rmos/workflow/src/index.ts'); new Worker('1', { eval: true });" },
    { filename: API, code: "import { register } from 'node:module'; register('tsx/esm', import.meta.url);" },
    // a child process running node on the file's own project, with options that load no module, or on an installed package's
    // loader; programs that are not node, and a path only named to a program (ls), load nothing
    { filename: WORKFLOW, code: "import { spawn, execSync, execFileSync, fork } from 'node:child_process'; spawn(process.execPath, ['--enable-source-maps', 'libs/rmos/workflow/src/index.ts']); execSync('node --import tsx libs/rmos/workflow/src/index.ts'); execFileSync('npx', ['tsx', 'libs/rmos/workflow/src/index.ts']); execFileSync('git', ['status']); execSync('ls libs/experimental/ai/src/index.ts'); fork('libs/rmos/workflow/src/index.ts', [], { execArgv: ['--no-warnings'] });" },
    // a module chosen at run time among paths from the module's own place: each is checked; node given code as text (-e) runs no script
    { filename: TOOLING, code: "import { Worker } from 'node:worker_threads'; const urls = { a: new URL('./index.ts', import.meta.url), b: new URL('./runner/worker-entry.mjs', import.meta.url) }; export const w = () => new Worker(process.env.X ? urls.a : urls.b); new Worker(process.env.Y === '1' && new URL('./index.ts', import.meta.url) || new URL('./runner/worker-entry.mjs', import.meta.url));" },
    // code given to node as text that imports what the zone may import (or nothing); -e after node's script is the script's word
    { filename: WORKFLOW, code: "import { spawnSync, execSync } from 'node:child_process'; import { Worker } from 'node:worker_threads'; spawnSync(process.execPath, ['-e', 'console.log(require(\"node:path\").sep)']); execSync(`node -p \"require('@luthier/rmos-contracts').x\"`); new Worker('const os = require(\"node:os\"); import(\"@luthier/rmos-runs\")', { eval: true }); spawnSync('node', ['--input-type=module', '--eval', 'import { x } from \"./libs/rmos/workflow/src/index.ts\"; console.log(x)']); spawnSync('node', ['libs/rmos/workflow/src/index.ts', '-e', 'require(\"@luthier/experimental-ai\")']);" },
    // wrappers with their options and operands before the program (timeout's duration, nice -n's value): node on the file's own project, a program that is not node
    { filename: WORKFLOW, code: "import { execSync, execFileSync } from 'node:child_process'; execSync('timeout 10 node libs/rmos/workflow/src/index.ts'); execSync('nice -n 5 ls libs/experimental/ai/src/index.ts'); execFileSync('timeout', ['-k', '5', '10', 'git', 'status']); execSync('sudo -u ci env -S \"node libs/rmos/workflow/src/index.ts\"');" },
    { filename: API, code: "import cluster from 'node:cluster'; import { fileURLToPath } from 'node:url'; cluster.setupPrimary({ exec: 'apps/api/src/main.ts', execArgv: ['--enable-source-maps'] }); cluster.setupPrimary({ exec: fileURLToPath(new URL('./app.ts', import.meta.url)) });" },
    { filename: API, code: "import { spawn } from 'node:child_process'; import { Worker } from 'node:worker_threads'; spawn('node', ['apps/api/src/main.ts'], { env: { ...process.env, NODE_OPTIONS: '--import tsx --enable-source-maps' } }); new Worker(new URL('./app.ts', import.meta.url), { execArgv: ['--require', './apps/api/src/app.ts'] });" },
    // a CommonJS script asking whether it is the main module compares, taking nothing from the registry (every zone)
    { filename: WORKFLOW.replace(/\.ts$/, '.cjs'), code: 'if (require.main === module) module.exports.main();', languageOptions: { sourceType: 'commonjs' } },
    { filename: AI.replace(/\.ts$/, '.cjs'), code: 'if (module !== require.main) return;', languageOptions: { sourceType: 'commonjs', parserOptions: { ecmaFeatures: { globalReturn: true } } } },
    // a specifier made from the module's own place is that file: here, one of the file's own project (it failed closed before)
    { filename: AI, code: "import path from 'node:path'; await import(new URL('./proposal.ts', import.meta.url).href); await import(path.join(import.meta.dirname, 'rationale.ts'));" },
    // files outside libs/apps/tools have no zone to check
    { filename: `${ROOT}/scripts/x.ts`, code: "import { x } from '@luthier/rmos-runs/src/sessions/session-store.js';" },
  ],
  invalid: [
    // a Module instance's require, and import.meta.require
    { filename: AI.replace(/\.ts$/, '.cts'), code: "const M = require('module'); new M('x').require('child_process');", languageOptions: { sourceType: 'commonjs' }, errors: one },
    { filename: AI, code: "(import.meta as any).require('vm');", errors: one },
    // a package that is fs under another name
    { filename: AI, code: "import gfs from 'graceful-fs'; export const x = gfs;", errors: one },
    // builtins that run code or programs under another name: inspector and repl evaluate text as vm does, process.execve replaces the process, module.register installs loader hooks
    { filename: AI, code: "import inspector from 'node:inspector'; const r = await import('repl'); (process as any).execve('/bin/sh', []);", errors: [...two, ...one] },
    // node:wasi hands host folders to a WebAssembly instance: a file-system module under another name
    { filename: AI, code: "import { WASI } from 'node:wasi'; export const w = new WASI({ version: 'preview1', preopens: { '/sandbox': 'data/runs' } }); const m = await import('wasi');", errors: two },
    // v8 writes heap snapshots and trace_events trace logs where they are told: file-system modules under other names
    { filename: AI, code: "import v8 from 'node:v8'; v8.writeHeapSnapshot('data/runs/h'); const te = await import('trace_events');", errors: two },
    { filename: AI, code: "import { register } from 'node:module'; register('data:text/javascript,1'); import * as m from 'node:module'; m.registerHooks({}); const h = m.register;", errors: [...two, ...one] },
    // the rest of node:module is the loader: a Module object compiles text, _extensions and wrap reach the loader (createRequire, isBuiltin are data)
    { filename: AI, code: "import Module, { isBuiltin, createRequire } from 'node:module'; export const f = (code: string) => { const m = new (Module as any)('x'); m._compile(code, 'x.js'); }; export const e = (Module as any)._extensions; import * as mm from 'module'; export const w = (mm as any).wrap('x'); export const ok = [isBuiltin('fs'), createRequire(import.meta.url)('zod')];", errors: [...one, ...two] },
    // the CommonJS module system: the registry and every require hanging off it, the Module class
    { filename: AI.replace(/\.ts$/, '.cjs'), code: "module.children[0].require('child_process');", languageOptions: { sourceType: 'commonjs' }, errors: two },
    { filename: AI.replace(/\.ts$/, '.cjs'), code: "require.main.require('fs'); const c = require.cache; module.parent;", languageOptions: { sourceType: 'commonjs' }, errors: [...two, ...two] },
    { filename: AI.replace(/\.ts$/, '.cjs'), code: "process.mainModule.constructor._load('vm'); require.resolve('@luthier/rmos-runs');", languageOptions: { sourceType: 'commonjs' }, errors: [...two, ...one] },
    { filename: AI.replace(/\.ts$/, '.cts'), code: "const M = (module as any).constructor; M._load('child_process'); M.prototype.require.call(module, 'worker_threads');", languageOptions: { sourceType: 'commonjs' }, errors: two },
    { filename: AI, code: "import { Module } from 'node:module'; (Module.prototype as any).require('cluster');", errors: one },
    // the module registry in every zone: its modules' require and exports cannot be followed through its collections (fail closed)
    { filename: WORKFLOW.replace(/\.ts$/, '.cjs'), code: "Object.values(require.cache)[0].require('@luthier/experimental-ai'); const n = module.children.length;", languageOptions: { sourceType: 'commonjs' }, errors: [{ message: /require\.cache reaches the CommonJS module registry/ }, { message: /module\.children reaches the CommonJS module registry/ }] },
    // code from a URL is outside every check
    { filename: AI, code: "await import('https://cdn.example/x.js'); import x from 'data:text/javascript,export default 1';", errors: two },
    { filename: API, code: "import x from 'http://h/m.js';", errors: one },
    // the matrix, in every dependency form
    { filename: AI, code: "import { approveWorkflow } from '@luthier/rmos-workflow';", errors: one },
    { filename: AI, code: "import type { Run } from '@luthier/rmos-runs';", errors: one },
    { filename: AI, code: "export { persistRunArtifact } from '@luthier/rmos-runs';", errors: one },
    { filename: AI, code: "export * from '@luthier/rmos-toolpaths';", errors: one },
    { filename: AI, code: "export * as t from '@luthier/rmos-toolpaths';", errors: one },
    { filename: AI, code: "const wf = await import('@luthier/rmos-workflow');", errors: one },
    { filename: AI, code: "const wf = require('@luthier/rmos-workflow');", errors: one },
    { filename: AI, code: "import wf = require('@luthier/rmos-workflow');", errors: one },
    { filename: AI, code: "type W = typeof import('@luthier/rmos-workflow');", errors: one },
    { filename: AI, code: "let w: import('@luthier/rmos-gates').Gate;", errors: one },
    { filename: AI, code: "import { createRequire } from 'node:module'; const req = createRequire(import.meta.url); req('@luthier/rmos-workflow');", errors: one },
    { filename: AI, code: "import * as m from 'module'; const r = m.createRequire(import.meta.url); const load = r; load('@luthier/rmos-runs');", errors: one },
    { filename: AI, code: "module.require('@luthier/rmos-runs');", errors: one },
    { filename: AI, code: "import Module from 'node:module'; Module._load('@luthier/rmos-runs');", errors: one },
    { filename: CONTRACTS, code: "import { feasibility } from '@luthier/rmos-feasibility';", errors: one },
    { filename: HASHING, code: "import { designRequestSchema } from '@luthier/rmos-contracts';", errors: one },
    { filename: WORKFLOW, code: "import { propose } from '@luthier/experimental-ai';", errors: one },
    // the workspace scope in another case is no package from outside: on a case-insensitive file system it is the project (fail closed)
    { filename: WORKFLOW, code: "import { propose } from '@LUTHIER/experimental-ai';", errors: [{ message: /cannot be checked: no workspace project is named @LUTHIER\/experimental-ai/ }] },
    { filename: TOOLING, code: "import { approve } from '@luthier/rmos-workflow';", errors: one },
    { filename: API, code: "import { x } from '@luthier/boundaries';", errors: one },
    // a module a builtin runs or loads by its path is a dependency: a Worker's script, fork()'s module, module.register's hooks
    { filename: WORKFLOW, code: "import { fork } from 'node:child_process'; fork('libs/experimental/ai/src/index.ts');", errors: [{ message: /child_process\.fork\(\) "libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai \(zone:advisory\) may not be imported/ }] },
    { filename: WORKFLOW, code: "import { Worker } from 'node:worker_threads'; new Worker(new URL('../../../experimental/ai/src/index.ts', import.meta.url)); new Worker('./libs/rmos/runs/src/index.ts');", errors: [{ message: /new Worker\(\).*may not be imported from zone:authoritative/ }, { message: /enters @luthier\/rmos-runs at libs\/rmos\/runs\/src\/index\.ts instead of through its package entry/ }] },
    { filename: WORKFLOW, code: "import { register } from 'node:module'; register('@luthier/experimental-ai', import.meta.url);", errors: [{ message: /module\.register\(\) "@luthier\/experimental-ai"/ }] },
    { filename: API, code: "import cp from 'node:child_process'; cp.fork(['tools', 'boundaries', 'src', 'index.ts'].join('/'));", errors: [{ message: /@luthier\/boundaries \(zone:tooling\) may not be imported from zone:routing/ }] },
    // node started on a script by a child process: the script is a dependency (process.execPath, node, npx tsx, through a shell)
    { filename: WORKFLOW, code: "import { spawn } from 'node:child_process'; spawn(process.execPath, ['libs/experimental/ai/src/index.ts']);", errors: [{ message: /child_process\.spawn\(\) \(the script node runs\) "libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai \(zone:advisory\) may not be imported/ }] },
    { filename: WORKFLOW, code: "import { execSync, execFileSync } from 'node:child_process'; execSync('npx tsx libs/experimental/ai/src/index.ts'); execFileSync('node', ['--enable-source-maps', 'libs/rmos/runs/src/sessions/session-store.ts']);", errors: [{ message: /the script tsx runs\) "libs\/experimental\/ai/ }, { message: /enters @luthier\/rmos-runs at libs\/rmos\/runs\/src\/sessions\/session-store\.ts instead of through its package entry/ }] },
    // code given to node as text (node -e / --eval / -p, --input-type=module, a Worker with { eval: true }): its imports are the file's, relative ones from the workspace root;
    // text that cannot be folded, or parsed, or that reaches a loader the check cannot follow in text, fails closed
    { filename: WORKFLOW, code: "import { execSync, spawnSync } from 'node:child_process'; import { Worker } from 'node:worker_threads'; execSync(`node -e \"import('@luthier/experimental-ai')\"`); spawnSync('node', ['--eval', 'require(\"./libs/experimental/ai/src/index.ts\")']); spawnSync('tsx', ['-p', 'require(\"@luthier/rmos-runs/src/index.ts\").x']); new Worker('import(\"@luthier/experimental-ai\")', { eval: true }); spawnSync('node', ['--input-type=module', '-e', 'import x from \"@luthier/experimental-ai\"']);", errors: [{ message: /execSync\(\) \(code node is given as text\): its import of "@luthier\/experimental-ai": @luthier\/experimental-ai \(zone:advisory\) may not be imported from zone:authoritative/ }, { message: /\(code node is given as text\): its import of "\.\/libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai/ }, { message: /\(code tsx is given as text\): its import of "@luthier\/rmos-runs\/src\/index\.ts" enters @luthier\/rmos-runs/ }, { message: /new Worker\(\) \(code it is given as text, \{ eval: true \}\): its import of "@luthier\/experimental-ai"/ }, { message: /its import of "@luthier\/experimental-ai"/ }] },
    { filename: TOOLING, code: "import { spawnSync } from 'node:child_process'; import { Worker } from 'node:worker_threads'; export const run = (code: string) => [spawnSync(process.execPath, ['--import', 'tsx', '-e', code]), new Worker(code, { eval: true })]; spawnSync('node', ['-e', 'const r = require; r(\"x\")']); spawnSync('node', ['-e', 'require(\"child_process\").execSync(\"node x\")']); spawnSync('node', ['-e', '(((']); spawnSync('node', ['-e', 'globalThis[\"req\" + \"uire\"](\"x\")']); spawnSync('node', ['-e', 'import(process.argv[1])']);", errors: [{ message: /cannot be read for what it loads: it cannot be folded to constant text/ }, { message: /new Worker\(\) \(code it is given as text, \{ eval: true \}\) cannot be read for what it loads: it cannot be folded/ }, { message: /it reaches require otherwise than by a call/ }, { message: /it loads "child_process", which runs programs/ }, { message: /it does not parse/ }, { message: /it reads a property by a computed name/ }, { message: /the specifier of its import\(\) is no string literal/ }] },
    // wrappers that take options or a number before the program run it all the same (timeout 10 node x, nice -n 5 node x; env -S splits its value into the command)
    { filename: WORKFLOW, code: "import { execSync, execFileSync } from 'node:child_process'; execSync('timeout 10 node libs/experimental/ai/src/index.ts'); execSync('nice -n 5 node libs/experimental/ai/src/index.ts'); execSync('nohup node libs/experimental/ai/src/index.ts'); execSync('time node libs/experimental/ai/src/index.ts'); execFileSync('timeout', ['-s', 'KILL', '10', 'tsx', 'libs/experimental/ai/src/index.ts']); execSync('env -S \"node libs/experimental/ai/src/index.ts\"'); execSync('sudo -u ci chrt -f 10 taskset -c 0 node libs/experimental/ai/src/index.ts');", errors: Array.from({ length: 7 }, () => ({ message: /runs\) "libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai \(zone:advisory\) may not be imported from zone:authoritative/ })) },
    { filename: API, code: "import { execFileSync, spawnSync } from 'node:child_process'; execFileSync('sh', ['-c', 'cd /tmp; env DEBUG=1 node tools/boundaries/src/cli/main.ts']); spawnSync('node tools/boundaries/src/cli/main.ts', { shell: true, cwd: '.' });", errors: [{ message: /@luthier\/boundaries \(zone:tooling\) may not be imported from zone:routing/ }, { message: /@luthier\/boundaries \(zone:tooling\)/ }] },
    // a module path that cannot be folded may be any module (every zone, fail closed): a Worker's, fork's, register's, a child's script or preload, a relative one in a cwd that cannot be folded
    { filename: TOOLING, code: "import { Worker } from 'node:worker_threads'; export const w = (u: URL) => new Worker(globalThis.x ?? u);", errors: [{ message: /the module new Worker\(\) loads \("<\?>"\) cannot be folded to a constant path.*fail closed/ }] },
    { filename: WORKFLOW, code: "import { fork, spawn } from 'node:child_process'; import { register } from 'node:module'; export function f(p: string, d: string) { fork(p); register(p, import.meta.url); spawn(process.execPath, ['--enable-source-maps', p]); spawn('node', ['--require', p, 'libs/rmos/workflow/src/index.ts']); spawn('node', ['libs/rmos/workflow/src/index.ts'], { cwd: d }); }", errors: [{ message: /child_process\.fork\(\) loads/ }, { message: /module\.register\(\) loads/ }, { message: /the script node runs\) loads/ }, { message: /a module node's options preloads\) loads/ }, { message: /relative to a working directory that cannot be folded/ }] },
    // cluster's workers run the settings' exec module, with their execArgv's preloads
    { filename: WORKFLOW, code: "import cluster from 'node:cluster'; cluster.setupPrimary({ exec: 'libs/experimental/ai/src/index.ts' }); cluster.setupMaster({ exec: 'libs/rmos/workflow/src/index.ts', execArgv: ['--import', '@luthier/experimental-ai'] });", errors: [{ message: /cluster\.setupPrimary\(\) \(the module its workers run\) "libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai \(zone:advisory\)/ }, { message: /cluster\.setupMaster\(\) \(a module its workers' execArgv preloads\) "@luthier\/experimental-ai"/ }] },
    // modules preloaded into a child: --import / --require / -r / --loader in node's words, fork's or a Worker's execArgv, NODE_OPTIONS in the env option or before the program
    { filename: WORKFLOW, code: "import { spawn } from 'node:child_process'; spawn(process.execPath, ['--import', '@luthier/experimental-ai', 'libs/rmos/workflow/src/index.ts']);", errors: [{ message: /\(a module node's options preloads\) "@luthier\/experimental-ai": @luthier\/experimental-ai \(zone:advisory\)/ }] },
    { filename: WORKFLOW, code: "import { fork } from 'node:child_process'; fork('libs/rmos/workflow/src/index.ts', [], { execArgv: ['-r', './libs/experimental/ai/src/index.ts'] });", errors: [{ message: /child_process\.fork\(\) \(a module its execArgv preloads\)/ }] },
    { filename: WORKFLOW, code: "import { Worker } from 'node:worker_threads'; new Worker(new URL('./index.ts', import.meta.url), { execArgv: ['--experimental-loader=@luthier/experimental-ai'] });", errors: [{ message: /new Worker\(\) \(a module its execArgv preloads\) "@luthier\/experimental-ai"/ }] },
    { filename: WORKFLOW, code: "import { spawn, execSync } from 'node:child_process'; spawn('node', ['libs/rmos/workflow/src/index.ts'], { env: { ...process.env, NODE_OPTIONS: '--loader @luthier/experimental-ai' } }); execSync('NODE_OPTIONS=\"--require ./libs/experimental/ai/src/index.ts\" npm test');", errors: [{ message: /\(a module NODE_OPTIONS preloads\) "@luthier\/experimental-ai"/ }, { message: /\(a module NODE_OPTIONS preloads\) ".\/libs\/experimental\/ai\/src\/index\.ts"/ }, { message: /\(through the script "test" of package\.json\) \(the script node runs\) "scripts\/test\.mjs" cannot be checked: the file belongs to no project/ }] },
    // ... and one of another project is checked as that file
    { filename: AI, code: "import path from 'node:path'; await import(new URL('../../../rmos/workflow/src/index.ts', import.meta.url).href); await import(path.join(import.meta.dirname, '../../ai-graphics/src/index.ts'));", errors: [{ message: /import\(\) "..\/..\/..\/rmos\/workflow\/src\/index\.ts": @luthier\/rmos-workflow \(zone:authoritative\) may not be imported/ }, { message: /enters @luthier\/experimental-ai-graphics at libs\/experimental\/ai-graphics\/src\/index\.ts instead of through its package entry/ }] },
    // constant-folded specifiers
    { filename: AI, code: "const p = '@luthier/' + 'rmos-' + 'workflow'; await import(p);", errors: one },
    { filename: AI, code: "const s = 'workflow'; await import(`@luthier/rmos-${s}`);", errors: one },
    { filename: AI, code: "await import(String.raw`@luthier/rmos-runs`);", errors: one },
    { filename: AI, code: "await import('@luthier/'.concat('rmos-runs'));", errors: one },
    { filename: AI, code: "await import(['@luthier', 'rmos-runs'].join('/'));", errors: one },
    { filename: AI, code: "const parts = { scope: '@luthier', name: 'rmos-gates' } as const; require(parts.scope + '/' + parts.name);", errors: one },
    // deep and path imports are refused even where the zones are allowed
    { filename: WORKFLOW, code: "import { SessionStore } from '@luthier/rmos-runs/src/sessions/session-store.js';", errors: one },
    { filename: WORKFLOW, code: "import { SessionStore } from '@luthier/rmos-runs/src/sessions/session-store';", errors: one },
    { filename: WORKFLOW, code: "import { SessionStore } from '../../runs/src/sessions/session-store.js';", errors: one },
    { filename: WORKFLOW, code: "import { SessionStore } from '../../runs/src/index.js';", errors: one },
    { filename: WORKFLOW, code: `import { SessionStore } from '${ROOT}/libs/rmos/runs/src/index.ts';`, errors: one },
    { filename: WORKFLOW, code: `import { SessionStore } from 'file://${ROOT}/libs/rmos/runs/src/index.ts';`, errors: one },
    // URL schemes are case-insensitive: Node's ESM loader reads FILE:///x as file:///x
    { filename: WORKFLOW.replace(/\.ts$/, '.mjs'), code: `await import('FILE://${ROOT}/libs/experimental/ai/src/index.ts'); await import('File:' + '//localhost${ROOT}/libs/rmos/runs/src/index.ts');`, errors: [{ message: /may not be imported from zone:authoritative/ }, { message: /enters @luthier\/rmos-runs at libs\/rmos\/runs\/src\/index\.ts/ }] },
    { filename: AI, code: "import { exec } from 'NODE:child_process';", errors: [{ message: /loads the module "child_process"/ }] },
    { filename: WORKFLOW, code: "import { SessionStore } from '../../../../node_modules/@luthier/rmos-runs/src/index.ts';", errors: one },
    { filename: WORKFLOW, code: "import { SessionStore } from '../../../../node_modules/@luthier/rmos-runs';", errors: one },
    { filename: AI, code: "import { x } from '../../ai-graphics/src/index.js';", errors: one },
    { filename: AI, code: "import { x } from '../../../rmos/runs/src/index.js';", errors: one },
    { filename: WORKFLOW, code: '/// <reference path="../../runs/src/index.ts" />\nexport {};', errors: one },
    // a JavaScript file's JSDoc types are dependencies too (TypeScript reads them with allowJs / checkJs): {import('x')} and @import tags
    { filename: AI.replace(/\.ts$/, '.js'), code: "/** @type {import('@luthier/rmos-runs').RunStore} */\nexport const store = null;\n/** @import { SessionStore } from '@luthier/rmos-workflow' */\nexport {};", errors: two },
    // the file belongs to no project / a project the policy cannot place
    { filename: `${ROOT}/libs/orphan/src/x.ts`, code: 'export const x = 1;', errors: one },
    // unfoldable specifiers fail closed, everywhere
    { filename: AI, code: 'export async function load(name: string) { return import(name); }', errors: one },
    { filename: AI, code: 'const m = require(process.argv[2]!);', errors: one },
    { filename: API, code: 'export const load = (n: string) => import(`./plugins/${n}.js`);', errors: one },
    // forbidden builtins in the advisory zone, however they are reached
    { filename: AI, code: "import { exec } from 'child_process';", errors: one },
    { filename: AI, code: "import { exec } from 'node:child_process';", errors: one },
    { filename: AI, code: "import * as vm from 'node:vm'; import { Worker } from 'worker_threads'; import cluster from 'cluster';", errors: [...two, ...one] },
    { filename: AI, code: "import fs from 'fs'; import { writeFile } from 'fs/promises'; import { open } from 'node:fs/promises';", errors: [...two, ...one] },
    { filename: GRAPHICS, code: "const cp = require('child' + '_process');", errors: one },
    { filename: AI, code: "const name = 'node:vm'; const vm = await import(name);", errors: one },
    { filename: AI, code: "import type { Stats } from 'node:fs';", errors: one },
    { filename: AI, code: "const fs = process.getBuiltinModule('fs');", errors: one },
    { filename: AI, code: "const fs = globalThis.process.getBuiltinModule('node:' + 'fs');", errors: one },
    { filename: AI, code: "process.binding('spawn_sync');", errors: one },
    // a CommonJS module's top-level arguments are its wrapper's (exports, require, module, …)
    { filename: AI.replace(/\.ts$/, '.cjs'), code: "arguments[1]('child_process'); const [, r] = arguments; r('vm'); arguments[2].require('cluster');", languageOptions: { sourceType: 'commonjs' }, errors: [...two, ...one] },
    { filename: AI.replace(/\.ts$/, '.js'), code: "const i = Number(process.argv[2]); arguments[i]('worker_threads');", errors: one },
    // require handed to a parameter is require
    { filename: AI, code: "function load(r: any) { return r('@luthier/rmos-runs'); } load(require);", errors: one },
    { filename: AI, code: "const load = (r: any) => r('child_process'); load(require);", errors: one },
    // the reference and the call through the alias
    { filename: AI, code: "const d = process.dlopen; d(module, 'x.node');", errors: two },
    { filename: AI, code: "const { binding } = process; binding('fs');", errors: one },
    { filename: AI, code: "import { createRequire } from 'node:module'; createRequire(import.meta.url)('child_process');", errors: one },
    { filename: AI, code: "import { createRequire as cr } from 'node:module'; const r = cr(import.meta.url); r.call(null, 'vm');", errors: one },
    { filename: AI, code: "const r = require; r('cluster');", errors: one },
  ],
});

// package.json "imports" (#subpath) maps: resolved from the nearest package.json, then checked like any import
const pkgRoot = makeWorkspace({
  'libs/experimental/ai/package.json': JSON.stringify({
    name: '@luthier/experimental-ai',
    exports: { '.': './src/index.ts' },
    imports: {
      '#own/*': './src/*.ts',
      '#wf': '@luthier/rmos-workflow',
      '#escape': '../../rmos/workflow/src/index.ts',
      '#contracts': '@luthier/rmos-contracts',
      '#cond': { node: '@luthier/rmos-contracts', default: '@luthier/rmos-runs' },
      '#fs': 'node:fs',
    },
  }),
  'libs/experimental/ai/src/util.ts': 'export const u = 1;\n',
  'libs/shared/paths/src/index.ts': "export * as fsx from 'node:fs';\nexport { writeFileSync as w } from 'node:fs';\nexport * from 'node:child_process';\nexport const ok = 1;\n",
  'libs/experimental/ai/src/relay.ts': "import * as f from 'node:fs';\nexport const io = f;\nexport default f.promises;\n",
});
const pkgAi = `${pkgRoot}/libs/experimental/ai/src/x.ts`;
boundaryTester(pkgRoot).run('boundaries/imports (#subpath imports)', asEslintRule(importsRule), {
  valid: [
    { filename: pkgAi, code: "import { u } from '#own/util'; import { c } from '#contracts';" },
    { filename: pkgAi, code: "import { ok } from '@luthier/shared-paths'; export const y = ok;" },
  ],
  invalid: [
    { filename: pkgAi, code: "import { approveWorkflow } from '#wf';", errors: one },
    { filename: pkgAi, code: "import { approveWorkflow } from '#escape';", errors: one },
    { filename: pkgAi, code: "import x from '#cond';", errors: one },
    { filename: pkgAi, code: "import fs from '#fs';", errors: one },
    { filename: pkgAi, code: "import x from '#nowhere';", errors: one },
    // forbidden builtins laundered through a shared lib or another advisory file
    { filename: pkgAi, code: "import { fsx, w, exec } from '@luthier/shared-paths';", errors: [...two, ...one] },
    { filename: pkgAi, code: "import * as sh from '@luthier/shared-paths'; sh.fsx.rmSync('/'); sh.execSync('x');", errors: two },
    { filename: pkgAi, code: "import p, { io } from './relay.js'; io.writeFileSync('/tmp/x', ''); p.rm('/');", errors: two },
  ],
});

// resolution TypeScript and Node do beyond paths: baseUrl, installed names that link into the workspace
const linkRoot = makeWorkspace({
  'libs/rmos/workflow/src/deep.ts': 'export const d = 1;\n',
  'libs/experimental/ai/src/own.ts': 'export const o = 1;\n',
  'scripts/relay.ts': 'export const r = 1;\n',
});
mkdirSync(`${linkRoot}/libs/experimental/ai/node_modules`, { recursive: true });
symlinkSync(`${linkRoot}/libs/rmos/workflow`, `${linkRoot}/libs/experimental/ai/node_modules/wf`);
symlinkSync(`${linkRoot}/libs/experimental/ai`, `${linkRoot}/libs/experimental/ai/node_modules/me`);
mkdirSync(`${linkRoot}/node_modules/plain/`, { recursive: true });
writeFileSync(`${linkRoot}/node_modules/plain/package.json`, JSON.stringify({ name: 'plain', main: 'index.js' }));
writeFileSync(`${linkRoot}/node_modules/plain/index.js`, 'module.exports = 1;\n');
symlinkSync(`${linkRoot}/libs/rmos/workflow`, `${linkRoot}/node_modules/wf2`);
symlinkSync(`${linkRoot}/libs/rmos/contracts`, `${linkRoot}/node_modules/contracts-alias`);
mkdirSync(`${linkRoot}/libs/experimental/ai/src/node_modules`, { recursive: true });
writeFileSync(`${linkRoot}/libs/experimental/ai/src/node_modules/evil.ts`, "export * as e from '@luthier/rmos-workflow';\n");
mkdirSync(`${linkRoot}/libs/experimental/ai/node_modules/evil`, { recursive: true });
writeFileSync(`${linkRoot}/libs/experimental/ai/node_modules/evil/index.js`, "export * as e from '@luthier/rmos-workflow';\n");
writeFileSync(`${linkRoot}/libs/experimental/ai/src/twin.js`, 'export const t = 1;\n');
symlinkSync(`${linkRoot}/libs/rmos/workflow/src/deep.ts`, `${linkRoot}/libs/experimental/ai/src/twin.ts`);
writeFileSync(`${linkRoot}/libs/experimental/ai/src/pair.js`, 'export const p = 1;\n');
writeFileSync(`${linkRoot}/libs/experimental/ai/src/pair.ts`, 'export const p = 1;\n');
const linkAi = `${linkRoot}/libs/experimental/ai/src/x.ts`;
boundaryTester(linkRoot).run('boundaries/imports (baseUrl, linked installs, references, augmentations)', asEslintRule(importsRule), {
  valid: [
    // a real installed package, a link to the file's own project, a link to an allowed project's entry
    { filename: linkAi, code: "import { o } from 'me/src/own.ts'; import c from 'contracts-alias';" },
    // an installed package is outside the workspace (the advisory zone may load only listed ones: see below)
    { filename: `${linkRoot}/apps/api/src/x.ts`, code: "import p from 'plain';" },
    // baseUrl into the file's own project; references and augmentations of installed packages
    { filename: linkAi, code: "import { o } from 'libs/experimental/ai/src/own';" },
    // a .js and a .ts of the same name in the file's own project
    { filename: linkAi, code: "import { p } from './pair.js';" },
    { filename: linkAi, code: '/// <reference types="node" />\n/// <reference lib="es2022" />\nexport {};' },
    { filename: linkAi, code: "declare module 'plain' { export const extra: 1; }\ndeclare module '*.svg' { const s: string; export default s; }\nexport {};" },
  ],
  invalid: [
    // TypeScript resolves a bare name against baseUrl when no path alias matches
    { filename: linkAi, code: "import { d } from 'libs/rmos/workflow/src/deep';", errors: one },
    { filename: linkAi, code: "import type { d } from 'libs/rmos/workflow/src/index';", errors: one },
    { filename: linkAi, code: "import { r } from 'scripts/relay';", errors: one },
    // an installed name that is a link into another project is that project (deep or entry)
    { filename: linkAi, code: "import { d } from 'wf';", errors: one },
    { filename: linkAi, code: "const w = await import('wf2');", errors: one },
    { filename: `${linkRoot}/libs/rmos/runs/src/x.ts`, code: "import { d } from 'wf2/src/deep.ts';", errors: one },
    { filename: linkAi, code: "import c from 'contracts-alias/src/index.ts';", errors: one },
    // a reference's path or types wherever it stands among the arguments
    { filename: linkAi, code: '/// <reference resolution-mode="import" types="@luthier/rmos-workflow" />\nexport {};', errors: one },
    { filename: linkAi, code: "/// <reference path='../../../rmos/workflow/src/deep.ts' />\nexport {};", errors: one },
    // ./twin.js is the local twin.js for Node and twin.ts (a link into workflow) for TypeScript and tsx
    { filename: linkAi, code: "import { t } from './twin.js';", errors: one },
    // a file in a node_modules folder inside a project is never checked itself: reached by path it is refused
    { filename: linkAi, code: "import { e } from './node_modules/evil.ts';", errors: one },
    { filename: linkAi, code: "import { e } from '../node_modules/evil/index.js';", errors: one },
    // a module augmentation depends on the module it augments
    { filename: linkAi, code: "declare module '@luthier/rmos-workflow' { interface X { a: 1 } }\nexport {};", errors: one },
    { filename: `${linkRoot}/libs/rmos/runs/src/x.ts`, code: "declare module '../../workflow/src/deep.ts' { export const e: 1; }\nexport {};", errors: one },
  ],
});

// tsconfig paths applied as TypeScript applies them: an exact pattern first, then the longest wildcard prefix
const aliasRoot = makeWorkspace({ 'libs/shared/paths/src/deep/index.ts': 'export const s = 1;\n', 'libs/shared/paths/src/util.ts': 'export const u = 1;\n' });
writeFileSync(
  `${aliasRoot}/tsconfig.base.json`,
  JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@x/*': ['libs/shared/paths/src/*'], '@x/deep/*': ['libs/rmos/workflow/src/*'], '@x/shared': ['libs/shared/paths/src/index.ts'], '@x/sh*': ['libs/rmos/workflow/src/*'] } } }),
);
const aliasAi = `${aliasRoot}/libs/experimental/ai/src/x.ts`;
boundaryTester(aliasRoot).run('boundaries/imports (tsconfig paths precedence)', asEslintRule(importsRule), {
  valid: [{ filename: aliasAi, code: "import { x } from '@x/shared';" }],
  invalid: [
    // '@x/deep/*' is the longer prefix: TypeScript takes the workflow file, whatever '@x/*' would give
    { filename: aliasAi, code: "import { s } from '@x/deep/index';", errors: [{ message: /rmos-workflow \(zone:authoritative\) may not be imported/ }] },
    { filename: aliasAi, code: "import { u } from '@x/util';", errors: [{ message: /enters @luthier\/shared-paths at libs\/shared\/paths\/src\/util\.ts/ }] },
  ],
});

// the aliases in effect are tsconfig.json's (what tsc -p tsconfig.json and tsx read), with comments, extends and overrides
const tsRoot = makeWorkspace({});
writeFileSync(
  `${tsRoot}/tsconfig.json`,
  '{\n  // the root config\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": {\n    /* an override */ "paths": { "@luthier/rmos-contracts": ["libs/rmos/workflow/src/index.ts"], "url//like": ["libs/rmos/contracts/src/index.ts"], },\n  },\n}\n',
);
const tsAi = `${tsRoot}/libs/experimental/ai/src/x.ts`;
boundaryTester(tsRoot).run('boundaries/imports (tsconfig.json in effect)', asEslintRule(importsRule), {
  valid: [{ filename: tsAi, code: "import { c } from 'url//like';" }],
  invalid: [{ filename: tsAi, code: "import { c } from '@luthier/rmos-contracts';", errors: [{ message: /rmos-workflow \(zone:authoritative\) may not be imported/ }] }],
});

// packages from outside the workspace: the advisory zone (and the zones it imports) loads only those its policy lists (zod, fast-check), also when
// a workspace module hands one on; type imports load nothing; native addons and WebAssembly modules are compiled code
const pkgListRoot = makeWorkspace({
  'libs/shared/paths/src/index.ts': "export { execa } from 'execa';\nexport { default as Database } from 'better-sqlite3';\nexport { z } from 'zod';\n",
  'libs/experimental/ai/src/addon.node': 'x',
  'libs/experimental/ai/src/module.wasm': '\0asm',
  ...Object.fromEntries(['execa', 'better-sqlite3', 'zod'].flatMap((name) => [[`node_modules/${name}/package.json`, JSON.stringify({ name, main: 'index.js' })], [`node_modules/${name}/index.js`, 'module.exports = {};\n']])),
});
const listAi = `${pkgListRoot}/libs/experimental/ai/src/x.ts`;
boundaryTester(pkgListRoot).run('boundaries/imports (allowed packages, native code)', asEslintRule(importsRule), {
  valid: [
    { filename: listAi, code: "import { z } from 'zod'; import * as v4 from 'zod/v4'; import fc from 'fast-check'; import type { FastifyInstance } from 'fastify'; export type T = import('execa').Options;" },
    { filename: listAi, code: "import { z } from '@luthier/shared-paths';" },
    { filename: `${pkgListRoot}/apps/api/src/x.ts`, code: "import Fastify from 'fastify'; import Database from 'better-sqlite3'; import { execa } from '@luthier/shared-paths';" },
  ],
  invalid: [
    {
      filename: listAi,
      code: "import { execa } from 'execa'; import Database from 'better-sqlite3'; const pg = await import('pg'); const lp = require('left-pad/index.js'); export * from '@scope/pkg';",
      errors: Array.from({ length: 5 }, () => ({ message: /is not on the list of packages zone:advisory may load \(zod, fast-check\)/ })),
    },
    { filename: listAi, code: "import { execa, Database } from '@luthier/shared-paths'; import { type Pool } from 'pg';", errors: [{ message: /reaches the package "execa" through "@luthier\/shared-paths"/ }, { message: /reaches the package "better-sqlite3"/ }, { message: /loads the package "pg"/ }] },
    // the zones advisory code imports (shared, the RMOS public API) hold no power it lacks: no program runners, no unlisted package
    { filename: `${pkgListRoot}/libs/shared/paths/src/y.ts`, code: "import { execSync } from 'node:child_process'; import { execa } from 'execa'; import { z } from 'zod'; import { createHash } from 'node:crypto'; import { readFileSync } from 'node:fs';", errors: [{ message: /"child_process", which zone:shared may not load/ }, { message: /"execa", which is not on the list of packages zone:shared may load/ }] },
    { filename: `${pkgListRoot}/libs/rmos/contracts/src/y.ts`, code: "import pino from 'pino'; import vm from 'node:vm'; import { z } from 'zod';", errors: [{ message: /"pino", which is not on the list of packages zone:rmos-public may load/ }, { message: /"vm", which zone:rmos-public may not load/ }] },
    { filename: listAi, code: "import addon from './addon.node'; const m = require('./module.wasm');", errors: [{ message: /native addon or WebAssembly module/ }, { message: /native addon or WebAssembly module/ }] },
  ],
});

// CommonJS runs a file of any extension but .json and .node as JavaScript: code in a file the walk does not read
// (helper.txt, an extension-less script, a folder whose package.json main is one) is never checked (fail closed);
// naming it (require.resolve) or loading JSON and source files loads nothing unchecked
const otherExtRoot = makeWorkspace({
  'libs/rmos/workflow/src/helper.txt': "require('fs').rmSync('data/runs', { recursive: true });\n",
  'libs/rmos/workflow/src/script': "require('fs').rmSync('data/runs', { recursive: true });\n",
  'libs/rmos/workflow/src/pkg/package.json': JSON.stringify({ main: 'main.sh' }),
  'libs/rmos/workflow/src/pkg/main.sh': "require('fs').rmSync('data/runs', { recursive: true });\n",
  'libs/rmos/workflow/src/data.json': '{"a":1}\n',
  'libs/rmos/workflow/src/ok.cjs': 'module.exports = 1;\n',
  'libs/rmos/workflow/src/types.d.ts': 'export type T = 1;\n',
});
const otherExtWorkflow = `${otherExtRoot}/libs/rmos/workflow/src/x.ts`;
boundaryTester(otherExtRoot).run('boundaries/imports (files of other extensions)', asEslintRule(importsRule), {
  valid: [
    { filename: otherExtWorkflow, code: "import data from './data.json' with { type: 'json' }; const ok = require('./ok.cjs'); const j = require('./data'); import type { T } from './types';" },
    { filename: otherExtWorkflow, code: "const where = require.resolve('./helper.txt'); const url = import.meta.resolve('./script');" },
  ],
  invalid: [
    {
      filename: otherExtWorkflow,
      code: "import { createRequire } from 'node:module'; const req = createRequire(import.meta.url); req('./helper.txt'); req('./script'); require('./pkg');",
      errors: Array.from({ length: 3 }, () => ({ message: /which is no source file the boundary check reads/ })),
    },
    { filename: otherExtWorkflow.replace(/\.ts$/, '.cjs'), code: "require('./helper' + '.txt');", languageOptions: { sourceType: 'commonjs' }, errors: [{ message: /loads libs\/rmos\/workflow\/src\/helper\.txt/ }] },
  ],
});

// code outside the workspace reached by a path (relative, absolute, file: URL) or by a link pointing out of it is read by no
// check (fail closed, every zone); installed code is what the workspace's node_modules hold, also when node_modules is a link
const outside = mkdtempSync(path.join(os.tmpdir(), 'boundaries-outside-'));
writeFileSync(`${outside}/relay.mjs`, "export * from '@luthier/experimental-ai';\n");
mkdirSync(`${outside}/modules/pkg`, { recursive: true });
writeFileSync(`${outside}/modules/pkg/index.js`, 'export const p = 1;\n');
const outRoot = makeWorkspace({});
symlinkSync(outside, `${outRoot}/libs/rmos/workflow/src/ext`);
symlinkSync(`${outside}/modules`, `${outRoot}/node_modules`);
const outWorkflow = `${outRoot}/libs/rmos/workflow/src/x.ts`;
const climb = path.relative(path.dirname(outWorkflow), `${outside}/relay.mjs`);
boundaryTester(outRoot).run('boundaries/imports (code outside the workspace)', asEslintRule(importsRule), {
  valid: [
    { filename: outWorkflow, code: "import { p } from '../../../../node_modules/pkg/index.js'; import q from 'pkg';" },
    { filename: `${outRoot}/apps/api/src/x.ts`, code: "const p = await import('../../../node_modules/pkg/index.js');" },
  ],
  invalid: [
    {
      filename: outWorkflow,
      code: `import a from '${climb}'; import b from '${outside}/relay.mjs'; import c from 'file://${outside}/relay.mjs'; import d from './ext/relay.mjs';`,
      errors: Array.from({ length: 4 }, () => ({ message: /a file outside the workspace that no boundary check reads \(fail closed\).*install code from outside the workspace as a package/ })),
    },
    { filename: `${outRoot}/libs/experimental/ai/src/x.ts`, code: `import b from '${outside}/relay.mjs';`, errors: [{ message: /a file outside the workspace/ }] },
  ],
});

// node started inside a package.json script (npm run x, npm test with its pre script, a script of another folder,
// the node-options of its .npmrc) or inside a shell script run by file: read as boundaries/write-paths reads them
const scriptsRoot = makeWorkspace({
  'package.json': JSON.stringify({ name: 'fixture', private: true, scripts: { ai: 'node libs/experimental/ai/src/index.ts', 'ai-tsx': 'tsx --tsconfig tsconfig.json libs/experimental/ai/src/index.ts', pretest: 'node libs/experimental/ai/src/index.ts', test: 'echo ok', own: 'node libs/rmos/workflow/src/index.ts', build: 'tsc -p tsconfig.json', chain: 'npm run ai', deploy: 'sh scripts/deploy.sh', lint: 'eslint libs/experimental/ai' } }),
  'scripts/deploy.sh': '#!/bin/sh\nset -e\necho deploying\nnode libs/experimental/ai/src/index.ts\n',
  'scripts/ok.sh': '#!/bin/sh\nnode libs/rmos/workflow/src/index.ts\nls libs/experimental/ai/src\n',
  'libs/experimental/ai/src/cli.mjs': '#!/usr/bin/env node\nexport {};\n',
  'pkgs/x/package.json': JSON.stringify({ name: 'x', scripts: { start: 'node ../../libs/experimental/ai/src/index.ts', own: 'node ../../libs/rmos/workflow/src/index.ts' } }),
  'pkgs/y/package.json': JSON.stringify({ name: 'y', scripts: { build: 'tsc' } }),
  'pkgs/y/.npmrc': 'node-options=--import ../../libs/experimental/ai/src/index.ts\n',
});
const scriptsWorkflow = `${scriptsRoot}/libs/rmos/workflow/src/x.ts`;
boundaryTester(scriptsRoot).run('boundaries/imports (node inside package scripts and shell scripts)', asEslintRule(importsRule), {
  valid: [
    // scripts that run node on the file's own project, or programs that are not node; scripts that do not exist or are no package script (npm ci)
    { filename: scriptsWorkflow, code: "import { execSync, execFileSync } from 'node:child_process'; execSync('npm run own'); execSync('npm run build'); execSync('npm run lint'); execSync('npm run missing'); execSync('npm ci'); execSync('sh scripts/ok.sh'); execFileSync('npm', ['start'], { cwd: 'pkgs/y' }); execSync('npm --prefix pkgs/x run own');" },
  ],
  invalid: [
    { filename: scriptsWorkflow, code: "import { execSync, execFileSync } from 'node:child_process'; execSync('npm run ai'); execFileSync('npm', ['run', 'ai-tsx']); execSync('npm test'); execSync('yarn chain');", errors: [{ message: /execSync\(\) \(through the script "ai" of package\.json\) \(the script node runs\) "libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai \(zone:advisory\) may not be imported from zone:authoritative/ }, { message: /\(through the script "ai-tsx" of package\.json\) \(the script tsx runs\)/ }, { message: /\(through the script "pretest" of package\.json\)/ }, { message: /\(through the script "chain" of package\.json\) \(through the script "ai" of package\.json\)/ }] },
    { filename: scriptsWorkflow, code: "import { execSync, execFileSync, spawn } from 'node:child_process'; execSync('sh scripts/deploy.sh'); execFileSync('bash', ['-e', 'scripts/deploy.sh']); spawn('./scripts/deploy.sh'); execSync('npm run deploy'); execSync('. scripts/deploy.sh');", errors: [{ message: /\(through scripts\/deploy\.sh\) \(the script node runs\) "libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai/ }, { message: /through scripts\/deploy\.sh/ }, { message: /spawn\(\) \(through scripts\/deploy\.sh\)/ }, { message: /\(through the script "deploy" of package\.json\) \(through scripts\/deploy\.sh\)/ }, { message: /through scripts\/deploy\.sh/ }] },
    // a package's scripts run in its folder; its .npmrc's node-options preload into every node of them; a node script run by its path
    { filename: scriptsWorkflow, code: "import { execSync, spawnSync } from 'node:child_process'; execSync('npm --prefix pkgs/x start'); execSync('npm run build', { cwd: 'pkgs/y' }); spawnSync('./libs/experimental/ai/src/cli.mjs');", errors: [{ message: /\(through the script "start" of pkgs\/x\/package\.json\) \(the script node runs\) "..\/..\/libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai/ }, { message: /a module the node-options npm hands the scripts of pkgs\/y\/package\.json preloads\) "..\/..\/libs\/experimental\/ai\/src\/index\.ts": @luthier\/experimental-ai/ }, { message: /spawnSync\(\) \(the script it runs\) ".*libs\/experimental\/ai\/src\/cli\.mjs": @luthier\/experimental-ai/ }] },
  ],
});
