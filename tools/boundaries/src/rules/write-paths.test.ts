import assert from 'node:assert/strict';
import { test } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { takeDependencies } from '../workspace/dependency-log.js';
import { makeWorkspace } from './fixture-workspace.js';
import { asEslintRule, boundaryTester, AI, API, POLICY, ROOT, RUNS, TOOLING, WORKFLOW } from './tester.js';
import { writePathsRule } from './write-paths.js';

const errors = (n: number) => Array.from({ length: n }, () => ({ messageId: 'violation' as const }));
const fsImport = "import fs from 'node:fs'; import path from 'node:path';";

tester();

function tester() {
  boundaryTester().run('boundaries/write-paths', asEslintRule(writePathsRule), {
    valid: [
      // literals handed to readers keep their values: fs and child_process options in a variable, a Set of table names, Object.hasOwn, a logger, a route's answer
      { filename: API, code: `${fsImport} import { execFileSync } from 'node:child_process'; export function readRun(id: string) { const opts = { encoding: 'utf8' as const }; return fs.readFileSync(\`data/runs/\${encodeURIComponent(id)}.json\`, opts); } export function show(sha: string) { const opts = { encoding: 'utf8' as const }; return execFileSync('git', ['show', sha], opts); }` },
      { filename: API, code: "const TABLES = ['jobs', 'audit_log']; const T2 = { jobs: 'jobs' }; export const KNOWN = new Set(TABLES); export const isTable = (k: string) => Object.hasOwn(T2, k); export function clear(db: any, log: any) { log.info(TABLES); db.exec(`DELETE FROM ${TABLES[0]}`); db.exec(`DELETE FROM ${T2.jobs}`); return { tables: TABLES }; }" },
      // PRAGMAs from a constant table, values of a constant object, and db.pragma settings that rewrite nothing
      { filename: API, code: "const PRAGMAS = { journal_mode: 'WAL', synchronous: 'NORMAL' }; const TABLES = { a: 'jobs', b: 'audit_log' }; export function tune(db: any) { for (const [k, v] of Object.entries(PRAGMAS)) db.exec(`PRAGMA ${k} = ${v}`); for (const t of Object.values(TABLES)) db.exec(`DELETE FROM ${t}`); db.pragma('journal_mode = WAL'); }" },
      // a config spread before its own key keeps that key; a loop adding to a sandbox path; a Map read by its key
      { filename: API, code: `${fsImport} const base = { dir: 'data/sandbox' }; const cfg = { ...base, name: 'x' }; fs.writeFileSync(cfg.dir + '/x.json', ''); let p = 'data/sandbox/'; for (const s of ['a', 'b']) p += s; fs.writeFileSync(p, ''); const m = new Map<string, any>([['w', fs.writeFileSync], ['r', fs.readFileSync]]); m.get('r')('data/runs/y.json');` },
      // pushes in order fill the next indices; command -v and node --run run no file
      { filename: API, code: `${fsImport} import { execSync } from 'node:child_process'; const DATA = process.env.RMOS_DATA_DIR ?? 'data'; const roots: string[] = []; roots.push(path.join(DATA, 'runs')); roots.push(path.join(DATA, 'sandbox')); export function note() { fs.writeFileSync(path.join(roots[1]!, 'note.txt'), ''); } export const r = () => [execSync('command -v node'), execSync('node --run build')];` },
      // a listener given sandbox paths only
      { filename: API, code: `${fsImport} import { EventEmitter } from 'node:events'; const e = new EventEmitter(); e.on('go', fs.rmSync); e.emit('go', 'data/sandbox/x'); e.emit('other', 'data/runs');` },
      // reading PostgreSQL's catalogs, settings named by constants, a table referring to the store's
      { filename: API, code: "export const f = (pool: any, id: string) => [pool.query(\"SELECT tgenabled FROM pg_catalog.pg_trigger WHERE tgname = 'run_artifacts_no_update'\"), pool.query(\"SELECT set_config('app.user_id', $1, true)\", [id]), pool.query('SET search_path = rmos_runs, public'), pool.query('CREATE TABLE notes (run_id text REFERENCES rmos_runs.run_artifacts ON DELETE CASCADE)')];" },
      // load_extension( written in a string or a comment is no call
      { filename: API, code: "export const f = (db: any) => [db.prepare(\"SELECT 'load_extension(' AS t\").get(), db.exec('-- load_extension(x)\\nSELECT 1')];" },
      // pure computations that fold to the sandbox, and numbers
      { filename: API, code: `${fsImport} fs.writeFileSync(['data', 'sandbox', 'x'].map((s) => s.trim()).join('/'), ''); new Set(['data/sandbox']).forEach((p) => fs.rmSync(p, { recursive: true })); export const total = [1, 2, 3].reduce((a, b) => a + b, 0);` },
      // an escape that is not a protected name, an escaped separator (fileURLToPath refuses it), another variable of process.env
      { filename: API, code: `${fsImport} fs.writeFileSync(new URL('file:///srv/data/%73andbox/x'), ''); fs.writeFileSync('data/%72uns', ''); const { env: { HOME: h } } = process; fs.writeFileSync(h + '/report.txt', '');` },
      // fs handed to a parameter, writing outside the protected folders
      { filename: API, code: `${fsImport} function save(io: typeof fs) { io.writeFileSync('data/sandbox/x.json', ''); io.readFileSync('data/runs/x.json'); } save(fs);` },
      // a prefix that cannot be folded before text that cannot name a protected folder: a file, a folder named otherwise, a wholly unknown
      // segment; the module's own place (__dirname, import.meta.url / dirname, through path.dirname, fileURLToPath and new URL) is no data root;
      // a known relative prefix; after a process.chdir the check cannot place, a relative path that names no protected folder
      { filename: API, code: `${fsImport} import { fileURLToPath } from 'node:url'; export const f = (tmp: string, dir: string, file: string, id: string) => [fs.writeFileSync(\`\${tmp}/report.txt\`, ''), fs.writeFileSync(path.join(dir, file), ''), fs.writeFileSync(path.join(dir, \`\${id}.json\`), ''), fs.writeFileSync(path.join(dir, 'runs.json'), ''), fs.writeFileSync(dir + '.txt', ''), fs.writeFileSync(\`logs/\${dir}/runs/x\`, ''), fs.mkdirSync(\`\${dir}/\${id}s\`), fs.writeFileSync(path.join(__dirname, 'runs', 'x'), ''), fs.writeFileSync(path.join(import.meta.dirname, 'runs'), ''), fs.writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'run_attachments', 'x'), ''), fs.writeFileSync(new URL('../runs/x', import.meta.url), '')];` },
      // after one chdir to constant folders, a relative path is read from the start and from each of them
      { filename: API, code: `${fsImport} process.chdir('data/sandbox'); fs.writeFileSync('runs/x', ''); fs.writeFileSync('../sandbox/y', ''); fs.writeFileSync('x/data/runs', '');` },
      { filename: API, code: `${fsImport} export function g(d: string) { process.chdir(d); fs.writeFileSync('report.txt', ''); fs.writeFileSync(path.join('out', 'runs.json'), ''); }` },
      // a file the SQL takes as a bound parameter, given a value outside the protected folders at the call
      { filename: API, code: "import Database from 'better-sqlite3'; const db = new Database('/tmp/x.db'); db.prepare('ATTACH ? AS r').run('/tmp/other.db'); db.prepare('VACUUM INTO :f').run({ f: '/tmp/copy.db' }); export const f = (pool: any) => [pool.query('SELECT lo_export($1, $2)', [1234, '/tmp/x']), pool.query({ text: 'SELECT pg_file_write($1, $2, false)', values: ['/tmp/y', '{}'] })];" },
      // glob results under folders that are not protected
      { filename: API, code: `${fsImport} for (const f of fs.globSync('data/sandbox/**/*.tmp')) fs.rmSync(f); for (const f of fs.globSync(['dist/**/*.map', 'coverage/*'])) fs.rmSync(f, { recursive: true });` },
      // a WASI instance preopening the sandbox only
      { filename: API, code: "import { WASI } from 'node:wasi'; new WASI({ version: 'preview1', preopens: { '/sandbox': 'data/sandbox/job' } });" },
      // the same factories over the sandbox
      { filename: API, code: `${fsImport} const under = (d: string) => (f: string) => path.join(d, f); fs.writeFileSync(under('data/sandbox')('z'), ''); const get = () => () => '/tmp/x'; fs.writeFileSync(get()(), '');` },
      // a JSON member outside the protected folders
      { filename: API, code: `${fsImport} const cfg = JSON.parse('{"out":"dist","n":2}'); fs.writeFileSync(cfg.out + '/x', ''); const { out } = JSON.parse('{"out":"coverage"}'); fs.rmSync(out, { recursive: true });` },
      // the same hosts over other paths
      { filename: API, code: `${fsImport} setTimeout((p: string) => fs.rmSync(p), 0, '/tmp/x'); ['dist/a'].reduce((acc, p) => { fs.rmSync(p); return acc; }, 0); Promise.resolve('data/sandbox/z').then((p) => fs.writeFileSync(p, '')); Array.prototype.forEach.call(['coverage/x'], (p: string) => fs.rmSync(p));` },
      // a tree removed or rewritten next to the module, climbed to from its own folder (the place is known: no folder that holds the workspace)
      { filename: API, code: `${fsImport} const out = path.resolve(import.meta.dirname, '../dist'); fs.rmSync(out, { recursive: true, force: true }); fs.rmSync(new URL('../dist/', import.meta.url), { recursive: true }); fs.rmSync(path.join(__dirname, '..', 'coverage'), { recursive: true }); fs.rmSync(path.join(path.dirname(__dirname), 'tmp'), { recursive: true });` },
      // a Proxy forwarding to fs used on the sandbox, and for reads; one whose handler cannot be read, used on the sandbox
      { filename: API, code: `${fsImport} const p = new Proxy(fs, {}); p.writeFileSync('data/sandbox/x', ''); new Proxy(fs, { has: () => true }).readFileSync('data/runs/x'); export function f(h: any) { new Proxy(fs, h).writeFileSync('data/sandbox/y', ''); }` },
      // a Proxy whose get trap answers its target's member (t[k], Reflect.get(t, k, r), Reflect.get itself) is fs: used on the sandbox, for reads and elsewhere
      { filename: API, code: `${fsImport} const p = new Proxy(fs, { get: (t, k) => t[k] }); p.writeFileSync('data/sandbox/x', ''); const { writeFileSync } = p; writeFileSync('out/x', ''); new Proxy(fs, { get(t, k, r) { return Reflect.get(t, k, r); } }).readFileSync('data/runs/x'); new Proxy(fs, { get: Reflect.get }).openSync('data/runs/x', 'r');` },
      // a Proxy whose trap hands out a writer used on the sandbox
      { filename: API, code: `${fsImport} const p: any = new Proxy({}, { get: () => fs.writeFileSync }); p.x('data/sandbox/x', '');` },
      // a log string, a read-only open, reads
      { filename: API, code: "console.log('writing to data/runs/abc'); const s = `${process.env.RMOS_DATA_DIR}/runs`;" },
      { filename: API, code: `${fsImport} fs.readFileSync(path.join(process.env.RMOS_DATA_DIR ?? 'data', 'runs', 'a.json'));` },
      { filename: API, code: `${fsImport} fs.openSync('data/runs/a.json', 'r'); fs.openSync('data/runs/b.json'); fs.createReadStream('data/runs/c');` },
      { filename: API, code: `${fsImport} const fd = fs.openSync('data/runs/a', fs.constants.O_RDONLY); fs.readSync(fd, Buffer.alloc(1));` },
      // read-only flags: | of read-safe fs.constants, 'r' / 'rs' as an option, an encoding, a spread of read-only options
      { filename: API, code: `${fsImport} const { O_RDONLY, O_CLOEXEC } = fs.constants; fs.openSync('data/runs/runs.sqlite', fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW); fs.openSync('data/runs/x', O_RDONLY | O_CLOEXEC); fs.readFileSync('data/runs/a', { flag: 'r', encoding: 'utf8' }); fs.readFileSync('data/runs/b', 'utf8'); fs.createReadStream('data/runs/c', { flags: 'rs' }); const ro = { flag: 'r' }; fs.readFileSync('data/runs/d', { ...ro });` },
      // the runs library writes its own store
      { filename: RUNS, code: `${fsImport} fs.writeFileSync(path.join(process.env.RMOS_DATA_DIR ?? 'data', 'runs', 'a.json'), '{}');` },
      // writes outside the data root's protected folders
      { filename: API, code: `${fsImport} fs.writeFileSync(path.join(process.env.RMOS_DATA_DIR ?? 'data', 'sandbox', 'x.json'), '{}');` },
      { filename: API, code: `${fsImport} fs.mkdirSync(process.env.RMOS_DATA_DIR ?? 'data', { recursive: true });` },
      { filename: TOOLING, code: `${fsImport} fs.writeFileSync('/tmp/report.txt', 'x'); fs.writeFileSync(path.join(out, 'runs.json'), '');` },
      { filename: API, code: `${fsImport} fs.writeFileSync(path.join(process.env.RMOS_DATA_DIR!, 'sandbox/../sandbox/x'), '');` },
      { filename: API, code: "import fs from 'fs'; export const f = (k: string) => (fs as any)[k]('data/sandbox/b');" },
      // the same text methods on paths outside the protected folders, or cutting a partly known path (not followed)
      { filename: API, code: `${fsImport} const d = process.env.RMOS_DATA_DIR ?? 'data'; fs.writeFileSync(path.join(d, 'sandbox', 'x').normalize().trim(), ''); fs.writeFileSync(path.join(d, 'sandbox').slice(0), ''); fs.writeFileSync(path.join(d, 'runsheet').normalize('NFC'), '');` },
      // a file URL whose path is set to a folder that is not protected, or whose other parts are set
      { filename: API, code: `${fsImport} const u = new URL('file:///srv/data/sandbox/x'); u.pathname = '/srv/data/sandbox/y'; u.hash = 'runs'; fs.writeFileSync(u, '');` },
      // folder names that only resemble a protected one; a derived read path
      { filename: API, code: `${fsImport} fs.writeFileSync('data/runsheet.txt', ''); fs.writeFileSync('logs/RUNS/x', ''); fs.writeFileSync(path.format({ dir: 'data/sandbox', base: 'x' }), '');` },
      { filename: API, code: `${fsImport} const dir = () => 'data/sandbox'; fs.writeFileSync(dir() + '/x', ''); class C { static D = 'data/sandbox'; } fs.writeFileSync(C.D, '');` },
      { filename: API, code: `${fsImport} import { execSync } from 'node:child_process'; execSync('ls data/sandbox'); execSync('echo runs'); process.chdir('/tmp'); process.chdir('data/sandbox');` },
      // fs functions handed to callbacks over other paths or values the source does not hold; reads
      { filename: API, code: `${fsImport} ['data/sandbox/x'].forEach(fs.rmSync as any); export const f = (xs: string[], p: Promise<string>) => [xs.forEach(fs.rmSync as any), p.then(fs.promises.rm as any), ['data/runs/x'].map((x) => fs.readFileSync(x)), setTimeout(fs.readFileSync, 0, 'data/runs/x')];` },
      // programs run elsewhere, on other folders of the data root, or on a command the source does not hold
      { filename: API, code: `${fsImport} import { execFileSync, execSync } from 'node:child_process'; execFileSync('git', ['rev-parse', 'HEAD'], { cwd: '/tmp' }); execSync('ls', { cwd: 'data/sandbox' }); execSync('echo $RMOS_DATA_DIR_BACKUP'); export const run = (cmd: string) => execSync(cmd);` },
      { filename: API, code: `${fsImport} const cfg = { dir: 'data/sandbox' }; console.log(cfg); cfg.other = 1; fs.writeFileSync(cfg.dir + '/x', '');` },
      { filename: API, code: `${fsImport} const dirs = new Map([['r', 'data/runs'], ['s', 'data/sandbox']]); fs.writeFileSync(dirs.get('s')!, '');` },
      { filename: API, code: `${fsImport} fs.writeFileSync(String.fromCharCode(100, 97, 116, 97) + '/sandbox/a', '');` },
      // trees removed or unpacked in folders that hold no data root: the sandbox, a mkdtemp folder, /tmp; reading the working directory;
      // programs told where to work (-C, -d, a cwd option), listing, or only reading
      { filename: API, code: `${fsImport} import os from 'node:os'; import { execFileSync, execSync } from 'node:child_process'; const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'x-')); fs.rmSync(tmp, { recursive: true }); fs.rmSync('data/sandbox/x', { recursive: true }); fs.rmSync(path.join(tmp, 'a', '..'), { recursive: true }); fs.readdirSync('.'); fs.cpSync('/tmp/a', 'data/sandbox/b', { recursive: true }); fs.renameSync('data/sandbox/a', 'data/sandbox/b'); export const f = (dir: string) => fs.rmSync(dir, { recursive: true }); execFileSync('ls', ['-la', '.']); execFileSync('git', ['status', '.']); execFileSync('tar', ['-xf', '/tmp/a.tar', '-C', '/tmp/out']); execFileSync('tar', ['-tf', '/tmp/a.tar']); execSync('unzip -l /tmp/a.zip'); execSync('unzip /tmp/a.zip -d /tmp/out'); execFileSync('git', ['clean', '-fdx'], { cwd: '/tmp/repo' }); execSync('find . -name x -delete', { cwd: '/tmp/logs' }); execFileSync('git', ['stash', 'push']); execFileSync('git', ['apply', '--check', '/tmp/p.diff']);` },
      // preloading a package (tsx) or a workspace source file, and NODE_OPTIONS without preloads
      { filename: API, code: "import { fork, execFileSync } from 'node:child_process'; fork('apps/api/src/main.ts', [], { execArgv: ['--import', 'tsx', '--require', './apps/api/src/main.ts'], env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=256 --enable-source-maps' } }); execFileSync('npm', ['test'], { env: { ...process.env, NODE_OPTIONS: '--import tsx' } });" },
      // the same forms naming the sandbox only
      // node's options read, the script's own words after it free (node script.js <anything>)
      { filename: API, code: "import { spawn } from 'node:child_process'; export const f = (arg: string, n: number) => [spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts', arg]), spawn('node', ['--max-old-space-size=' + n, 'apps/api/src/main.ts', '--port', arg])];" },
      // execArgv read to the end: constant options, values of options that take one, the process's own execArgv inherited (filtered, spread, from a function)
      { filename: API, code: "import { fork } from 'node:child_process'; import { Worker } from 'node:worker_threads'; fork('apps/api/src/main.ts', [], { execArgv: ['--enable-source-maps'] }); fork('apps/api/src/main.ts', [], { execArgv: [...process.execArgv, '--no-warnings'] }); export const f = (n: number) => fork('apps/api/src/main.ts', [], { execArgv: ['--max-old-space-size=' + n, '--inspect-port', String(n)] }); function inherited(): string[] | undefined { return process.execArgv.some((a) => a.startsWith('--input-type')) ? process.execArgv.filter((a) => !a.startsWith('--input-type')) : undefined; } new Worker(new URL('./main.ts', import.meta.url), { execArgv: inherited() });" },
      { filename: API, code: `${fsImport} const l = ['data/sandbox/a', 'data/sandbox/b']; fs.writeFileSync(l.find((x) => x.endsWith('a'))!, ''); fs.writeFileSync(l.filter(Boolean)[0]!, ''); fs.writeFileSync('a,data/sandbox/x'.split(',')[1]!, ''); fs.writeFileSync(new Uint8Array([100, 97, 116, 97, 47, 115]), ''); const o = { toString() { return 'data/sandbox/x'; } }; fs.writeFileSync(\`\${o}\`, ''); fs.writeFileSync(\`\${{}}\`, '');` },
      { filename: API, code: `${fsImport} enum P { s = 'data/sandbox', n } namespace N { export const d = 'data/exports'; } fs.writeFileSync(P.s + '/a', ''); fs.writeFileSync(N.d + '/a', '');` },
      { filename: API, code: `${fsImport} class S { #dir = 'data/runs'; dir = 'data/sandbox'; save() { fs.writeFileSync(this.dir + '/a', ''); return this.#dir; } }` },
      { filename: API, code: "import Database from 'better-sqlite3'; new Database(':memory:'); new Database('data/sandbox/x.db'); import pino from 'pino'; pino(pino.destination(1));" },
      // a database opened read-only; servers on a port or a socket outside the data root; bundler output and log files elsewhere
      { filename: API, code: "import Database from 'better-sqlite3'; import { DatabaseSync } from 'node:sqlite'; new Database('data/runs/runs.sqlite', { readonly: true, fileMustExist: true }); new DatabaseSync('data/runs/runs.sqlite', { readOnly: true }); import net from 'node:net'; import http from 'node:http'; net.createServer().listen('/tmp/rmos.sock'); http.createServer().listen({ port: 3000, host: '127.0.0.1' }); http.createServer().listen(8080); export const f = (port: number) => http.createServer().listen(port);" },
      { filename: API, code: "import esbuild from 'esbuild'; import pino from 'pino'; esbuild.buildSync({ entryPoints: ['data/runs/in.ts'].slice(1), outfile: 'dist/x.js', write: true }); pino.transport({ target: 'pino/file', options: { destination: '/var/log/api.log' } }); process.report.directory = '/var/log/reports'; process.report.writeReport('/tmp/r.json');" },
      // the advisory zone: an in-memory database, a port
      { filename: AI, code: "export const f = (s: { listen(p: number): void }) => s.listen(8080);" },
      // SQL that names no protected file, a backup elsewhere, reports written elsewhere; a regex's exec
      { filename: API, code: "export function f(db: any, p: string) { db.exec(\"ATTACH 'data/sandbox/s.db' AS s; VACUUM INTO '/tmp/copy.db'\"); db.prepare('SELECT * FROM runs WHERE note = ?').run(\"ATTACH 'x'\"); db.backup('/tmp/b.db'); db.exec(`ATTACH ${p} AS q`); process.report.directory = '/var/log/reports'; return /a/.exec('data/runs'); }" },
      // SQL that reads the audit trail's tables, locks them, or writes other tables (also ones named like them)
      { filename: API, code: "export function f(db: any, pool: any, id: string) { db.prepare('SELECT * FROM run_artifacts WHERE run_id = ?').get(id); db.exec(`SELECT head FROM run_chain_head WHERE id = ${id} FOR UPDATE`); db.exec(\"INSERT INTO run_artifacts_report SELECT * FROM run_artifacts; UPDATE api_notes SET note = 'DELETE FROM run_artifacts'\"); pool.query({ text: 'CREATE TABLE notes (run_id TEXT REFERENCES run_artifacts ON DELETE CASCADE)' }); }" },
      { filename: API, code: "const m = new Map<string, number>(); export const f = (sql: any, k: string) => [m.get(k), m.get('DELETE'), sql`SELECT * FROM run_artifacts WHERE run_id = ${k}`];" },
      // a package's functions given paths outside the protected folders, or paths that cannot be read; loggers given a path as text; pure path packages
      { filename: API, code: "import fse from 'fs-extra'; import pino from 'pino'; import { join } from 'pathe'; const log = pino(); export const f = (p: string) => { fse.outputFileSync(p, ''); fse.outputFileSync('data/sandbox/x', ''); log.info({ file: 'data/runs/x' }, 'data/runs/x'); return join('data/runs', p); };" },
      { filename: AI, code: "import fc from 'fast-check'; export const evil = fc.constantFrom('data/runs/x', 'data/run_attachments/y');" },
      { filename: API, code: "export const f = (pool: any) => [pool.query('COPY sessions TO STDOUT'), pool.query(\"COPY sessions TO 'data/sandbox/x.csv'\")];" },
      { filename: API, code: `${fsImport} const m = new Map([['w', fs.writeFileSync]]); m.get('w')!('data/sandbox/x', ''); class E extends Error { constructor(m: string) { super(m); } } export const e = new E('data/runs/x');` },
      // the store writes its own tables
      { filename: RUNS, code: "export function f(db: any) { db.exec('DELETE FROM run_index; INSERT INTO run_artifacts VALUES (1); DROP TRIGGER run_artifacts_no_update'); }" },
      // arithmetic in a file name under sandbox/
      { filename: API, code: `${fsImport} fs.writeFileSync('data/sandbox/' + (1 + 2) + '.json', ''); fs.writeFileSync(\`data/sandbox/\${(255).toString(16)}\`, '');` },
      // call.call of a read, and a plain .call with a receiver that is not a write
      { filename: API, code: `${fsImport} Function.prototype.call.call(fs.readFileSync, fs, 'data/runs/a'); fs.writeFileSync.call(fs, 'data/sandbox/a', '');` },
      // a folder named data under a known relative prefix is not the data root (that is data/ of the working directory)
      { filename: API, code: `${fsImport} fs.writeFileSync('docs/examples/data/runs/README.md', '…'); fs.mkdirSync(path.join('fixtures', 'data', 'run_attachments'), { recursive: true });` },
      // programs known to write nothing, run by a constant name without a shell or on a plain line; commands and scripts elsewhere
      // node's options end at its script: words after it are the script's (tsc -p, a tool's -e), also after known options
      { filename: API, code: "import { execFileSync, spawnSync } from 'node:child_process'; execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']); spawnSync('node', ['--import', 'tsx', '--no-warnings', '--input-type', 'module', 'tools/boundaries/bin/boundaries.mjs', '-e', '-p']); spawnSync(process.execPath, ['--import=tsx', '--', 'tools/boundaries/bin/boundaries.mjs', '-p']);" },
      { filename: API, code: "import { execFileSync, execSync, spawnSync, fork } from 'node:child_process'; import { Worker } from 'node:worker_threads'; execFileSync('du', ['-sh', 'data/runs']); execSync('wc -l data/runs/index.json'); execSync('rm -rf \"$TMPDIR/x\"'); execSync('ls ${HOME:-/tmp}'); spawnSync('sh', ['-c', 'rm -rf /tmp/x && ls data/sandbox']); spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], { cwd: process.cwd() }); fork('tools/boundaries/bin/boundaries.mjs'); new Worker(new URL('../../../tools/boundaries/bin/boundaries.mjs', import.meta.url)); spawnSync('node', ['--version']); execSync('find . -name \"*.log\" -delete', { cwd: '/tmp/logs' });" },
      // a chdir to a constant folder outside the data root; a link in the sandbox to a sandbox file; a link outside the data root to elsewhere
      { filename: API, code: `${fsImport} process.chdir('/srv/app'); fs.writeFileSync('../x', ''); fs.symlinkSync('../sandbox/x', 'data/sandbox/y'); fs.symlinkSync('/etc/hosts', 'data/sandbox/h'); export const f = (t: string) => fs.symlinkSync(t, '/tmp/z');` },
      // a target that is not under the data root as far as can be told
      { filename: API, code: `${fsImport} export const save = (p: string) => fs.writeFileSync(p, '');` },
      // a shell given its commands on a constant input that writes nothing protected, a script file, --version; eval of harmless
      // constant text; $'…' spelling ordinary words
      { filename: API, code: "import { execFileSync, spawnSync, execSync } from 'node:child_process'; execFileSync('sh', { input: 'ls data/sandbox' }); spawnSync('bash', ['-s'], { input: 'echo ok' }); execFileSync('bash', ['--version']); execSync('ls -la # never rm -rf data/runs'); execSync(\"eval echo hi; eval 'ls data/sandbox'\"); execSync(\"echo $'hello\\\\tworld' > /tmp/x; ls $'data/\\\\x73andbox'\");" },
      // a test's fresh store: a folder mkdtemp has just made, and its data/runs (the data root existed before it); a let assigned in a hook
      { filename: API, code: `${fsImport} import os from 'node:os'; import { mkdtemp } from 'node:fs/promises'; const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runs-test-')); fs.mkdirSync(path.join(dir, 'data', 'runs'), { recursive: true }); fs.writeFileSync(\`\${dir}/data/runs/a.json\`, ''); fs.rmSync(dir, { recursive: true }); export async function t() { const d = await mkdtemp('/tmp/x-'); fs.writeFileSync(path.join(d, 'runs', 'b'), ''); } let root: string; export function setup() { root = fs.mkdtempSync(path.join(os.tmpdir(), 'y-')); } export function put() { fs.rmSync(path.join(root, 'data', 'run_attachments'), { recursive: true }); } fs.writeFileSync(path.join(fs.mkdtempSync('data/run'), 'x'), '');` },
      // a let assigned a harmless value in straight-line code before the write (a later assignment cannot reach it back)
      { filename: API, code: `${fsImport} let p = 'data/runs/x'; p = 'data/sandbox/x'; fs.writeFileSync(p, ''); p = 'data/runs/y'; export async function f(c: boolean) { let q = process.env.RMOS_DATA_DIR + '/runs'; q = '/tmp/out'; if (c) { await fs.promises.rm(q, { recursive: true }); } }` },
      // a let initialised with a placeholder and assigned a fresh folder in a hook: the hook's own reads after the assignment see the fresh folder
      { filename: API, code: `${fsImport} import os from 'node:os'; import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'; let dir = ''; export async function before() { dir = await mkdtemp(path.join(os.tmpdir(), 'api-')); await mkdir(path.join(dir, 'data', 'runs'), { recursive: true }); await writeFile(path.join(dir, 'data', 'runs', 'seed.json'), '{}'); }` },
      // dblink given its connection as a parameter: the SQL is the second argument
      { filename: API, code: "export const report = (pool: any, conn: string) => pool.query(\"SELECT * FROM dblink($1, 'SELECT id FROM catalog') AS t(id text)\", [conn]);" },
      // a pipeline of programs that write nothing reads its words only
      { filename: API, code: "import { execSync } from 'node:child_process'; execSync('cat data/runs/index.json | head -5'); execSync('ls -la data/runs | wc -l'); execSync('grep -c run_id data/runs/log.txt | tail -1');" },
      // an array reordered in place whose every order is harmless (sorting a sandbox path's parts keeps them in order)
      { filename: API, code: `${fsImport} const parts = ['data', 'sandbox', 'x']; parts.sort(); fs.writeFileSync(parts.join('/'), ''); const q = ['jobs', 'FROM', 'DELETE']; q.reverse(); export const f = (db: any) => db.exec(q.join(' '));` },
      // a table named from a prefix and a value (users_${id}) is none of the store's; a read-only ATTACH; lo_import reads a file
      { filename: API, code: "export const f = (db: any, id: string) => [db.exec(`DELETE FROM users_${id}`), db.exec(`UPDATE tenant_${id}.jobs SET done = 1`), db.exec(\"ATTACH 'file:data/runs/runs.sqlite?mode=ro' AS store\"), db.query(\"SELECT lo_import('data/runs/a.json')\"), db.query(\"SELECT dblink_exec('dbname=x', 'DELETE FROM audit_log')\")];" },
      // the standard streams' links, /dev/stdout, a tab in a URL to the sandbox, a tab in a plain path (fs keeps it)
      { filename: API, code: `${fsImport} fs.writeFileSync('/dev/fd/1', 'x'); fs.writeFileSync('/proc/self/fd/2', 'x'); fs.writeFileSync('/dev/stdout', 'x'); fs.writeFileSync(new URL('file:///srv/data/sand\\tbox/x'), ''); fs.writeFileSync('data/ru\\tns/x', '');` },
    ],
    invalid: [
      // a descriptor's link opens again the file the descriptor is on (a run opened read-only too): /proc/self/fd/N, /dev/fd/N, a task's, as a URL
      { filename: API, code: `${fsImport} const fd = fs.openSync('data/runs/x.json', 'r'); fs.writeFileSync(\`/proc/self/fd/\${fd}\`, 'x'); fs.writeFileSync('/dev/fd/' + fd, 'x'); fs.writeFileSync('/proc/self/fd/3', 'x'); fs.writeFileSync(new URL('file:///proc/self/task/1/fd/9'), 'x'); fs.appendFileSync('../../../../proc/1/fd/7', 'x');`, errors: errors(5) },
      // the URL parser drops tabs and newlines, and spaces at either end
      { filename: API, code: `${fsImport} fs.writeFileSync(new URL('file:///srv/data/ru\\tns/x'), ''); fs.writeFileSync(new URL('file:///srv/data/ru\\nns/x'), ''); fs.writeFileSync(new URL(' file:///srv/data/runs/x '), '');`, errors: errors(3) },
      // a constant table naming a protected table or setting, and db.pragma rewriting the schema
      { filename: API, code: "const PRAGMAS = { writable_schema: 'ON' }; const TABLES = { a: 'jobs', b: 'run_artifacts' }; export function tune(db: any) { for (const [k, v] of Object.entries(PRAGMAS)) db.exec(`PRAGMA ${k} = ${v}`); for (const t of Object.values(TABLES)) db.exec(`DELETE FROM ${t}`); db.pragma('writable_schema = 1'); }", errors: errors(3) },
      // wrong constants and lost origins found by the second red team: loops, callbacks given the array, casts, .call, later spreads, spreads before an index; fs functions in a Map, a WeakRef, a nested member, fill
      { filename: API, code: `${fsImport} let p = 'dat'; for (const s of ['a/ru', 'ns/x.json']) p += s; fs.writeFileSync(p, ''); fs.writeFileSync(['data', 'runs', 'x.json'].map((c, i, a) => (a ? c : 'tmp')).join('/'), ''); const p1 = ['data', 'tmp']; (p1 as string[])[1] = 'runs'; fs.writeFileSync(p1.join('/') + '/x', ''); const p2 = ['data', 'tmp']; Array.prototype.fill.call(p2, 'runs', 1); fs.writeFileSync(p2.join('/') + '/x', ''); const cfg = { dir: 'data/sandbox', ...{ dir: 'data/runs' } }; fs.writeFileSync(cfg.dir + '/x', ''); const segs = [...['data', 'runs'], 'sandbox']; fs.writeFileSync(\`\${segs[0]}/\${segs[1]}/x\`, '');`, errors: errors(6) },
      { filename: API, code: `${fsImport} const m = new Map<string, any>(); m.set('w', fs.writeFileSync); m.forEach((w) => w('data/runs/y', '')); const o: any = {}; o.inner = {}; o.inner.w = fs.writeFileSync; o.inner.w('data/runs/y', ''); new WeakRef(fs.writeFileSync).deref()!('data/runs/y', ''); const w = Array(1).fill(fs.writeFileSync)[0]; w('data/runs/y', '');`, errors: errors(4) },
      // SQL whose verb is followed by, or glued to, a part the check cannot read
      { filename: API, code: "export const f = (db: any, x: string) => { let sql = ''; for (const w of ['DROP', ' TRIGGER', ' run_artifacts_no_delete']) sql += w; db.exec(sql); db.exec('DROP ' + x); db.exec('UPDATE' + x); };", errors: errors(3) },
      { filename: API, code: `${fsImport} const DATA = process.env.RMOS_DATA_DIR ?? 'data'; const roots: string[] = []; roots.push(path.join(DATA, 'runs')); roots.push(path.join(DATA, 'sandbox')); export function note() { fs.writeFileSync(path.join(roots[0]!, 'note.txt'), ''); }`, errors: errors(1) },
      // an fs function as a listener: called with what emit sends
      { filename: API, code: `${fsImport} import { EventEmitter } from 'node:events'; const e = new EventEmitter(); e.on('go', fs.rmSync); e.emit('go', 'data/runs', { recursive: true });`, errors: errors(1) },
      // constants hidden behind bytes, spreads, apply / call, array callbacks and pop (Buffer.from(bytes) is those bytes, never "100,97,…")
      { filename: API, code: `${fsImport} const d = Buffer.from([100, 97, 116, 97]).toString(); fs.rmSync(d + '/runs', { recursive: true }); fs.writeFileSync(\`\${String.fromCharCode(...[100, 97, 116, 97])}/runs/x\`, ''); fs.rmSync(String.fromCharCode.apply(null, [100, 97, 116, 97, 47, 114, 117, 110, 115])); fs.writeFileSync(Array.prototype.join.call(['data', 'runs', 'x'], '/'), ''); fs.writeFileSync(['data', 'runs', 'x'].reduce((a, b) => a + '/' + b), ''); fs.writeFileSync('data/runs/x'.split('/').map((s) => s).join('/'), ''); fs.writeFileSync(['data/runs/x'].pop()!, '');`, errors: errors(7) },
      // containers and later changes: a Set, for-in keys, a generator, unshift, an alias, a function changing its parameter, an instance's field
      { filename: API, code: `${fsImport} new Set(['data/runs']).forEach((p) => fs.rmSync(p)); for (const p in { 'data/runs': 1 }) fs.rmSync(p); async function* g() { yield 'data/runs/x'; } for await (const p of g()) fs.writeFileSync(p, ''); const arr = ['data/sandbox/x']; arr.unshift('data/runs/x'); fs.writeFileSync(arr[0]!, ''); const parts = ['data', 'sandbox', 'x']; const alias = parts; alias[1] = 'runs'; fs.writeFileSync(parts.join('/'), '');`, errors: errors(5) },
      { filename: API, code: `${fsImport} function mut(a: string[]) { a[1] = 'runs'; } const parts = ['data', 'sandbox', 'x']; mut(parts); fs.writeFileSync(parts.join('/'), ''); class S { dir = 'data/sandbox'; w() { fs.writeFileSync(this.dir + '/x', ''); } } const s = new S(); s.dir = 'data/runs'; s.w();`, errors: errors(2) },
      // environment variables set in the file, Reflect.get of the data root, Promise.resolve, path.parse / path.relative, String.raw called directly
      { filename: API, code: `${fsImport} process.env.X = 'data'; fs.writeFileSync(process.env.X + '/runs/x', ''); const root: string = Reflect.get(process.env, 'RMOS_DATA_DIR'); fs.writeFileSync(path.join(root, 'runs', 'x'), ''); fs.writeFileSync(await Promise.resolve('data/runs/x'), ''); fs.writeFileSync(path.parse('data/runs/x').dir + '/y', ''); fs.writeFileSync(path.relative('/x', '/x/data/runs/y'), ''); fs.writeFileSync(String.raw({ raw: ['data/runs/x'] }), '');`, errors: errors(6) },
      // fs functions through Object.values(fs), at(), Function.prototype.call.bind, callbackify, a generator
      { filename: API, code: `${fsImport} import util from 'node:util'; const w = Object.values(fs).find((f) => typeof f === 'function') as typeof fs.writeFileSync; w('data/runs/x', ''); const f = [fs.writeFileSync].at(0)!; f('data/runs/x', ''); const c = Function.prototype.call.bind(fs.writeFileSync); c(null, 'data/runs/x', ''); util.callbackify(fs.promises.writeFile)('data/runs/x', '', () => {}); function* gen() { yield fs.rmSync; } for (const r of gen()) r('data/runs');`, errors: errors(5) },
      // text methods that change no separator, applied to a path only partly known: normalize (NFKC folds fullwidth letters), trim, slice(0), toWellFormed; URL.parse is new URL
      { filename: API, code: `${fsImport} const d = process.env.RMOS_DATA_DIR ?? 'data'; fs.writeFileSync(path.join(d, 'runs', 'x').normalize(), ''); fs.writeFileSync(path.join(d, '\uFF52\uFF55\uFF4E\uFF53').normalize('NFKC'), ''); fs.writeFileSync(path.join(d, 'runs', 'x ').trim(), ''); fs.writeFileSync(\`\${d}/run_attachments/x\`.slice(0), ''); fs.writeFileSync(path.join(d, 'runs').toWellFormed(), ''); fs.writeFileSync(URL.parse('file:///srv/data/runs/x')!, '');`, errors: errors(6) },
      // a file URL whose path is set after it is made (assignment, Object.assign)
      { filename: API, code: `${fsImport} const u = new URL('file:///srv/data/sandbox/x'); u.pathname = '/srv/data/runs/x'; fs.writeFileSync(u, ''); fs.writeFileSync(Object.assign(new URL('file:///x'), { pathname: '/srv/data/run_attachments/y' }), '');`, errors: errors(2) },
      // a URL's percent escapes are decoded by fs (file:///srv/data/%72uns is data/runs); process.env destructured from process
      { filename: API, code: `${fsImport} fs.writeFileSync(new URL('file:///srv/data/%72uns/x'), ''); fs.rmSync(new URL('../../../data/run%5Fattachments', import.meta.url), { recursive: true });`, errors: errors(2) },
      { filename: API, code: `${fsImport} import { fileURLToPath } from 'node:url'; fs.writeFileSync(fileURLToPath('file:///srv/DATA/%52UNS/x'), '');`, errors: errors(1) },
      { filename: API, code: `${fsImport} const { env: { RMOS_DATA_DIR: d } } = process; fs.writeFileSync(d + '/runs/x', '');`, errors: errors(1) },
      // fs handed to a parameter is fs (a wrapper that writes a constant path through the module it is given)
      { filename: API, code: `${fsImport} function save(io: typeof fs) { io.writeFileSync('data/runs/x.json', ''); } save(fs);`, errors: errors(1) },
      { filename: API, code: `${fsImport} const save = (io: any, body: string) => io.promises.writeFile('data/run_attachments/a', body); save(fs, '');`, errors: errors(1) },
      // files written outside fs: databases (better-sqlite3, node:sqlite), heap snapshots, diagnostic reports, pino log files; graceful-fs is fs
      // SQL that makes SQLite write a file (ATTACH, VACUUM INTO, a URI filename), a connection's backup, where reports go
      { filename: API, code: "import Database from 'better-sqlite3'; const db = new Database(':memory:'); db.exec(\"ATTACH DATABASE 'data/runs/runs.sqlite' AS r; DELETE FROM r.run_artifacts\"); db.prepare(`VACUUM INTO '${process.env.RMOS_DATA_DIR}/run_attachments/x.db'`).run(); db.exec(\"attach 'file:data/runs/runs.sqlite?mode=rw' as r2\"); export const b = (conn: any) => conn.backup('data/runs/runs.sqlite'); process.report.directory = 'data/runs';", errors: errors(6) },
      { filename: API, code: "import Database from 'better-sqlite3'; new Database('data/runs/x.db'); import { DatabaseSync } from 'node:sqlite'; new DatabaseSync(`${process.env.RMOS_DATA_DIR}/run_attachments/a.db`); import v8 from 'node:v8'; v8.writeHeapSnapshot('data/runs/h'); process.report.writeReport('data/runs/r.json'); import pino from 'pino'; pino(pino.destination('data/runs/log')); pino.destination({ dest: 'data/run_attachments/l' }); import gfs from 'graceful-fs'; gfs.writeFileSync('data/runs/x', '');", errors: errors(7) },
      // files made outside fs: a Unix socket (net, http, listen({ path })), a bundler's outfile / outDir (any case, through a spread),
      // a logger transport's nested destination, a database opened writable, a report folder in the data root (writeReport('runs/x') lands in it)
      { filename: API, code: "import net from 'node:net'; import http from 'node:http'; import esbuild from 'esbuild'; import pino from 'pino'; import Database from 'better-sqlite3'; net.createServer().listen('data/runs/x.sock'); http.createServer().listen({ path: 'data/runs/x.sock' }); esbuild.buildSync({ outfile: 'data/runs/x', write: true }); const o = { outDir: 'data/run_attachments' }; esbuild.build({ ...o }); pino.transport({ target: 'pino/file', options: { destination: 'data/runs/x.log' } }); pino({ transport: { targets: [{ target: 'pino/file', options: { destination: 'data/runs/y.log' } }] } }); new Database('data/runs/b.sqlite', { readonly: false }); process.report.directory = process.env.RMOS_DATA_DIR ?? 'data'; process.report.writeReport('runs/x.json');", errors: errors(8) },
      // a member of the global object that is no global of Node may hold fs
      { filename: API, code: "import fs from 'node:fs'; (globalThis as any).F = fs; (globalThis as any).F.rmSync('data/runs', { recursive: true }); (global as any).io.promises.writeFile('data/run_attachments/x', '');", errors: errors(2) },
      // the advisory zone reaches no file system, with or without fs: reports, heap snapshots, sockets, SQLite files (node:sqlite is banned like fs)
      { filename: AI, code: "process.report.writeReport('/tmp/x.json'); process.report.directory = '/tmp'; import net from 'node:net'; net.createServer().listen('/tmp/s.sock'); export const f = (s: any, p: string) => s.listen(p);", errors: errors(4) },
      // SQL that changes the audit trail's tables or their triggers: rows written, triggers dropped or switched off, a
      // trigger function replaced, a shadowing TEMP table, a table name that cannot be read; pg's { text } objects
      { filename: API, code: "const TABLE = 'run_' + 'artifacts'; export function f(db: any, pool: any, t: string) { db.prepare(`DELETE FROM ${TABLE} WHERE 1`).run(); db.exec('DROP TRIGGER IF EXISTS run_artifacts_no_update'); pool.query({ text: 'ALTER TABLE rmos.run_artifacts DISABLE TRIGGER ALL' }); pool.query(\"CREATE OR REPLACE FUNCTION rmos.refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql\"); db.exec('CREATE TEMP TABLE run_chain_head (seq INTEGER)'); db.exec('INSERT OR REPLACE INTO \"run_attachments\" VALUES (1)'); db.exec(`DELETE FROM ${t}`); pool.query(\"SET session_replication_role = 'replica'\"); }", errors: errors(8) },
      { filename: AI, code: "export const wipe = (db: any) => db.exec('UPDATE run_index SET status = 1');", errors: errors(1) },
      // the workflow's sessions and the store's migration log live in the store too: a session set to APPROVED by SQL skips the state machine
      { filename: API, code: "export const f = (db: any) => [db.prepare(`UPDATE sessions SET body = json_set(body, '$.state', 'APPROVED')`).run(), db.exec('DELETE FROM schema_migrations WHERE version = 2')];", errors: errors(2) },
      // a package's function given a path in a protected folder, or a destination option naming one, may write it
      { filename: API, code: "import fse from 'fs-extra'; import tar from 'tar'; import { JSONFile } from 'lowdb/node'; fse.outputFileSync('data/runs/x', ''); tar.x({ file: '/tmp/b.tgz', cwd: 'data/run_attachments' }); new JSONFile(`${process.env.RMOS_DATA_DIR}/runs/db.json`);", errors: errors(3) },
      // Node's native bindings and addons, SQLite extensions (fail closed)
      { filename: API, code: "const p: any = process; p['bind' + 'ing']('fs').writeFileUtf8('data/runs/x', 'y', 0, 0o644); process.dlopen({ exports: {} } as any, '/tmp/x.node'); export const f = (db: any) => [db.loadExtension('/tmp/x.so'), db.prepare(\"SELECT load_extension('/tmp/x.so')\").get()];", errors: errors(4) },
      // PostgreSQL around the store's triggers without naming them: its system catalogs written, a setting whose name
      // cannot be read (it may be session_replication_role), a child table whose rows every read of run_artifacts returns, LOAD of a library
      { filename: API, code: "export const f = (pool: any, name: string) => [pool.query(\"UPDATE pg_catalog.pg_trigger SET tgenabled = 'D'\"), pool.query('SELECT set_config($1, $2, false)', [name, 'replica']), pool.query({ text: 'CREATE TABLE extra () INHERITS (rmos_runs.run_artifacts)' }), pool.query(\"LOAD 'evil'\")];", errors: [{ message: /every table or rewrites the schema \(pg_trigger\)/ }, { message: /set_config/ }, { message: /changes the table run_artifacts/ }, { message: /native code/ }] },
      // a comment between load_extension and its parenthesis does not hide it
      { filename: API, code: "export const f = (db: any) => db.prepare(\"SELECT load_extension/**/('/tmp/x.so')\").get();", errors: errors(1) },
      // PostgreSQL writing a file the SQL names (the server runs on this machine in development)
      { filename: API, code: "export const f = (pool: any) => [pool.query(\"COPY (SELECT 1) TO 'data/runs/x'\"), pool.query(`COPY sessions TO E'${process.env.RMOS_DATA_DIR}/run_attachments/x'`), pool.query(\"SELECT lo_export(1234, 'data/runs/x')\")];", errors: errors(3) },
      // the same for SQL handed over as pg's { text } object or run by a tagged template
      { filename: API, code: "export const f = (pool: any, sql: any) => [pool.query({ text: \"COPY (SELECT 1) TO 'data/runs/x'\" }), sql`ATTACH 'data/runs/runs.sqlite' AS r`];", errors: errors(2) },
      // other clients' runners (sqlite3's get, knex's raw, postgres.js's unsafe) and SQL tagged templates, a name in a hole included
      { filename: API, code: "export function f(db: any, knex: any, sql: any, t: string) { db.get('DELETE FROM run_artifacts RETURNING seq', () => {}); knex.raw('ALTER TABLE run_artifacts DISABLE TRIGGER ALL'); sql.unsafe('TRUNCATE run_index'); sql`DELETE FROM run_artifacts WHERE run_id = ${t}`; sql`DELETE FROM ${sql(t)}`; }", errors: errors(5) },
      // a wrapper's arguments object and a spread of a literal array at its call site
      { filename: API, code: `${fsImport} function s1(_p?: string) { fs.writeFileSync(arguments[0], ''); } s1('data/runs/x'); function s2(p: string) { fs.writeFileSync(p, ''); } s2(...(['data/run_attachments/y'] as [string]));`, errors: errors(2) },
      // an fs function kept in a Map and taken out by its key, or destructured out of a literal array; a class that extends an fs class (constructed as it, or through super() with the arguments of new C(…)); a constructor's parameters are what new C(…) passes
      { filename: API, code: `${fsImport} const m = new Map([['w', fs.writeFileSync]]); m.get('w')!('data/runs/x', ''); const later = new Map(); later.set('rm', fs.rmSync); later.get('rm')('data/run_attachments', { recursive: true }); class W extends fs.WriteStream {} new (W as any)('data/runs/y'); class V extends (fs.WriteStream as any) { constructor(p: string) { super(p); } } new V('data/runs/z'); class S { constructor(p: string) { fs.writeFileSync(p, ''); } } new S('data/runs/w'); const [w2] = [fs.writeFileSync]; w2('data/runs/v', '');`, errors: errors(6) },
      // a setter's parameter is what is assigned to a member of its name
      { filename: API, code: `${fsImport} const store = { set target(p: string) { fs.writeFileSync(p, ''); } }; store.target = 'data/runs/x';`, errors: errors(1) },
      // private fields: their initialisers and assignments (a #dir is not the public dir)
      { filename: API, code: `${fsImport} class S { #dir = 'data/runs'; #att: string; constructor() { this.#att = 'data/run_attachments'; } save() { fs.writeFileSync(this.#dir + '/a', ''); fs.writeFileSync(this.#att + '/b', ''); } }`, errors: errors(2) },
      // numbers are evaluated as numbers: 100 + 14 is 114 ('r'), and toString(36) spells letters
      { filename: API, code: `${fsImport} fs.writeFileSync('data/' + (1299448).toString(36) + '/a', ''); fs.writeFileSync('data/' + String.fromCharCode(100 + 14) + 'uns/b', '');`, errors: errors(2) },
      // Function.prototype.call invoked through call / apply / Reflect.apply: the function called is its `this`
      { filename: API, code: `${fsImport} Function.prototype.call.call(fs.writeFileSync, fs, 'data/runs/a', ''); const call = Function.prototype.call; call.apply(fs.mkdirSync, [fs, 'data/runs/b']); Reflect.apply(Function.prototype.call, fs.rmSync, [fs, 'data/run_attachments/c']);`, errors: errors(3) },
      // enum members and namespace constants are constants declared in the workspace
      { filename: API, code: `${fsImport} enum P { r = 'data/runs', s = 'data/sandbox' } fs.writeFileSync(P.r + '/a', ''); fs.writeFileSync(P['r'] + '/b', '');`, errors: errors(2) },
      { filename: API, code: `${fsImport} namespace N { export const d = 'data/run_attachments'; export namespace M { export const r = 'data/runs'; } } fs.writeFileSync(N.d + '/a', ''); fs.mkdirSync(N.M.r);`, errors: errors(2) },
      // an element of a computed constant array (indexed or destructured), one an array method picks or keeps whatever its
      // callback (find, filter, at: any of the receiver's elements), a typed array's bytes, an object's own conversion to text
      { filename: API, code: `${fsImport} fs.writeFileSync('a,data/runs/x'.split(',')[1]!, ''); const [, p] = 'a data/run_attachments/y'.split(' '); fs.rmSync(p!); fs.writeFileSync(['data/runs/x'].filter(Boolean)[0]!, ''); fs.writeFileSync(['data/sandbox/a', 'data/runs/b'].find((x) => x.length > 0)!, ''); fs.writeFileSync(Object.values({ p: 'data/runs/c' })[0]!, ''); fs.writeFileSync(new Uint8Array([100, 97, 116, 97, 47, 114, 117, 110, 115, 47, 120]), ''); fs.writeFileSync(Uint8Array.of(100, 97, 116, 97, 47, 114, 117, 110, 115), ''); const o = { toString() { return 'data/runs/d'; } }; fs.writeFileSync(\`\${o}\`, '');`, errors: errors(8) },
      // a whole tree removed, moved away or copied into at a folder that holds the data root: the working directory (., ./,
      // process.cwd(), path.resolve('.')), a folder above it, /, the data root's parent, a climb from a path the check cannot read
      { filename: API, code: `${fsImport} fs.rmSync('.', { recursive: true, force: true }); fs.rmSync(process.cwd(), { recursive: true }); fs.promises.rm('./', { recursive: true }); fs.rmSync('..', { recursive: true }); fs.rmSync('/', { recursive: true }); fs.rmSync(path.resolve('.'), { recursive: true }); fs.renameSync('.', '/tmp/moved'); fs.cpSync('/tmp/evil', '.', { recursive: true }); fs.rmSync(path.join(__dirname, '../../../..'), { recursive: true }); fs.rmSync(path.join(process.env.RMOS_DATA_DIR!, '..'), { recursive: true });`, errors: errors(10) },
      // the same for programs: a word naming such a folder, and programs that change their whole working directory when given no folder
      { filename: API, code: "import { execFileSync, execSync } from 'node:child_process'; execFileSync('rm', ['-rf', '.']); execSync('rm -rf ..'); execFileSync('git', ['clean', '-fdx']); execFileSync('git', ['stash', '--all']); execFileSync('tar', ['-xf', '/tmp/a.tar']); execSync('unzip /tmp/a.zip'); execSync('find -delete'); execSync('patch -p1 -i /tmp/p.diff'); execFileSync('git', ['-C', '.', 'apply', '/tmp/p.diff']);", errors: errors(9) },
      // node's own options on a command (an argument array, a spread of an unknown one, a command line) are read as execArgv is
      { filename: API, code: "import { spawn, execSync } from 'node:child_process'; export const f = (flag: string, more: string[], x: string) => [spawn('node', [flag, 'apps/api/src/main.ts']), spawn(process.execPath, [...more, '--import', 'tsx', 'apps/api/src/main.ts']), execSync(`node ${x} apps/api/src/main.ts`)];", errors: [{ message: /gives node an option the check cannot read/ }, ...errors(2)] },
      // npx / bunx run the program they are given: npx tsx with a script whose path cannot be folded (in a file that writes), npx rimraf on a protected folder
      { filename: API, code: "import fs from 'node:fs'; import { execFileSync, execSync } from 'node:child_process'; fs.writeFileSync('/tmp/q', ''); export const f = (s: string) => execFileSync('npx', ['--yes', 'tsx', s]); execSync('bunx rimraf data/runs');", errors: [{ message: /npx --yes tsx/ }, { message: /execSync \(a program given it\) writes "data\/runs"/ }] },
      // an execArgv element whose option cannot be read may be --require, --import or --eval: a parameter, a spread of an unknown array, a
      // whole execArgv or options object that cannot be read, an element pushed later, a --require= value in a file that writes files (fail closed)
      { filename: API, code: "import fs from 'node:fs'; import { fork } from 'node:child_process'; import { Worker } from 'node:worker_threads'; fs.writeFileSync('/tmp/x', ''); export const f = (flag: string, more: string[], o: any, m: string) => [fork('apps/api/src/main.ts', [], { execArgv: [flag] }), fork('apps/api/src/main.ts', [], { execArgv: ['--enable-source-maps', ...more] }), new Worker(new URL('./main.ts', import.meta.url), { execArgv: more }), new Worker(new URL('./main.ts', import.meta.url), o), fork('apps/api/src/main.ts', [], o), fork('apps/api/src/main.ts', [], { execArgv: ['--require=' + m] })]; const later = ['--enable-source-maps']; later.push(process.argv[2]!); fork('apps/api/src/main.ts', [], { execArgv: later });", errors: [{ message: /execArgv element the check cannot read \("<\?>"\)/ }, ...errors(5), { message: /execArgv element the check cannot read/ }] },
      // modules a node process preloads are scripts it runs: fork's and a Worker's execArgv, NODE_OPTIONS in the env option or
      // before the program on a command line (npm starts node too), and a NODE_OPTIONS the check cannot read (fail closed)
      { filename: API, code: "import { fork, execFileSync, execSync } from 'node:child_process'; import { Worker } from 'node:worker_threads'; fork('apps/api/src/main.ts', [], { execArgv: ['--require', '/tmp/evil.js'] }); fork('apps/api/src/main.ts', [], { env: { ...process.env, NODE_OPTIONS: '--require /tmp/evil.js' } }); execFileSync('npm', ['test'], { env: { NODE_OPTIONS: '--import=/tmp/evil.mjs' } }); execSync('NODE_OPTIONS=\"--require /tmp/evil.js\" npm test'); new Worker(new URL('../../../apps/api/src/main.ts', import.meta.url), { execArgv: ['--import', '/tmp/evil.mjs'] }); export const f = (x: string) => execFileSync('npm', ['test'], { env: { NODE_OPTIONS: x } });", errors: errors(6) },
      // a global decoder reached as a member (String.fromCharCode) is evaluated on constants like the string methods
      { filename: API, code: `${fsImport} fs.writeFileSync(String.fromCharCode(100, 97, 116, 97) + '/runs/a', ''); const d = String.fromCodePoint(100) + 'ata'; fs.rmSync(d + '/run_attachments');`, errors: errors(2) },
      // a prefix that cannot be folded may end in the data root (or in the first letters of runs): the known text after it names a protected
      // folder (also an environment variable, os.tmpdir(), a recursive function's answer, path.resolve, an absolute path's middle), or ends one
      // (d.slice(0, -6) + 's/a', …ts: run_attachments); after a process.chdir the check cannot place, a relative path is such a path too
      { filename: API, code: `${fsImport} import os from 'node:os'; import { execSync } from 'node:child_process'; export const f = (x: string, d: string, y: string) => [fs.writeFileSync(\`\${x}/runs/runs.sqlite\`, ''), fs.writeFileSync(d.slice(0, -6) + 's/a', ''), fs.writeFileSync(d + 'ts/x', ''), fs.writeFileSync(path.resolve(d, 'runs', 'x'), ''), fs.writeFileSync(\`/srv/\${d}/run_attachments/x\`, ''), fs.writeFileSync(\`\${d}/run\${y}/x\`, ''), fs.writeFileSync(process.env.HOME + '/runs/x', ''), fs.writeFileSync(path.join(os.tmpdir(), 'runs'), '')]; export function g(d: string) { process.chdir(d); fs.writeFileSync('runs/x', ''); execSync('rm -rf run_attachments'); }`, errors: [{ message: /its start \(.*\) cannot be folded and may be a path that ends in the data root .* can then name runs\// }, ...errors(8), { message: /its start \(the working directory after a process.chdir\)/ }] },
      // chdirs that compose (two relative ones) start relative paths in a folder that cannot be read; one chdir read from the start and from its folder
      { filename: API, code: `${fsImport} process.chdir('data/sandbox'); process.chdir('..'); fs.writeFileSync('runs/x', '');`, errors: [{ message: /process.chdir .* writes "..", which climbs/ }, { message: /the working directory after a process.chdir/ }] },
      { filename: API, code: `${fsImport} process.chdir('/srv/app'); process.chdir('data/sandbox'); fs.writeFileSync('../runs/x', '');`, errors: [{ message: /writes "..\/runs\/x", under runs\// }] },
      // a file the SQL names by a bound parameter is the value bound to it (positional, numbered, named; pg's values); one whose value the
      // call does not show (a statement kept in a variable, a later statement's ?), or a file name the SQL computes (char(…), a subquery), fails closed
      { filename: API, code: "import Database from 'better-sqlite3'; const db = new Database('/tmp/x.db'); db.prepare('ATTACH ? AS r').run('data/runs/runs.sqlite'); db.prepare('ATTACH @f AS r').run({ f: 'data/runs/runs.sqlite' }); const st = db.prepare('VACUUM INTO ?'); st.run('/tmp/y.db'); db.exec('ATTACH char(100,97,116,97,47,114,117,110,115,47,120) AS r'); db.exec('ATTACH \"data/run_attachments/a.db\" AS a'); export const f = (pool: any) => [pool.query('SELECT lo_export($1, $2)', [1234, 'data/runs/x']), pool.query({ text: 'SELECT lo_export($1, $2)', values: [1, `${process.env.RMOS_DATA_DIR}/run_attachments/x`] })];", errors: [{ message: /writes "data\/runs\/runs.sqlite"/ }, { message: /writes "data\/runs\/runs.sqlite"/ }, { message: /the value bound to the parameter \?/ }, { message: /a file name the SQL computes \(char/ }, { message: /data\/run_attachments\/a.db/ }, { message: /data\/runs\/x/ }, { message: /run_attachments\/x/ }] },
      // what fs.globSync / fs.promises.glob give are paths that match the pattern, its glob characters any text (the data root's folders, the data root itself)
      { filename: API, code: `${fsImport} for (const f of fs.globSync('data/*/x')) fs.rmSync(f); for await (const f of fs.promises.glob(['dist/*.map', 'data/**/*.json'])) await fs.promises.rm(f); for (const f of fs.globSync('*')) fs.rmSync(f, { recursive: true });`, errors: errors(3) },
      // a WASI instance's preopened host folders are changed by the WebAssembly module it runs: a protected folder, or one that holds the data root
      { filename: API, code: "import { WASI } from 'node:wasi'; new WASI({ version: 'preview1', preopens: { '/': 'data/runs' } }); new WASI({ version: 'preview1', preopens: { '/work': '.' } });", errors: errors(2) },
      // a function a function returns is followed when called at once: a factory of writers, a curried path helper, a path returned by a returned function
      { filename: API, code: `${fsImport} const mk = () => (p: string) => fs.writeFileSync(p, ''); mk()('data/runs/x'); const get = () => () => 'data/run_attachments/y'; fs.writeFileSync(get()(), ''); const under = (d: string) => (f: string) => path.join(d, f); fs.writeFileSync(under('data/runs')('z'), '');`, errors: errors(3) },
      // members of a constant JSON text parsed: at any depth, through a constant, destructured
      { filename: API, code: `${fsImport} fs.writeFileSync(JSON.parse('{"p":"data/runs/x"}').p, ''); const cfg = JSON.parse('{"dirs":{"out":"data/run_attachments"}}'); fs.writeFileSync(cfg.dirs.out + '/x', ''); const { q } = JSON.parse('{"q":"data/runs/y"}'); fs.writeFileSync(q, '');`, errors: errors(3) },
      // a callback's parameters are what its host calls it with: a timer's extra arguments, reduce's elements, Promise.resolve(v).then, Array.prototype.forEach.call (an fs function too)
      { filename: API, code: `${fsImport} setTimeout((p: string) => fs.rmSync(p), 0, 'data/runs/x'); ['data/runs/y'].reduce((acc, p) => { fs.rmSync(p); return acc; }, 0); Promise.resolve('data/run_attachments/z').then((p) => fs.writeFileSync(p, '')); Array.prototype.forEach.call(['data/runs/w'], (p: string) => fs.rmSync(p)); Array.prototype.map.call(['data/runs/v'], fs.rmSync);`, errors: errors(5) },
      // climbing from the module's own folder to one that holds the workspace (and the data root in it)
      { filename: API, code: `${fsImport} fs.rmSync(path.resolve(import.meta.dirname, '../../..'), { recursive: true, force: true }); fs.rmSync(path.join(__dirname, '..', '..', '..', '..'), { recursive: true }); fs.rmSync(new URL('../../../', import.meta.url), { recursive: true });`, errors: errors(3) },
      // a Proxy with no trap that changes a read (none, has, set, deleteProperty: through a const too) forwards to its target; one whose
      // handler cannot be read (a parameter, a spread) may too: its writes by name are checked (fail closed)
      { filename: API, code: `${fsImport} const p = new Proxy(fs, {}); p.writeFileSync('data/runs/x', ''); const h = { has: () => true, set: () => false }; new Proxy(fs, h).promises.rm('data/runs', { recursive: true }); new Proxy(fs.promises, { deleteProperty: () => true }).writeFile('data/run_attachments/a', ''); export function f(o: any) { new Proxy(fs, o).writeFileSync('data/runs/y', ''); const q: any = new Proxy(fs, { ...o }); q.rmSync('data/runs/z'); }`, errors: [{ message: /^fs\.writeFileSync writes "data\/runs\/x"/ }, { message: /^fs\.promises\.rm writes/ }, { message: /^fs\.promises\.writeFile writes/ }, { message: /of a value that may be fs writes "data\/runs\/y"/ }, { message: /of a value that may be fs writes "data\/runs\/z"/ }] },
      // a Proxy whose get trap answers its target's member is its target (t[k], Reflect.get(t, k, r), Reflect.get): its members by name,
      // aliased or destructured, are fs's (an evasion while it was read as renaming); a trap that renames the key or assigns it is not
      { filename: API, code: `${fsImport} const p = new Proxy(fs, { get: (t, k) => t[k] }); const w = p.writeFileSync; w('data/runs/x', ''); const { rmSync } = p; rmSync('data/runs', { recursive: true }); p.openSync('data/run_attachments/a', 'w'); const q = new Proxy(fs, { get(t, k, r) { return Reflect.get(t, k, r); } }); q.writeFileSync('data/runs/y', ''); new Proxy(fs.promises, { get: Reflect.get }).writeFile('data/runs/z', ''); const h = { get: (t: any, k: any) => { k = 'writeFileSync'; return t[k]; } }; (new Proxy(fs, h) as any).cpSync('a', 'data/runs/w');`, errors: [{ message: /^fs\.writeFileSync writes "data\/runs\/x"/ }, { message: /^fs\.rmSync writes/ }, { message: /^fs\.openSync \(open for writing\) writes/ }, { message: /^fs\.writeFileSync writes "data\/runs\/y"/ }, { message: /^fs\.promises\.writeFile writes/ }, { message: /of a value that may be fs writes "data\/runs\/w"/ }] },
      // a member of a Proxy is what its get trap returns, for any key
      { filename: API, code: `${fsImport} const p: any = new Proxy({}, { get: () => fs.writeFileSync }); p.x('data/runs/x', ''); const q: any = new Proxy({}, { get(_t, _k) { return fs.rmSync; } }); q.anything('data/run_attachments', { recursive: true });`, errors: errors(2) },
      // every mutating form, sync, callback, promise
      { filename: API, code: `${fsImport} fs.writeFileSync('data/runs/a.json', '{}');`, errors: errors(1) },
      { filename: API, code: `${fsImport} fs.appendFile('data/runs/a.json', 'x', () => {});`, errors: errors(1) },
      { filename: API, code: `${fsImport} fs.createWriteStream('./data/run_attachments/b');`, errors: errors(1) },
      { filename: API, code: `${fsImport} fs.renameSync('data/runs/a', '/tmp/a'); fs.copyFileSync('/tmp/a', 'data/runs/b'); fs.cpSync('/tmp/d', 'data/runs', { recursive: true });`, errors: errors(3) },
      { filename: API, code: `${fsImport} fs.linkSync('data/runs/a', '/tmp/a'); fs.symlinkSync('/tmp/x', 'data/runs/b');`, errors: errors(2) },
      { filename: API, code: `${fsImport} fs.mkdirSync('data/runs/new'); fs.rmSync('data/runs', { recursive: true }); fs.rmdirSync('data/runs/x'); fs.unlinkSync('data/runs/a');`, errors: errors(4) },
      { filename: API, code: `${fsImport} fs.truncateSync('data/runs/a'); fs.chmodSync('data/runs/a', 0o777); fs.chownSync('data/runs/a', 1, 1); fs.utimesSync('data/runs/a', 1, 1);`, errors: errors(4) },
      { filename: API, code: "import { writeFile } from 'node:fs/promises'; await writeFile('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "import * as fsp from 'fs/promises'; await fsp.rm('data/runs/a');", errors: errors(1) },
      { filename: API, code: "import { promises as p } from 'fs'; await p.appendFile('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; await fs.promises.writeFile('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "import { writeFileSync as w } from 'fs'; w('data/runs/a', '');", errors: errors(1) },
      { filename: `${ROOT}/apps/api/src/x.cjs`, code: "const fs = require('fs'); fs.writeFileSync('data/runs/a', '');", errors: errors(1) },
      { filename: `${ROOT}/apps/api/src/x.cjs`, code: "const { writeFileSync } = require('node:fs'); writeFileSync('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "const fs = await import('node:fs'); fs.default.writeFileSync('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "const fs = process.getBuiltinModule('fs'); fs.writeFileSync('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; fs.writeFileSync.call(null, 'data/runs/a', ''); Reflect.apply(fs.rmSync, fs, ['data/runs/b']);", errors: errors(2) },
      { filename: API, code: "import fs from 'fs'; const w = fs.writeFileSync.bind(fs); w('data/runs/a', '');", errors: errors(1) },
      { filename: API, code: "import { promisify } from 'node:util'; import fs from 'fs'; await promisify(fs.writeFile)('data/runs/a', '');", errors: errors(1) },
      // opening for writing, and the file handle / descriptor forms
      { filename: API, code: "import fs from 'fs'; fs.openSync('data/runs/a', 'w'); fs.open('data/runs/b', 'a+', () => {});", errors: errors(2) },
      { filename: API, code: "import { open } from 'fs/promises'; const fh = await open('data/runs/a', 'r'); await fh.chmod(0o777); await fh.truncate(0);", errors: errors(2) },
      { filename: API, code: "import fs from 'fs'; const fd = fs.openSync('data/runs/a'); fs.ftruncateSync(fd); fs.fchmodSync(fd, 0o777);", errors: errors(2) },
      { filename: API, code: "import fs from 'fs'; export const f = (flags: string) => fs.openSync('data/runs/a', flags);", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; fs.openSync('data/runs/a', fs.constants.O_WRONLY);", errors: errors(1) },
      // a read whose flag option opens for writing, or cannot be proved read-only; a write flag among read-safe ones
      { filename: API, code: `${fsImport} fs.createReadStream('data/runs/x', { flags: 'w' }); fs.readFileSync('data/runs/x', { flag: 'w+' }); fs.promises.readFile('data/runs/new', { flag: 'a+' }); export const f = (fl: string, o: object) => [fs.readFileSync('data/runs/y', { flag: fl }), fs.readFileSync('data/runs/z', o)]; fs.openSync('data/runs/a', fs.constants.O_RDONLY | fs.constants.O_CREAT); const opts: any = { flag: 'r' }; opts.flag = 'a'; fs.readFileSync('data/run_attachments/b', opts);`, errors: errors(7) },
      // the target followed through concatenation, templates, path.*, constants, the data root env
      { filename: API, code: `${fsImport} fs.writeFileSync(process.env.RMOS_DATA_DIR + '/runs/' + id, '');`, errors: errors(1) },
      { filename: API, code: `${fsImport} fs.writeFileSync(\`\${process.env.RMOS_DATA_DIR ?? 'data'}/run_attachments/\${h}\`, '');`, errors: errors(1) },
      { filename: API, code: `${fsImport} const ROOT = process.env.RMOS_DATA_DIR || 'data/'; const DIR = path.join(ROOT, 'ru' + 'ns'); fs.writeFileSync(path.resolve(DIR, id + '.json'), '');`, errors: errors(1) },
      { filename: API, code: "import { join } from 'node:path'; import { writeFileSync } from 'node:fs'; writeFileSync(join('data', 'sandbox', '..', 'runs', 'x'), '');", errors: errors(1) },
      { filename: API, code: "import path from 'path'; import fs from 'fs'; fs.writeFileSync(path.posix.normalize('data/./x/../runs/a'), '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; const { RMOS_DATA_DIR: d = 'data' } = process.env; fs.writeFileSync(`${d}/runs/a`, '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; const dirs = { runs: 'runs' } as const; fs.writeFileSync(`data/${dirs.runs}/x`, '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; let p = 'data'; p += '/runs/x'; fs.writeFileSync(p, '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; import path from 'path'; fs.writeFileSync(path.join(__dirname, '../../data/runs/x'), '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; import process from 'node:process'; fs.writeFileSync(process.env.RMOS_DATA_DIR + '/runs/a', '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; import { env } from 'node:process'; const { RMOS_DATA_DIR } = env; fs.writeFileSync(`${RMOS_DATA_DIR}/runs/a`, '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; const m = 'write' + 'FileSync'; fs[m]('data/runs/a', ''); export const f = (k: string) => (fs as any)[k]('data/runs/b');", errors: errors(2) },
      { filename: API, code: "import fs from 'fs'; for (const d of ['data/sandbox', 'data/runs']) fs.mkdirSync(d); ['data/run_attachments/a'].forEach((p) => fs.unlinkSync(p));", errors: errors(2) },
      // a same-file wrapper, class fields, spreads, file URLs
      { filename: API, code: "import fs from 'fs'; function save(p: string) { fs.writeFileSync(p, ''); } save('data/runs/a'); save('/tmp/b');", errors: errors(2) },
      { filename: API, code: "import fs from 'fs'; const rm = (target: string) => fs.rmSync(target); rm(`${process.env.RMOS_DATA_DIR}/run_attachments`);", errors: errors(2) },
      { filename: API, code: "import fs from 'fs'; import path from 'path'; class Store { dir = path.join(process.env.RMOS_DATA_DIR ?? 'data', 'runs'); put(id: string) { fs.writeFileSync(path.join(this.dir, id), ''); } }", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; import path from 'path'; class Store { constructor(private root = 'data/runs') {} put() { fs.mkdirSync(this.root); } }", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; import path from 'path'; const parts = ['runs', 'x']; fs.writeFileSync(path.join('data', ...parts), '');", errors: errors(1) },
      { filename: API, code: "import fs from 'fs'; import { fileURLToPath } from 'node:url'; fs.writeFileSync(fileURLToPath(new URL('../../../data/runs/x', import.meta.url)), '');", errors: errors(1) },
      // pure string computations, path.format, functions returning the path, getters, static fields
      { filename: API, code: `${fsImport} fs.writeFileSync('x/snur/atad'.split('').reverse().join(''), ''); fs.writeFileSync('data/RUNX/x'.replace('RUNX', 'runs'), '');`, errors: errors(2) },
      { filename: API, code: `${fsImport} fs.writeFileSync(path.format({ dir: 'data/runs', base: 'x.json' }), ''); fs.writeFileSync(path.format({ root: '/', dir: '/srv/data/run_attachments', name: 'x', ext: '.bin' }), '');`, errors: errors(2) },
      { filename: API, code: `${fsImport} function dir() { return 'data/runs'; } const d2 = () => \`\${process.env.RMOS_DATA_DIR}/run_attachments\`; fs.writeFileSync(dir() + '/x', ''); fs.mkdirSync(d2());`, errors: errors(2) },
      { filename: API, code: `${fsImport} const o = { get d() { return 'data/runs'; } }; class C { static D = 'data/runs'; static get E() { return 'data/run_attachments'; } } fs.writeFileSync(o.d + '/x', ''); fs.writeFileSync(C.D, ''); fs.rmSync(C.E);`, errors: errors(3) },
      { filename: API, code: `${fsImport} fs.writeFileSync(new URL('file:///srv/data/runs/y').pathname, '');`, errors: errors(1) },
      // wrappers taking the path inside an object, destructured, or as a method
      { filename: API, code: `${fsImport} function save(o: { p: string }) { fs.writeFileSync(o.p, ''); } save({ p: 'data/runs/x' });`, errors: errors(1) },
      { filename: API, code: `${fsImport} function save({ p }: { p: string }) { fs.writeFileSync(p, ''); } save({ p: 'data/runs/x' });`, errors: errors(1) },
      { filename: API, code: `${fsImport} const store = { save(p: string) { fs.writeFileSync(p, ''); } }; store.save('data/runs/x');`, errors: errors(2) },
      { filename: API, code: `${fsImport} class S { save(p: string) { fs.writeFileSync(p, ''); } } new S().save('data/run_attachments/x');`, errors: errors(2) },
      // case-insensitive and Windows file systems: RUNS, runs., backslashes
      { filename: API, code: `${fsImport} fs.writeFileSync('data/RUNS/x', ''); fs.writeFileSync('Data/Run_Attachments./x', ''); fs.writeFileSync('data\\\\runs\\\\x', '');`, errors: errors(3) },
      // literals changed after their declaration: assignments are alternatives, push/splice make any element possible
      { filename: API, code: `${fsImport} const cfg = { dir: 'data/sandbox' }; cfg.dir = 'data/runs'; fs.writeFileSync(cfg.dir + '/x', ''); const c2 = { dir: 'data/sandbox' }; Object.assign(c2, { dir: 'data/run_attachments' }); fs.writeFileSync(c2.dir, '');`, errors: errors(2) },
      { filename: API, code: `${fsImport} const p = ['data', 'sandbox']; p[1] = 'runs'; fs.writeFileSync(p.join('/') + '/x', ''); const q = ['data']; q.push('runs'); fs.writeFileSync(path.join(q.join('/'), 'x'), '');`, errors: errors(2) },
      // the working directory moved into the data root; programs run on protected paths
      { filename: API, code: `${fsImport} process.chdir('data'); process.chdir(path.join(process.env.RMOS_DATA_DIR!, 'runs'));`, errors: errors(2) },
      { filename: API, code: `${fsImport} import { execSync, spawn } from 'node:child_process'; execSync('rm -rf data/runs'); spawn('cp', ['-r', '/tmp/x', 'data/run_attachments/']);`, errors: errors(2) },
      // an fs write handed to what calls it with arguments the source holds, or bound to its path in a variable
      { filename: API, code: `${fsImport} ['data/runs/x'].forEach(fs.rmSync as any); Promise.resolve('data/runs').then(fs.promises.rm as any); setTimeout(fs.rmSync, 0, 'data/run_attachments', { recursive: true }); const w = fs.writeFileSync.bind(fs, 'data/runs/y'); w('z');`, errors: errors(4) },
      // a program run on the data root itself, in it, on $RMOS_DATA_DIR, or given code that names it (node -e)
      // ... but an option of unknown shape (it may take the script-looking word as its value) or a word that cannot be read leaves a later -e node's
      { filename: API, code: "import { spawnSync } from 'node:child_process'; export const f = (x: string) => [spawnSync('node', ['--redirect-warnings', 'tools/boundaries/bin/boundaries.mjs', '-e', 'x']), spawnSync('node', ['--no-warnings', '-e', 'x']), spawnSync('node', [x, 'tools/boundaries/bin/boundaries.mjs', '-p', 'x'])];", errors: errors(3) },
      { filename: API, code: `${fsImport} import { execSync, spawnSync } from 'node:child_process'; execSync('rm -rf data'); execSync('cd data && echo x > runs/x'); execSync('echo x > runs/x', { cwd: 'data' }); execSync('tar -xf b.tgz -C $RMOS_DATA_DIR'); execSync('rm -r "\${RMOS_DATA_DIR}/runs"'); spawnSync(process.execPath, ['-e', "require('fs').writeFileSync(require('path').join('data','runs','x'),'y')"]);`, errors: errors(6) },
      // paths as Buffers, spreads of computed arrays, copies of process.env, handles through then()
      { filename: API, code: `${fsImport} fs.writeFileSync(Buffer.from('data/runs/x'), ''); fs.writeFileSync(Buffer.from('ZGF0YS9ydW5zL3g=', 'base64'), '');`, errors: errors(2) },
      { filename: API, code: `${fsImport} fs.writeFileSync(path.join(...'data/runs/x'.split('/')), ''); const env = { ...process.env }; fs.writeFileSync(env.RMOS_DATA_DIR + '/runs/x', '');`, errors: errors(2) },
      { filename: API, code: `${fsImport} fs.promises.open('data/runs/x', 'r').then((fh) => fh.truncate(0));`, errors: errors(1) },
      { filename: API, code: `${fsImport} fs.createWriteStream('', { fd: fs.openSync('data/runs/x', 'r') } as any); const dirs = new Map([['r', 'data/runs']]); fs.writeFileSync(dirs.get('r')!, ''); fs.writeFileSync(new TextDecoder().decode(new TextEncoder().encode('data/run_attachments/x')), '');`, errors: errors(3) },
      // fail closed: the first segment under the data root cannot be folded
      { filename: API, code: `${fsImport} export const f = (sub: string) => fs.writeFileSync(path.join(process.env.RMOS_DATA_DIR ?? 'data', sub, 'x'), '');`, errors: errors(1) },
      { filename: API, code: `${fsImport} export const f = (s: string) => fs.writeFileSync(\`data/run\${s}/x\`, '');`, errors: errors(1) },
      // a folder named data counts anywhere after a part that cannot be read (the temporary folder, __dirname; not inside a folder mkdtemp made), after a leading ..,
      // and anywhere in an absolute path; a .. after a part that cannot be read removes nothing (it may be several segments)
      { filename: API, code: `${fsImport} import os from 'node:os'; fs.mkdirSync(path.join(os.tmpdir(), 'data', 'runs'), { recursive: true }); fs.writeFileSync('../data/runs/x', ''); fs.writeFileSync('/srv/app/data/run_attachments/x', ''); export const f = (x: string) => fs.writeFileSync(\`data/\${x}/../runs/y\`, '');`, errors: errors(4) },
      // relative paths after a chdir into the data root climb into runs/; a link's target is relative to its folder, and a
      // link into a protected folder (or one in the data root to a target that cannot be read) is a way in no later write shows
      { filename: API, code: `${fsImport} process.chdir('data/sandbox'); fs.writeFileSync('../runs/x', 'a'); fs.writeFileSync('ok.txt', 'a');`, errors: errors(1) },
      { filename: API, code: `${fsImport} export const go = (d: string) => process.chdir(d); fs.rmSync('../runs', { recursive: true });`, errors: errors(1) },
      { filename: API, code: `${fsImport} fs.symlinkSync('../runs', 'data/sandbox/l'); fs.symlinkSync('../../data/runs/runs.sqlite', 'data/sandbox/latest-runs-db'); export const f = (t: string) => fs.symlinkSync(t, 'data/sandbox/z');`, errors: errors(3) },
      // command lines: globs, quote removal, backslashes, ${VAR:-default}, the env option's variables, unknown variables next to runs/,
      // spread options, a cwd the words are relative to
      { filename: API, code: "import { execSync, execFileSync, spawnSync } from 'node:child_process'; execSync('rm -rf data/*'); execSync('rm -rf d\"\"ata/runs'); execSync('rm -rf da\\\\ta/runs'); spawnSync('find', ['.', '-path', '*/runs/*', '-delete']); execSync('rm -rf ${RMOS_DATA_DIR:-data}/runs'); execSync('rm -rf \"$D/runs\"', { env: { ...process.env, D: 'data' } }); execSync('rm -rf \"$X/run_attachments\"'); const opts = { cwd: 'data' }; execSync('rm -rf runs', { ...opts }); execFileSync('rm', ['-rf', '../runs'], { cwd: 'data/sandbox' }); execSync('rm -rf *'); execSync('du -sh data/runs; rm -rf data/runs/x'); execFileSync('du', ['-sh', 'data/runs'], { env: { PATH: '/tmp/bin' } });", errors: errors(12) },
      // interpreters on inline code, a shell on text that cannot be read, scripts outside the workspace or written by the file
      { filename: API, code: "import fs from 'node:fs'; import { execSync, spawnSync, fork } from 'node:child_process'; import { Worker } from 'node:worker_threads'; spawnSync(process.execPath, ['-e', 'require(\"fs\").rmSync(\"da\"+\"ta/runs\",{recursive:true})']); execSync('python3 -c \"import os\"'); export const f = (cmd: string, prog: string) => [spawnSync('bash', ['-c', cmd]), spawnSync(prog, ['-e', 'x'])]; execSync('sqlite3 data/sandbox/x.db \"VACUUM\"'); fs.writeFileSync('/tmp/rtp/evil.cjs', 'x'); fork('/tmp/rtp/evil.cjs'); new Worker('/tmp/rtp/evil2.mjs'); fs.writeFileSync('tools/boundaries/bin/boundaries.mjs', ''); fork('tools/boundaries/bin/boundaries.mjs'); spawnSync('node', [], { input: 'x' }); fork('apps/api/src/nope.js');", errors: errors(10) },
      // a wrapper's options and operands stand before the program it runs (timeout 10 node x, nice -n 5 node x)
      { filename: API, code: "import { execSync } from 'node:child_process'; execSync('timeout 10 node /tmp/x.js'); execSync('nice -n 5 node /tmp/x.js');", errors: [{ message: /runs "\/tmp\/x\.js", a script outside the workspace/ }, { message: /runs "\/tmp\/x\.js", a script outside the workspace/ }] },
      // removing the data root takes runs/ with it
      { filename: API, code: "import fs from 'fs'; fs.rmSync(process.env.RMOS_DATA_DIR ?? 'data', { recursive: true });", errors: errors(1) },
      // every zone but the writer
      { filename: AI, code: "import fs from 'fs'; fs.writeFileSync('data/runs/a', '');", errors: errors(1) },
      { filename: WORKFLOW, code: "import fs from 'fs'; fs.writeFileSync('data/runs/a', '');", errors: errors(1) },
      // mkdtemp inside a protected folder is a write there, and so is what is written in it; a .. out of the fresh folder leaves it; the data root joined inside it may be absolute
      { filename: API, code: `${fsImport} const a = fs.mkdtempSync('data/runs/x-'); fs.writeFileSync(path.join(a, 'x'), ''); const b = fs.mkdtempSync('/tmp/x-'); fs.writeFileSync(path.join(b, '..', 'data', 'runs', 'x'), ''); fs.rmSync(\`\${b}/\${process.env.RMOS_DATA_DIR}/runs\`, { recursive: true });`, errors: errors(4) },
      // a later assignment that can reach the write: round a loop, conditionally, from a closure, or read by a closure called later
      { filename: API, code: `${fsImport} let a = 'data/sandbox/x'; for (const s of ['1', '2']) { fs.writeFileSync(a, s); a = 'data/runs/x'; } let b = 'data/runs/x'; export function g() { b = 'data/sandbox/x'; } b = 'data/sandbox/y'; fs.writeFileSync(b, ''); export function f(c: boolean) { let d = 'data/runs/x'; if (c) { d = 'data/sandbox/y'; } fs.writeFileSync(d, ''); let e = 'data/sandbox/y'; setTimeout(() => fs.writeFileSync(e, '')); e = 'data/run_attachments/z'; }`, errors: errors(4) },
      // the placeholder reaches a read in another function (the hook may not have run), and a read after the hook's assignment when another function assigns the variable too
      { filename: API, code: `${fsImport} import os from 'node:os'; let dir = ''; export function before() { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-')); } export function t() { fs.writeFileSync(path.join(dir, 'data', 'runs', 'x'), ''); } let d = ''; export function setup() { d = fs.mkdtempSync('/tmp/x-'); fs.rmSync(path.join(d, 'data', 'runs'), { recursive: true }); } export function reset() { d = ''; }`, errors: errors(2) },
      // a pipeline with any other program in it: that program may act on what the others print (xargs rm), or write (tee); a pipeline followed by another command
      { filename: API, code: "import { execSync } from 'node:child_process'; execSync('cat data/runs/list | xargs rm'); execSync('cat data/runs/x | tee data/runs/y'); execSync('ls data/runs | head -1; rm -rf data/runs');", errors: errors(3) },
      // a shell fed its commands on its input: a stream written later, stdio, a pipe; the input option read as its command line
      { filename: API, code: "import { spawn, execFile, execFileSync, execSync, spawnSync } from 'node:child_process'; const c = spawn('sh'); c.stdin.write('rm -rf data/runs'); execFile('bash', ['-s']); execFileSync('sh', ['-s'], { stdio: 'inherit' }); execSync(\"echo 'rm -rf data/runs' | sh\"); spawnSync('bash', { input: 'rm -rf data/runs' }); execSync('sh', { input: 'rm -rf data/run_attachments/x' }); execFileSync('zsh', ['--', '-'], { input: 'rm -rf data/runs' });", errors: errors(7) },
      { filename: API, code: "import { execFileSync } from 'node:child_process'; export const f = (script: string) => execFileSync('bash', [], { input: script });", errors: errors(1) },
      // a # inside a word is no comment; a comment ends at its line's end
      { filename: API, code: "import { execSync } from 'node:child_process'; execSync('echo a#b > data/runs/x'); execSync('true # note\\nrm -rf data/run_attachments');", errors: errors(2) },
      // eval runs its words as a command line: constant text is read, other text refused
      { filename: API, code: "import { execSync, execFileSync } from 'node:child_process'; execSync(\"sh -c 'eval \\\"$X\\\"'\"); execSync(\"eval 'rm -rf data/runs'\"); execFileSync('bash', [], { input: 'builtin eval \"rm -rf data/run_attachments\"' }); execSync('eval $(cat cmd.txt)');", errors: errors(4) },
      // bash's $'…' decoded (hex, octal, unicode escapes spelling rm or a protected path); one that cannot be decoded fails closed
      { filename: API, code: "import { execSync, execFileSync } from 'node:child_process'; execSync(\"$'\\\\x72m' -rf data/runs\"); execSync(\"rm -rf $'data/\\\\x72uns'\"); execSync(\"rm -rf $'data/\\\\162uns/x'\"); execSync(\"rm -rf $'data/\\\\u0072un_attachments'\"); execFileSync('bash', ['-c', \"rm -rf $'\\\\x64ata'/runs\"]); execSync('rm -rf $\"data/runs\"'); export const f = (x: string) => execSync(`rm -rf $'data/\\\\x${x}uns'`);", errors: errors(7) },
      // SQL words reordered at run time: reverse / sort in place, through an alias, then join (and map) read every order they can give
      { filename: API, code: "const w = ['run_artifacts', 'FROM', 'DELETE']; const v = ['1', 'WHERE', 'run_index', 'FROM', 'DELETE']; const r = v.reverse(); const s = ['b run_chain_head', 'a DELETE FROM']; const u = ['sessions', 'TRUNCATE']; const alias = u; alias.reverse(); export const f = (db: any) => [db.exec(w.reverse().join(' ')), db.exec(r.join(' ')), db.exec(s.sort().map((x) => x.slice(2)).join(' ')), db.exec(u.join(' '))];", errors: errors(4) },
      { filename: API, code: `${fsImport} const parts = ['x', 'runs', 'data']; parts.reverse(); fs.writeFileSync(parts.join('/'), '');`, errors: errors(1) },
      // PostgreSQL writes without the usual verbs: CALL of a procedure (fail closed), dblink_exec, pg_file_write, lo_export, COPY … TO PROGRAM
      { filename: API, code: "export const f = (pg: any) => [pg.query('CALL rmos_runs.purge_runs()'), pg.query(\"SELECT dblink_exec('dbname=luthier', 'DELETE FROM run_artifacts')\"), pg.query(\"SELECT pg_file_write('data/runs/x.json', '{}', false)\"), pg.query(\"SELECT lo_export(lo_import('/etc/hosts'), 'data/run_attachments/x')\"), pg.query(\"COPY (SELECT 1) TO PROGRAM 'true'\")];", errors: errors(5) },
      // a name partly known that may still be a protected one; an ATTACH whose mode is not read-only
      { filename: API, code: "export const f = (db: any, id: string, m: string) => [db.exec(`DELETE FROM run_${id}`), db.exec(`ATTACH 'file:data/runs/runs.sqlite?mode=${m}' AS s`), db.exec(\"ATTACH 'data/runs/runs.sqlite?mode=ro' AS s\")];", errors: errors(3) },
    ],
  });
}

// constants imported from other workspace files: real files in a throw-away workspace
const root = makeWorkspace({
  'libs/shared/paths/src/dirs.ts': "export const RUNS = 'runs';\nexport const DATA = process.env.RMOS_DATA_DIR ?? 'data';\nexport const SANDBOX = 'sandbox';\n",
  'libs/shared/paths/src/index.ts': "export * from './dirs.js';\nexport { RUNS as RUN_DIR } from './dirs.js';\nexport default 'run_attachments';\n",
  'libs/shared/paths/src/io.ts': "import { writeFileSync } from 'node:fs';\nimport path from 'node:path';\nexport function writeJson(file: string, value: unknown) { const target = path.resolve(file); writeFileSync(target, JSON.stringify(value)); }\nexport const saveAll = (dir: string) => writeJson(path.join(dir, 'all.json'), {});\n",
  'libs/rmos/runs/src/write.ts': "import { writeFileSync } from 'node:fs';\nexport function writeRun(file: string) { writeFileSync(file, ''); }\n",
  'libs/shared/paths/src/cfg.json': '{ "runs": "data/runs", "nested": { "att": "data/run_attachments" } }\n',
  'libs/shared/paths/src/fsx.ts': "export * as fsx from 'node:fs';\nexport { writeFileSync as w } from 'node:fs';\nexport * from 'node:fs/promises';\n",
  'libs/shared/paths/src/fns.ts': "import fs from 'node:fs';\nexport function runsDir() { return ['data', 'runs'].join('/'); }\nexport const io = { save: (p: string) => fs.writeFileSync(p, '') };\nfunction listed() { return 'data/run_attachments'; }\nexport { listed };\n",
  'libs/shared/paths/src/live.ts': "export let DIR = 'data/sandbox';\nexport function useRuns() { DIR = 'data/runs'; }\nexport const CFG = { dir: 'data/sandbox' };\nexport function retarget() { CFG.dir = 'data/run_attachments'; }\nexport let SAME = 'data/sandbox';\nlet inner = 'data/sandbox';\nexport { inner as INNER };\nexport function moveInner() { inner = 'data/runs'; }\n",
  'libs/shared/paths/src/layout.ts': "import { DATA, RUNS } from './dirs.js';\nexport const RUNS_DIR = `${DATA}/${RUNS}`;\nexport const LAYOUT = { runs: RUNS, sandbox: 'sandbox' } as const;\n",
  'package.json': JSON.stringify({ name: 'fixture', private: true, scripts: { clean: 'rm -rf dist coverage', build: 'tsc -p tsconfig.json', wipe: 'rm -rf data/runs', reset: 'npm run wipe', postprune: 'rm -rf data/run_attachments', prune: 'echo pruning' } }),
  'apps/api/src/sql/evil.sql': '-- tidy up\nDROP TRIGGER IF EXISTS run_artifacts_no_update;\nDELETE FROM run_artifacts;\n',
  'apps/api/src/sql/attach.sql': "ATTACH 'data/runs/runs.sqlite' AS r;\n",
  'apps/api/src/sql/notes.sql': 'CREATE TABLE IF NOT EXISTS notes (id integer);\nINSERT INTO notes VALUES (1);\n',
  'config/dev.env': 'PORT=3000\nNODE_OPTIONS="--require /tmp/evil.js"\n',
  'pkgs/evil/package.json': JSON.stringify({ name: 'evil', scripts: { build: 'tsc -p .' } }),
  'pkgs/evil/.npmrc': 'fund=false\nnode-options=--require /tmp/evil.js\n',
  'pkgs/var/package.json': JSON.stringify({ name: 'var', scripts: { build: 'tsc -p .' } }),
  'pkgs/var/.npmrc': 'node-options = "${EXTRA_OPTIONS}"\n',
  'pkgs/ok/package.json': JSON.stringify({ name: 'ok', scripts: { build: 'tsc -p .' } }),
  'pkgs/ok/.npmrc': '; local\nnode-options="--max-old-space-size=4096 --enable-source-maps"\n',
  'config/ok.env': '# local settings\nexport NODE_OPTIONS=--enable-source-maps\nPORT=1\n',
  'scripts/clean.sh': 'set -e\n# remove what the build left\nrm -rf dist coverage\n',
  'scripts/wipe.sh': '#!/bin/sh\nrm -rf "${RMOS_DATA_DIR:-data}/runs"\n',
  'scripts/calls-wipe.sh': 'echo start\nsh scripts/wipe.sh\n',
  'scripts/deploy': '#!/usr/bin/env bash\nmkdir -p dist && cp -r build/. dist/\n',
  'scripts/purge': '#!/usr/bin/env bash\nfind data -path "*/runs/*" -delete\n',
  'scripts/report.py': '#!/usr/bin/env python3\nprint(1)\n',
  'scripts/tool': '#!/usr/bin/env node\nrequire("fs").rmSync("data/runs", { recursive: true });\n',
  'scripts/tool.mjs': '#!/usr/bin/env node\nconsole.log(1);\n',
  'libs/shared/paths/src/config.ts': "import path from 'node:path';\nexport function loadConfig(env: NodeJS.ProcessEnv = process.env) {\n  return { dataDir: path.resolve(env.RMOS_DATA_DIR || 'data/'), tmp: '/tmp' };\n}\nexport function again(n: number): { dir: string } { return n ? again(n - 1) : { dir: 'x' }; }\n",
});
const api = `${root}/apps/api/src/x.ts`;
boundaryTester(root, POLICY).run('boundaries/write-paths (imported constants)', asEslintRule(writePathsRule), {
  valid: [
    { filename: api, code: "import { writeJson } from '@luthier/shared-paths/src/io.js'; writeJson('data/sandbox/x.json', {}); writeJson('/tmp/x', {});" },
    // shell scripts of the workspace run by file are read as their command lines; a node script by its #! line is a script node runs; system programs by path are those programs
    { filename: api, code: "import { execSync, execFileSync, spawn } from 'node:child_process'; execSync('sh scripts/clean.sh'); execFileSync('bash', ['-e', './scripts/clean.sh']); spawn('./scripts/deploy', [], { stdio: 'inherit' }); execFileSync('./scripts/tool.mjs'); execFileSync('/usr/bin/git', ['status']); execSync('. scripts/clean.sh && echo done');" },
    // SQL read from a file of the workspace is that file's text: one that changes no table of the store
    { filename: api, code: "import fs from 'node:fs'; import path from 'node:path'; export const f = (db: any) => [db.exec(fs.readFileSync(new URL('./sql/notes.sql', import.meta.url), 'utf8')), db.exec(fs.readFileSync(path.join(__dirname, 'sql', 'notes.sql'), 'utf8')), db.exec(fs.readFileSync('apps/api/src/sql/notes.sql', 'utf8'))];" },
    // package scripts are read as command lines: ones that write outside the protected folders, a script the package.json does not have
    { filename: api, code: "import { execSync, execFileSync } from 'node:child_process'; execSync('npm run clean'); execFileSync('npm', ['run', '-s', 'build', '--', '--watch']); execSync('yarn clean'); execSync('npm run missing'); execSync('npm ci');" },
    // a package script whose .npmrc node-options preloads nothing; files whose names only look like an .npmrc
    { filename: api, code: "import fs from 'node:fs'; import { execSync } from 'node:child_process'; execSync('npm run build', { cwd: 'pkgs/ok' }); execSync('pnpm run build -C pkgs/ok'); fs.writeFileSync('/tmp/out/npmrc.txt', ''); fs.writeFileSync('docs/.npmrc.example.md', '');" },
    // an --env-file of the workspace whose NODE_OPTIONS preloads nothing; an env option read through object literals spread in
    { filename: api, code: "import { execSync, fork, execFileSync } from 'node:child_process'; fork('apps/api/src/index.ts', [], { execArgv: ['--env-file=config/ok.env'] }); execSync('node --env-file config/ok.env apps/api/src/index.ts'); const extra = { PORT: '1' }; execFileSync('npm', ['test'], { env: { ...process.env, ...extra } }); process.env.NODE_OPTIONS = '--enable-source-maps'; process.env.NODE_OPTIONS += ' --no-warnings';" },
    // a key of process.env that cannot be folded, given a value that preloads nothing; a known harmless key; process.env copied back
    { filename: api, code: "export function f(k: string, o: Record<string, string>) { process.env[k] = '1'; process.env[k] = '--enable-source-maps'; process.env.FOO = o.x; Object.assign(process.env, { FOO: o.x, [k]: 'on' }, { ...process.env }); Object.assign(process.env, process.env); Reflect.set(process.env, k, 'y'); delete process.env[k]; }" },
    // the writer's own functions are the allowed way
    { filename: api, code: "import { writeRun } from '@luthier/rmos-runs/src/write.js'; writeRun('data/runs/x');" },
    { filename: api, code: "import fs from 'fs'; import { DATA, SANDBOX } from '@luthier/shared-paths'; fs.writeFileSync(`${DATA}/${SANDBOX}/x`, '');" },
    // an exported let that its module never writes again is a constant
    { filename: api, code: "import fs from 'fs'; import { SAME } from '@luthier/shared-paths/src/live.js'; fs.writeFileSync(SAME + '/x', '');" },
    // other members of a returned object; a recursive function's answer (read once, not forever)
    { filename: api, code: "import fs from 'fs'; import path from 'path'; import { loadConfig, again } from '@luthier/shared-paths/src/config.js'; fs.writeFileSync(path.join(loadConfig().tmp, 'runs', 'x'), ''); fs.writeFileSync(path.join(loadConfig().dataDir, 'sandbox', 'x'), ''); fs.writeFileSync(again(3).dir + '/report.json', '');" },
  ],
  invalid: [
    { filename: api, code: "import fs from 'fs'; import { DATA, RUNS } from '@luthier/shared-paths'; fs.writeFileSync(`${DATA}/${RUNS}/x`, '');", errors: errors(1) },
    // SQL read from a file of the workspace that changes the store's tables or attaches a protected file (also read through a constant
    // and awaited); a SQL file this file writes
    { filename: api, code: "import fs from 'node:fs'; import fsp from 'node:fs/promises'; const EVIL = new URL('./sql/evil.sql', import.meta.url); export const f = async (db: any, pool: any) => [db.exec(fs.readFileSync(EVIL, 'utf8')), await pool.query(await fsp.readFile('apps/api/src/sql/attach.sql', 'utf8'))];", errors: [{ message: /changes .*run_artifacts/ }, { message: /read from apps\/api\/src\/sql\/attach.sql\) writes "data\/runs\/runs.sqlite"/ }] },
    { filename: api, code: "import fs from 'node:fs'; fs.writeFileSync('apps/api/src/sql/notes.sql', 'DELETE FROM run_index'); export const f = (db: any) => db.exec(fs.readFileSync('apps/api/src/sql/notes.sql', 'utf8'));", errors: [{ message: /a file this file writes/ }] },
    // a package script that writes a protected folder (also through another script, or its post script), a script whose name cannot be
    // folded, the scripts of every workspace, a package.json this file writes
    { filename: api, code: "import fs from 'node:fs'; import { execSync, execFileSync } from 'node:child_process'; execSync('npm run wipe'); execSync('npm run reset'); execSync('pnpm prune'); export const f = (s: string) => execFileSync('npm', ['run', s]); execSync('npm test --workspaces');", errors: [{ message: /through the script "wipe" of package.json/ }, { message: /through the script "reset" of package.json\) \(through the script "wipe"/ }, { message: /through the script "postprune"/ }, { message: /a package script it cannot name/ }, { message: /the scripts of every workspace/ }] },
    { filename: api, code: "import fs from 'node:fs'; import { execSync } from 'node:child_process'; fs.writeFileSync('package.json', '{}'); execSync('npm run clean');", errors: [{ message: /a package.json this file writes/ }] },
    // a package manager hands its scripts the node-options of the package's (or the workspace's) .npmrc and of npm_config_node_options as
    // NODE_OPTIONS: a preload outside the workspace, or a value that expands a variable (fail closed); and any .npmrc written
    { filename: api, code: "import fs from 'node:fs'; import path from 'node:path'; import { execSync, execFileSync } from 'node:child_process'; execSync('npm run build', { cwd: 'pkgs/evil' }); execSync('npm --prefix pkgs/var run build'); execFileSync('npm', ['run', 'clean'], { env: { ...process.env, npm_config_node_options: '-r /tmp/e.js' } }); fs.writeFileSync('.npmrc', 'node-options=-r ./x.js'); export const f = (dir: string) => fs.appendFileSync(path.join(dir, '.npmrc'), ''); fs.copyFileSync('/tmp/rc', 'pkgs/ok/.npmrc');", errors: [{ message: /the node-options npm hands its scripts\) \(a module NODE_OPTIONS preloads\)/ }, { message: /the node-options npm hands its scripts\) sets NODE_OPTIONS to a value the check cannot read/ }, { message: /the node-options npm hands its scripts/ }, { message: /writes "\.npmrc", an npm config file/ }, { message: /an npm config file/ }, { message: /an npm config file/ }] },
    // NODE_OPTIONS loaded from an --env-file (fork's execArgv, a node command line), also one whose path cannot be folded or that lies
    // outside the workspace; set on process.env (=, +=, Object.assign, Reflect.set: every node started later reads it), or in an object
    // literal spread into the env option, or under a key that cannot be folded
    { filename: api, code: "import { execSync, fork, execFileSync } from 'node:child_process'; fork('apps/api/src/index.ts', [], { execArgv: ['--env-file=config/dev.env'] }); execSync('node --env-file=config/dev.env apps/api/src/index.ts'); export const f = (e: string, k: string, v: string) => [fork('apps/api/src/index.ts', [], { execArgv: ['--env-file', e] }), execFileSync('node', ['--env-file-if-exists=/tmp/e.env', 'apps/api/src/index.ts']), (process.env.NODE_OPTIONS = v), execFileSync('npm', ['test'], { env: { ...process.env, [k]: v } })]; process.env.NODE_OPTIONS += ' --import ./x.mjs'; Object.assign(process.env, { NODE_OPTIONS: '--require /tmp/evil.js' }); Reflect.set(process.env, 'NODE_OPTIONS', '-r /tmp/evil.js'); const extra = { NODE_OPTIONS: '--import=/tmp/evil.mjs' }; execFileSync('npm', ['test'], { env: { ...process.env, ...extra } });", errors: [{ message: /--env-file its execArgv loads/ }, { message: /an --env-file it loads/ }, ...errors(8)] },
    // a key of process.env that cannot be folded may be NODE_OPTIONS: process.env[k] = v, Object.assign(process.env, …) from a source that
    // cannot be read, a computed key or an unknown spread (Reflect.set(process.env, k, v) likewise, above)
    { filename: api, code: "export function f(k: string, v: string, o: any) { process.env[k] = v; process.env[k] += v; Object.assign(process.env, o); Object.assign(process.env, { [k]: v }); Object.assign(process.env, { PORT: '1', ...o }); Reflect.set(process.env, k, v); }", errors: [{ message: /process\.env\[key\] = … \(a key the check cannot fold may be NODE_OPTIONS/ }, ...errors(5)] },
    // a shell script run by file writing a protected folder (also through a script it runs, or a #! line), a script file that does not exist,
    // whose path cannot be folded, outside the workspace, or that this file writes; a program file that is neither a shell nor a node source script
    { filename: api, code: "import fs from 'node:fs'; import { execSync, execFileSync, spawn } from 'node:child_process'; execSync('sh scripts/wipe.sh'); execSync('bash scripts/calls-wipe.sh'); spawn('./scripts/purge'); execSync('sh scripts/missing.sh'); export const f = (file: string) => execFileSync('sh', ['-e', file]); execSync('bash /tmp/x.sh'); fs.writeFileSync('scripts/clean.sh', 'rm -rf data/runs'); execSync('source scripts/clean.sh'); execFileSync('./scripts/report.py'); execFileSync('scripts/tool'); fs.writeFileSync('/tmp/prog', ''); execFileSync('/tmp/prog');", errors: [{ message: /execSync \(through scripts\/wipe.sh\) \(a program given it\) writes "<data root>\/runs"/ }, { message: /\(through scripts\/calls-wipe.sh\) \(through scripts\/wipe.sh\)/ }, { message: /spawn \(through scripts\/purge\)/ }, { message: /scripts\/missing.sh", which is no file/ }, { message: /./ }, { message: /a script file outside the workspace/ }, { message: /a script this file writes/ }, { message: /neither a shell script nor a node script/ }, { message: /scripts\/tool", which is no workspace source file/ }, { message: /a program this file writes/ }] },
    { filename: api, code: "import fs from 'fs'; import { DATA, RUN_DIR } from '@luthier/shared-paths'; fs.mkdirSync(DATA + '/' + RUN_DIR);", errors: errors(1) },
    { filename: api, code: "import fs from 'fs'; import att from '@luthier/shared-paths'; fs.writeFileSync('data/' + att + '/x', '');", errors: errors(1) },
    { filename: api, code: "import fs from 'fs'; import { RUNS_DIR } from '../../../libs/shared/paths/src/layout.js'; fs.writeFileSync(RUNS_DIR + '/x', '');", errors: errors(1) },
    { filename: api, code: "import fs from 'fs'; import { LAYOUT } from '~paths/layout'; fs.writeFileSync(`data/${LAYOUT.runs}/x`, '');", errors: errors(1) },
    // a wrapper imported from another workspace file, also through a second wrapper
    { filename: api, code: "import { writeJson } from '@luthier/shared-paths/src/io.js'; writeJson('data/runs/x.json', {});", errors: errors(1) },
    { filename: api, code: "import { saveAll } from '@luthier/shared-paths/src/io.js'; saveAll(`${process.env.RMOS_DATA_DIR}/runs`);", errors: errors(1) },
    { filename: api, code: "import * as fs from 'fs'; import * as P from '@luthier/shared-paths'; const { DATA } = P; fs.writeFileSync(DATA + '/runs/x', '');", errors: errors(1) },
    // a member of what a workspace function returns, its parameter read through its default (env = process.env)
    { filename: api, code: "import fs from 'fs'; import path from 'path'; import { loadConfig } from '@luthier/shared-paths/src/config.js'; const config = loadConfig(); fs.writeFileSync(path.join(loadConfig().dataDir, 'runs', 'x'), ''); fs.rmSync(path.join(config.dataDir, 'run_attachments'), { recursive: true });", errors: errors(2) },
    // a function or a writer object imported from another workspace file
    { filename: api, code: "import fs from 'fs'; import { runsDir } from '@luthier/shared-paths/src/fns.js'; fs.writeFileSync(runsDir() + '/x', '');", errors: errors(1) },
    { filename: api, code: "import { io } from '@luthier/shared-paths/src/fns.js'; io.save('data/runs/x');", errors: errors(1) },
    // constants from a JSON module of the workspace
    { filename: api, code: "import fs from 'fs'; import cfg from '@luthier/shared-paths/src/cfg.json'; fs.writeFileSync(cfg.runs + '/x', ''); fs.rmSync(cfg.nested.att);", errors: errors(2) },
    // fs functions re-exported by another workspace module
    { filename: api, code: "import { fsx, w, rm } from '@luthier/shared-paths/src/fsx.js'; fsx.writeFileSync('data/runs/a', ''); w('data/runs/b', ''); await rm('data/run_attachments');", errors: errors(3) },
    { filename: api, code: "import fs from 'fs'; import { listed } from '@luthier/shared-paths/src/fns.js'; fs.rmSync(listed());", errors: errors(1) },
    // an exported binding its module writes again (a live binding), and an exported literal its module changes
    { filename: api, code: "import fs from 'fs'; import { DIR, CFG, INNER } from '@luthier/shared-paths/src/live.js'; fs.writeFileSync(DIR + '/x', ''); fs.writeFileSync(CFG.dir + '/y', ''); fs.writeFileSync(INNER + '/z', '');", errors: errors(3) },
  ],
});

test('every workspace file read for imported constants is recorded as a dependency of the checked file', () => {
  // cwd: the fixture root, or ESLint finds no config for files outside the current directory
  const linter = new Linter({ configType: 'flat', cwd: root });
  takeDependencies(api); // forget what the RuleTester cases above recorded for the same file name
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as unknown as Linter.Parser },
      plugins: { boundaries: { rules: { 'write-paths': asEslintRule(writePathsRule) } } },
      rules: { 'boundaries/write-paths': 'error' },
      settings: { boundaries: { root, policy: POLICY } },
    },
  ];
  const messages = linter.verify("import fs from 'fs'; import { RUNS_DIR } from '@luthier/shared-paths/src/layout.js'; fs.writeFileSync(RUNS_DIR + '/x', '');", config, { filename: api });
  assert.deepEqual(messages.map((m) => m.ruleId), ['boundaries/write-paths'], JSON.stringify(messages));
  const deps = takeDependencies(api);
  assert.ok(deps.includes(`${root}/libs/shared/paths/src/layout.ts`), deps.join('\n'));
  assert.ok(deps.includes(`${root}/libs/shared/paths/src/dirs.ts`), deps.join('\n'));
  assert.deepEqual(takeDependencies(api), [], 'taking the dependencies forgets them');
  // a second file using the same wrapper records the files behind it too (nothing is served from a stale memo)
  const other = `${root}/apps/api/src/y.ts`;
  for (const file of [api, other]) {
    const found = linter.verify("import { saveAll } from '@luthier/shared-paths/src/io.js'; saveAll('data/runs');", config, { filename: file });
    assert.deepEqual(found.map((m) => m.ruleId), ['boundaries/write-paths'], JSON.stringify(found));
    const recorded = takeDependencies(file);
    assert.ok(recorded.includes(`${root}/libs/shared/paths/src/io.ts`), `${file}: ${recorded.join(', ')}`);
  }
});

// fs handed over where the analysis cannot see it (a parameter called from another file, a field, an injected
// record): a member named like an fs write may be fs, so what it writes is checked; a workspace method is followed
const handedRoot = makeWorkspace({
  'libs/shared/paths/src/store.ts': "import fs from 'node:fs';\nexport class Sandbox { writeFile(name: string) { fs.writeFileSync('data/sandbox/' + name, ''); } }\n",
});
const handedShared = `${handedRoot}/libs/shared/paths/src/save.ts`;
const handedApi = `${handedRoot}/apps/api/src/x.ts`;
boundaryTester(handedRoot).run('boundaries/write-paths (fs handed over unseen)', asEslintRule(writePathsRule), {
  valid: [
    { filename: handedShared, code: "export const ok = (io: any) => io.writeFileSync('data/sandbox/x', ''); export const r = (io: any) => io.readFileSync('data/runs/x');" },
    { filename: handedApi, code: "import { Sandbox } from '@luthier/shared-paths/src/store.js'; new Sandbox().writeFile('runs.json'); export const g = (s: Sandbox) => s.writeFile('x');" },
    { filename: handedApi, code: "export const g = (router: any) => router.link('/runs'); export const h = (s: any) => s.writeFile('report.json'); export const m = (o: any) => o.mkdir('data');" },
  ],
  invalid: [
    { filename: handedShared, code: "export function save(io: any) { io.writeFileSync('data/runs/x.json', ''); }", errors: errors(1) },
    { filename: handedShared, code: "export class Store { constructor(private io: any) {} put() { this.io.appendFileSync('data/run_attachments/a', ''); } }", errors: errors(1) },
    { filename: handedShared, code: "export const put = (deps: { fs: any }, id: string) => deps.fs.promises.rm(`data/runs/${id}`);", errors: errors(1) },
    { filename: handedShared, code: "export const wipe = (io: any) => io.rmSync(process.env.RMOS_DATA_DIR ?? 'data', { recursive: true });", errors: errors(1) },
  ],
});
