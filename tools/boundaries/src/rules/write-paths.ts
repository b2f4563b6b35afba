import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { forEachChild, unwrap, type Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import { fold, describe, isConstant, urlPathParts } from '../analysis/fold.js';
import { callShape, derefNode, emitCallsFor, LISTENER_METHODS, memberKey, originOf, propertyOf } from '../analysis/origin.js';
import type { Sym } from '../analysis/fold.js';
import { calledFunction, fileSystemReach, fsCallTargets, optionValues, sqlFileTargets, sqlText, writeTargets, writtenParams } from './fs-writes.js';
import { SQL_RUNNERS, sqlFileNames, sqlLoadsExtension, sqlWrites, writesAny } from '../analysis/sql.js';
import { complianceRef, fileContext } from './context.js';
import { envFor, MESSAGES, reporter, zoneTag } from './report.js';
import { classifyTarget, climbsAboveStart, GLOB_WHY, holdsDataRoot, isAbsolute, namesDataRoot, relativeTo, shellCommands, wordPaths, type ShellVars } from './target-path.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldPath } from '../analysis/own-path.js';
import { ANY_INLINE, commandArgs, commandDir, PACKAGE_MANAGERS, readPackageScripts, readScriptFile, shellScriptOperand, SOURCE_EXT, commandLines, commandOptions, execArgvElements, INTERPRETERS, NODE_LIKE, nodeOptionsEnd, nodeOptionWords, nodePreloads, nodeScript, optionParts, READ_ONLY_PROGRAMS, simpleCommand, UNREAD_ARGV, unreadableExecArgv, type CommandOptions } from './node-command.js';
import { foldSingle, unknownPart } from '../analysis/fold.js';
import { recordDependency } from '../workspace/dependency-log.js';

const RULE = 'boundaries/write-paths';
/** process members that hand out native code: internal bindings (fs's own natives) and addons */
const NATIVE_ACCESS = new Set(['process.binding', 'process._linkedBinding', 'process.dlopen']);
/** timers that call the function they are given with their arguments after this position */
const TIMER_ARGS: Record<string, number> = { setTimeout: 2, setInterval: 2, setImmediate: 1, 'process.nextTick': 1 };
/** array methods that call their callback with each element first */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/**
 * Programs with no option that writes a file: run by a constant name, without a shell (or on a plain line with no
 * shell syntax), without an environment of their own (a PATH there could name another program), their words are
 * read only. (find, sort, tee, file, sed, awk… write files and are not here.)
 */
/**
 * Programs that change files throughout their working directory when no folder is named: git clean, git stash
 * with untracked or ignored files, git apply / am and patch (the files a patch names), tar / cpio extracting and
 * unzip (the files an archive holds), find without a start folder and with an action that changes files.
 */
function treeWideProgram(name: string, words: string[]): boolean {
  const has = (...w: string[]) => words.some((t) => w.includes(t));
  if (name === 'git') {
    const sub = words.find((t, i) => !t.startsWith('-') && !['-C', '-c', '--git-dir', '--work-tree'].includes(words[i - 1] ?? ''));
    if (sub === 'clean' || sub === 'am') return true;
    if (sub === 'apply') return !has('--check', '--stat', '--numstat', '--summary');
    if (sub === 'stash') return words.some((t) => /^(?:-[a-zA-Z]*[au][a-zA-Z]*|--all|--include-untracked)$/.test(t));
    return false;
  }
  if (['tar', 'bsdtar', 'gtar'].includes(name)) {
    const extracts = /^-?[A-Za-wyz]*x/.test(words[0] ?? '') || words.some((t) => /^-[A-Za-z]*x[A-Za-z]*$/.test(t)) || has('--extract', '--get');
    return extracts && !words.some((t) => t === '-C' || t.startsWith('--directory') || /^-[A-Za-z]*C/.test(t));
  }
  if (name === 'unzip') return !words.some((t) => /^-[A-Za-z]*[dltvZ]/.test(t));
  if (name === 'cpio') return words.some((t) => /^-[A-Za-z]*i/.test(t) || t === '--extract');
  if (name === 'patch') return !has('--dry-run', '-d', '--directory');
  if (name === 'find') {
    const startsAt = words.length === 0 || /^[-(!]/.test(words[0]!);
    return startsAt && words.some((t) => /^-(?:delete|exec|execdir|ok|okdir|fprint0?|fprintf|fls)$/.test(t));
  }
  return false;
}



/**
 * Whether a shell's words (after its name) leave it reading its commands from its input: -s, or no script operand
 * (-o / +o and bash's --rcfile / --init-file take a value). A word that cannot be read may be -s (fail closed).
 */
function shellReadsInput(rest: Sym[]): boolean {
  for (let i = 0; i < rest.length; i++) {
    if (!rest[i]!.every((p) => typeof p === 'string')) return true;
    const t = describe(rest[i]!);
    if (t === '-') return true;
    if (t === '--') return i + 1 >= rest.length || describe(rest[i + 1]!) === '-' || !rest[i + 1]!.every((p) => typeof p === 'string');
    if (/^[-+][a-zA-Z]*s/.test(t) && !t.startsWith('--')) return true;
    if (/^[-+]o$/.test(t) || t === '--rcfile' || t === '--init-file') i++;
    else if (!/^[-+]/.test(t)) return false;
  }
  return true;
}


/** settings that name where Node writes its diagnostic reports */
const REPORT_PATHS = new Set(['process.report.directory', 'process.report.filename']);

export const writePathsRule: TSESLint.RuleModule<'violation', []> = {
  meta: {
    type: 'problem',
    docs: { description: 'Only the writer the policy names writes under runs/ and run_attachments/ of the data root' },
    messages: MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const fc = fileContext(context);
    if (fc.isWaived(RULE)) return {};
    const { policy } = fc;
    // a writer is the project the policy's name reaches (a name two projects claim reaches none)
    const isWriter = (project: typeof fc.project, entry: (typeof policy.protectedPaths)[number]) => !!project && entry.writers.some((w) => fc.ws.projectByName(w) === project);
    const guarded = policy.protectedPaths.filter((p) => !isWriter(fc.project, p));
    if (guarded.length === 0) return {};
    const names = guarded.map((p) => p.pattern.replace(/\/\*\*$/, ''));
    const sqlGuarded = guarded.filter((p) => p.sqlNames);
    const env = envFor(context, fc);
    const report = reporter(context);
    const ref = complianceRef(policy, RULE);
    const from = zoneTag(fc.zone);

    function writerZones(entry: (typeof guarded)[number]): string {
      const zones = new Set(entry.writers.map((w) => fc.ws.projectByName(w)?.zone).filter(Boolean));
      return `${from} -> ${[...zones].map((z) => `zone:${z}`).join(', ') || 'none'} (${entry.writers.join(', ')})`;
    }

    /** A write (`what`) that lands under the protected folder `name` of the data root. */
    function reportProtected(at: Node, name: string, what: string) {
      const entry = guarded[names.indexOf(name)]!;
      report(at, {
        rule: RULE,
        zones: writerZones(entry),
        securityRef: ref,
        allowedWay: entry.allowedWay,
        what: `${what}, under ${name}/ of the data root, which only ${entry.writers.join(', ')} may write: ${entry.reason}`,
      });
    }

    /** constant paths this file writes (resolved against the workspace root), and whether it writes any file at all */
    const writtenPaths = new Set<string>();
    let writesFiles = false;

    /**
     * Where relative paths may start, after the process.chdir calls of the file that cannot be shown to leave the data
     * root alone (a constant absolute path with no folder named like the data root), or null where there is none: the
     * start and that folder, where the file has one chdir and it folds to constants; else a folder that cannot be read.
     */
    let cwdsMemo: Sym[] | null | undefined;
    const UNKNOWN_CWD: Sym = [unknownPart('the working directory after a process.chdir')];
    function movedCwds(): Sym[] | null {
      if (cwdsMemo !== undefined) return cwdsMemo;
      const calls: Sym[][] = [];
      let unsafe = false;
      const visit = (n: Node) => {
        if (n.type === 'CallExpression') {
          const c = callShape(n, env);
          const co = originOf(c.callee, env);
          if (co.kind === 'global' && co.path.join('.') === 'process.chdir') {
            const alts = c.args[0] ? fold(c.args[0], env) : [[unknownPart('no directory')]];
            calls.push(alts);
            if (!alts.every((a) => isConstant(a) && isAbsolute(a) && !namesDataRoot(policy, a))) unsafe = true;
          }
        }
        forEachChild(n, visit);
      };
      visit(context.sourceCode.ast as Node);
      // (constant folders: the start and each absolute one, and the one relative folder from each of them; more relative ones compose without end)
      const alts = calls.flat();
      const relative = calls.filter((c) => c.some((a) => !isAbsolute(a)));
      const absolute = alts.filter(isAbsolute);
      const bases: Sym[] = [[], ...absolute];
      cwdsMemo = !unsafe ? null : alts.length <= 8 && alts.every(isConstant) && relative.length <= 1 ? [...bases, ...alts.filter((a) => !isAbsolute(a)).flatMap((r) => bases.map((b) => (b.length ? [...b, '/', ...r] : r)))] : [UNKNOWN_CWD];
      return cwdsMemo;
    }
    /** after a chdir to a folder the check cannot read */
    const moved = () => movedCwds()?.includes(UNKNOWN_CWD) === true;

    function checkTarget(report_at: Node, target: Node, targetEnv: Env, op: string, destroysRoot: boolean, paths?: Sym[], definite = false, destroysTree = false): boolean {
      const o = paths ? null : originOf(target, targetEnv);
      if (o?.kind === 'handle') return definite ? false : checkTarget(report_at, o.target, o.env, op, destroysRoot);
      // a file URL whose path is set after it is made: each path it is given is written too
      if (!paths) for (const part of urlPathParts(target, targetEnv)) checkTarget(report_at, part, targetEnv, `${op} (through a path set on the URL object)`, destroysRoot, undefined, definite);
      const isMoved = moved();
      const cwds = movedCwds() ?? undefined;
      for (const alt of paths ?? fold(target, targetEnv)) {
        writesFiles = true;
        if (alt.every((p) => typeof p === 'string')) writtenPaths.add(path.resolve(fc.ws.root, alt.join('')));
        // an .npmrc (of any folder): its node-options is the NODE_OPTIONS of every node an npm script starts later
        const last = alt.at(-1);
        if (typeof last === 'string' && /(^|[/\\])\.npmrc$/i.test(last.replace(/[/\\]+$/, '')) && (alt.length === 1 || /[/\\]/.test(last))) {
          reportCommand(report_at, `${op} writes "${describe(alt)}", an npm config file: its node-options may preload any module into every node process a package script starts, later and in any program`, 'keep .npmrc a committed file; pass options on the command line of the program you start');
          return true;
        }
        if (isMoved && !definite && climbsAboveStart(alt)) {
          const entry = guarded[0]!;
          report(report_at, {
            rule: RULE,
            zones: writerZones(entry),
            securityRef: ref,
            allowedWay: `write to an absolute path, or chdir only to a constant absolute folder outside the data root; ${entry.allowedWay}`,
            what: `${op} writes "${describe(alt)}", which climbs above the working directory, after a process.chdir in this file that cannot be shown to stay outside the data root: from a folder of the data root (data/sandbox) it reaches ${names.map((n) => n + '/').join(' and ')} (fail closed)`,
          });
          return true;
        }
        const verdict = classifyTarget(policy, alt, names, { cwds });
        if (!verdict && destroysTree && !definite) {
          const holds = holdsDataRoot(alt, fc.ws.root);
          if (holds) return reportTree(report_at, op, alt, holds), true;
        }
        if (!verdict) continue;
        const shown = describe(alt);
        if (verdict.kind === 'protected') return reportProtected(report_at, verdict.name, `${op} writes "${shown}"`), true;
        if (definite) continue;
        if (verdict.kind === 'unprovable') {
          const entry = guarded[names.indexOf(verdict.candidates[0]!)]!;
          report(report_at, {
            rule: RULE,
            zones: writerZones(entry),
            securityRef: ref,
            allowedWay: verdict.advice ? `${verdict.advice}; ${entry.allowedWay}` : verdict.why ? `write to the file by its own path; ${entry.allowedWay}` : `name the folder under the data root with a constant; ${entry.allowedWay}`,
            what: `${op} writes "${shown}": ${verdict.why ?? 'its first segment under the data root cannot be folded (or is a glob or variable)'}, so it cannot be proved to be outside ${verdict.candidates.map((c) => c + '/').join(' and ')} (fail closed)`,
          });
          return true;
        }
        if (verdict.kind === 'dataRoot' && destroysRoot) {
          const entry = guarded[0]!;
          report(report_at, {
            rule: RULE,
            zones: writerZones(entry),
            securityRef: ref,
            allowedWay: entry.allowedWay,
            what: `${op} changes the data root "${shown}" itself, and with it ${names.map((n) => n + '/').join(' and ')}`,
          });
          return true;
        }
      }
      return false;
    }

    /** A whole tree removed, moved away or copied into at a folder that holds the data root (the working directory, `..`, `/`). */
    function reportTree(at: Node, op: string, alt: Sym, why: string) {
      const entry = guarded[0]!;
      report(at, {
        rule: RULE,
        zones: writerZones(entry),
        securityRef: ref,
        allowedWay: `name the folder itself (data/sandbox/x, a mkdtemp folder), never one that holds the data root; ${entry.allowedWay}`,
        what: `${op} changes the whole tree at "${describe(alt)}", ${why}: ${names.map((n) => n + '/').join(' and ')} with it`,
      });
    }

    function underDataRoot(arg: Node): boolean {
      return fold(arg, env).some((alt) => classifyTarget(policy, alt, names) !== null);
    }


    /** scripts run (fork, Worker, node <file>): checked when the whole file is read, against the paths it writes */
    const pendingScripts: { node: Node; label: string; file: string | null; why?: string; mode?: 'script' | 'shell' | 'program' | 'envfile' | 'config' | 'data' }[] = [];

    /**
     * A script path node, fork()'s or a Worker's: a URL or path made from the module's own place (new URL('./w.js',
     * import.meta.url), path.join(__dirname, 'w.js')) is resolved against this file's folder; any other is folded.
     */
    function checkScript(node: Node, script: Node, scriptEnv: Env, label: string, cwd: Sym[] | null) {
      for (const alt of foldPath(script, scriptEnv).slice(0, 8)) if (checkScriptSym(node, alt, label, cwd)) return;
    }


    /** A folded script path: a constant one is resolved (against the cwd option, else the workspace root); one that cannot be folded is refused if the file writes files. */
    function checkScriptSym(node: Node, sym: Sym, label: string, cwd: Sym[] | null): boolean {
      if (!sym.every((p) => typeof p === 'string')) return void addScript(node, label, null), false;
      let text = sym.join('');
      if (/^(data|https?|blob|node):/i.test(text)) return reportCommand(node, `${label} runs "${text.slice(0, 60)}", code that is no file of the workspace`, 'run a workspace source file'), true;
      if (/^file:/i.test(text)) {
        try {
          text = fileURLToPath(text);
        } catch {
          return void addScript(node, label, null), false;
        }
      }
      const dir = cwd && cwd.length === 1 && cwd[0]!.every((p) => typeof p === 'string') ? path.resolve(fc.ws.root, cwd[0]!.join('')) : fc.ws.root;
      addScript(node, label, path.resolve(dir, text));
      return false;
    }

    function addScript(node: Node, label: string, file: string | null, mode: 'script' | 'shell' = 'script') {
      pendingScripts.push({ node, label, file, mode });
    }

    /**
     * At the end of the file: a script must be a source file of the workspace (or of an installed package) that
     * exists at check time, outside the data root, and that this file does not write; one whose path cannot be folded is refused
     * in a file that writes files (it may be one of them).
     */
    function checkScripts() {
      for (const s of pendingScripts) {
        let why: string | null = null;
        if (s.file === null) why = writesFiles ? 'a script whose path cannot be folded, in a file that writes files (the script may be one of them)' : null;
        else {
          recordDependency(env.recordFor, s.file);
          const rel = path.relative(fc.ws.root, s.file).split(path.sep).join('/');
          const exists = (() => {
            try {
              return statSync(s.file).isFile();
            } catch {
              return false;
            }
          })();
          if (s.mode === 'program') why = writtenPaths.has(s.file) ? `"${s.file}", a program this file writes` : null;
          else if (s.mode === 'data') why = writtenPaths.has(s.file) ? `"${rel}", a file this file writes (the check read what it holds now)` : null;
          else if (s.mode === 'config') why = writtenPaths.has(s.file) ? `"${rel}", a package.json this file writes (its scripts may run anything)` : null;
          else if (s.mode === 'envfile') why = writtenPaths.has(s.file) ? `"${rel}", an env file this file writes (its NODE_OPTIONS may preload anything)` : null;
          else if (rel.startsWith('..') || path.isAbsolute(rel)) why = `"${s.file}", a script outside the workspace`;
          else if (namesDataRoot(policy, [rel])) why = `"${rel}", a script in the data root, not a workspace source file`;
          // an installed package's script (node_modules/husky/bin.js) is as trusted as the package loaded by name (--import tsx)
          else if (!exists || (s.mode !== 'shell' && !SOURCE_EXT.test(rel) && !rel.startsWith('node_modules/'))) why = `"${rel}", which is no workspace source file at check time`;
          else if (writtenPaths.has(s.file)) why = `"${rel}", a script this file writes`;
        }
        if (why) reportCommand(s.node, `${s.label} runs ${why}, whose code the check has not read`, `run a committed workspace source file by a constant path (fork / new Worker(new URL('./w.js', ${'import.meta'}.url)))`);
      }
    }

    function reportCommand(node: Node, what: string, allowed: string) {
      const entry = guarded[0]!;
      report(node, {
        rule: RULE,
        zones: writerZones(entry),
        securityRef: ref,
        allowedWay: `${allowed}; ${entry.allowedWay}`,
        what: `${what}, so what it writes cannot be proved to stay outside ${names.map((n) => n + '/').join(' and ')} (fail closed)`,
      });
    }

    /**
     * Paths named in a shell command or a program's arguments: any of them may be written by it. A program
     * run on the data root itself (rm -rf data, cd data && …) may change runs/ too, and so may one whose working
     * directory is in the data root; words are paths relative to the command's cwd option. $RMOS_DATA_DIR in a command
     * is the data root. Code run inline by an interpreter (node -e, sh -c "…", python -c) and scripts that are not
     * workspace source files cannot be followed (fail closed).
     */
    /**
     * The NODE_OPTIONS values that node's --env-file / --env-file-if-exists options load (node reads NODE_OPTIONS from
     * the file and preloads what it names): a constant path to a file of the workspace is read (and recorded as a
     * dependency); a path that cannot be folded, a file outside the workspace or in the data root, or one this file
     * writes, may hold any NODE_OPTIONS (null).
     */
    function envFileNodeOptions(node: Node, words: Sym[], label: string, cwd: Sym[] | null): Array<Sym | null> {
      const out: Array<Sym | null> = [];
      for (let i = 0; i < words.length; i++) {
        const [flag, inline] = optionParts(words[i]!);
        if (flag !== '--env-file' && flag !== '--env-file-if-exists') continue;
        const value = inline ?? words[++i];
        if (!value || !isConstant(value)) {
          out.push(null);
          continue;
        }
        const dir = cwd && cwd.length === 1 && isConstant(cwd[0]!) ? path.resolve(fc.ws.root, cwd[0]!.join('')) : cwd ? null : fc.ws.root;
        const file = dir === null ? null : path.resolve(dir, value.join(''));
        const rel = file ? path.relative(fc.ws.root, file).split(path.sep).join('/') : '..';
        if (!file || rel.startsWith('..') || path.isAbsolute(rel) || namesDataRoot(policy, [rel])) {
          out.push(null);
          continue;
        }
        recordDependency(env.recordFor, file);
        pendingScripts.push({ node, label: `${label} (an --env-file it loads)`, file, mode: 'envfile' });
        let text = '';
        try {
          text = readFileSync(file, 'utf8');
        } catch {
          continue; // (no such file: node refuses to start, or --env-file-if-exists loads nothing)
        }
        for (const line of text.split(/\r?\n/)) {
          const m = /^\s*(?:export\s+)?NODE_OPTIONS\s*=\s*(.*)$/.exec(line);
          if (m) out.push([m[1]!.trim().replace(/^(["'`])(.*)\1$/s, '$2')]);
        }
      }
      return out;
    }

    /**
     * A node process's execArgv (fork's, a Worker's): an element whose option cannot be read may be --require,
     * --import or --eval (fail closed); inline code is refused; the modules it preloads are scripts it runs. true: reported.
     */
    function checkExecArgv(node: Node, argv: Sym[][], label: string, cwd: Sym[] | null): boolean {
      const unread = unreadableExecArgv(argv);
      if (unread) return reportCommand(node, `${label} is given an execArgv element the check cannot read (${unread}): it may preload any module (--require, --import) or run code given as text (--eval)`, 'give execArgv as an array of constant options (or inherit process.execArgv)'), true;
      const flat = argv.flat();
      for (const a of flat) if (INTERPRETERS.node!.test(describe(a))) return reportCommand(node, `${label} with execArgv "${describe(a)}" runs code given as text`, 'put the code in a workspace source file and run that'), true;
      for (const s of nodePreloads(flat)) if (checkScriptSym(node, s, `${label} (a module its execArgv preloads)`, cwd)) return true;
      return checkNodeOptions(node, envFileNodeOptions(node, flat, label, cwd), `${label} (an --env-file its execArgv loads)`, cwd);
    }

    /** NODE_OPTIONS values given to a program (null: one that cannot be read): the modules they preload must be scripts the check reads. true: reported. */
    function checkNodeOptions(node: Node, values: Array<Sym | null>, label: string, cwd: Sym[] | null): boolean {
      for (const value of values) {
        if (value === null || nodeOptionWords(value).some((w) => w.some((p) => typeof p !== 'string') && nodePreloads(w.length ? [w] : []).length === 0 && !describe(w).startsWith('-'))) {
          reportCommand(node, `${label} sets NODE_OPTIONS to a value the check cannot read: it may preload any module (--require, --import) into every node process the program starts`, 'set NODE_OPTIONS to constant text, preloading only workspace source files');
          return true;
        }
        for (const s of nodePreloads(nodeOptionWords(value))) if (checkScriptSym(node, s, `${label} (a module NODE_OPTIONS preloads)`, cwd)) return true;
      }
      return false;
    }

    function checkCommand(node: TSESTree.CallExpression | TSESTree.NewExpression, fn: string, args: Node[]) {
      const base = fn.replace(/Sync$/, '').replace(/^promises\./, '');
      const isFork = base === 'fork';
      const { program, argList, opts } = commandArgs(fn, args, env);
      if (!program) return;
      const o = commandOptions(opts, env, policy.dataRoot.env);
      for (const c of o.cwd ?? []) if (checkTarget(node, opts!, env, `child_process.${fn} (a program run in it)`, true, [c])) return;
      // modules a node process preloads (fork's execArgv, NODE_OPTIONS in the env option: every node the program
      // starts, npm and npx included, reads it) are scripts it runs
      if (isFork && checkExecArgv(node, o.argvElements, 'child_process.fork()', o.cwd)) return;
      if (checkNodeOptions(node, [...(o.vars.set.has('NODE_OPTIONS') ? [o.vars.set.get('NODE_OPTIONS') ?? null] : []), ...o.unnamed], `child_process.${fn}`, o.cwd)) return;
      const { commands } = commandLines(fn, program, argList, o, env);
      if (isFork) checkScript(node, program, env, `child_process.fork()`, o.cwd);
      for (const c of commands) if (checkWords(node, fn, c.words, o, c.viaShell, c.plain && !o.hasEnv, 0, c.stdin)) return;
    }

    /**
     * A file a command runs whose code is not in the source: a shell's script operand (sh x.sh, source x.sh), or a
     * program named by a path (./deploy.sh, scripts/x). One that folds to a file of the workspace that exists (outside
     * the data root and node_modules, not written by this file) is read: a shell script (a .sh name or a sh-family
     * #! line) as its command lines, a node script (a node #! line or a source file) as node's scripts are; any other
     * file, or a path that cannot be folded or leaves the workspace, may write anywhere (fail closed). true: reported.
     */
    function checkScriptFile(node: Node, fn: string, word: Sym, label: string, o: CommandOptions, depth: number, asShell: boolean): boolean {
      const refuse = (why: string) => (reportCommand(node, `${label} runs ${why}, whose code the check has not read`, 'run a committed shell script of the workspace by a constant path, or run the commands themselves with execFile'), true);
      const read = readScriptFile(word, commandDir(o, fc.ws.root), { root: fc.ws.root, inDataRoot: (rel) => namesDataRoot(policy, [rel]), recordFor: env.recordFor }, asShell);
      if ('refuse' in read) return refuse(read.refuse);
      if (read.kind === 'installed') return false;
      if (read.kind === 'program') return void pendingScripts.push({ node, label, file: read.file, mode: 'program' }), false;
      // (a script this file writes is not the one read here: checked when the whole file is read)
      // (a node script must be a source file the check reads, as node's scripts are)
      addScript(node, label, read.file, read.kind === 'node' ? 'script' : 'shell');
      if (read.kind === 'node') return false;
      if (depth > 2) return refuse(`"${read.rel}", a shell script run from a script nested too deep`);
      for (const c of shellCommands([read.text], o.vars)) if (checkWords(node, `${fn} (through ${read.rel})`, c, o, true, false, depth + 1)) return true;
      return false;
    }

    /**
     * A package manager running a script of a package.json (npm run x, npm test, npm start, pnpm / yarn / bun run x,
     * yarn x): the script is a command line the source does not hold. The package.json of the folder it runs in (the
     * cwd option, or --prefix / -C / --dir / --cwd / -w with a constant folder) is read, and the script, with its pre and
     * post scripts and the words given after its name, is judged as a command line (three levels deep). A folder that
     * cannot be read, every workspace at once (--workspaces, -r, --filter), or a package.json this file writes may run
     * anything (fail closed); a script the package.json does not have runs nothing. true: reported.
     */
    function checkPackageScript(node: Node, fn: string, name: string, rest: Sym[], label: string, o: CommandOptions, depth: number): boolean {
      const refuse = (why: string) => (reportCommand(node, `${label} runs ${why}, whose command lines the check has not read`, 'run the program itself, with constant words, or a package script of a constant folder'), true);
      const read = readPackageScripts(name, rest, commandDir(o, fc.ws.root), { root: fc.ws.root, recordFor: env.recordFor }, o.vars);
      if (read === null) return false;
      if ('refuse' in read) return refuse(read.refuse);
      pendingScripts.push({ node, label, file: read.file, mode: 'config' });
      if (checkNodeOptions(node, read.nodeOptions, `${label} (the node-options npm hands its scripts)`, o.cwd)) return true;
      for (const { key, text } of read.lines) {
        if (depth > 2) return refuse(`the package script "${key}" nested too deep`);
        for (const c of shellCommands(text, o.vars)) if (checkWords(node, `${fn} (through the script "${key}" of ${read.rel})`, c, o, true, false, depth + 1)) return true;
      }
      return false;
    }

    /** One simple command: interpreters on inline code, scripts run, and every word as a path the program may write. true: reported. */
    /** A command line the check can read: its known text, globs and the data root; not a shell variable or a part the fold cannot read. */
    const readableLine = (text: Sym) => !text.some((p) => typeof p !== 'string' && !(p.kind === 'unknown' && p.why === GLOB_WHY) && p.kind !== 'dataRoot');

    /**
     * One simple command: interpreters on inline code, scripts run, and every word as a path the program may write. true: reported.
     * stdin: the texts the command reads on its input (alternatives), null where that cannot be told.
     */
    function checkWords(node: Node, fn: string, words: Sym[], o: CommandOptions, viaShell: boolean, plain: boolean, depth: number, stdin: Sym[] | null = null): boolean {
      const simple = simpleCommand(words);
      if (!simple) return false;
      const { progWord, prefixed, name, rest } = simple;
      const wrapped = simple.at > 0;
      if (checkNodeOptions(node, prefixed, `child_process.${fn}`, o.cwd)) return true;
      const known = progWord.every((p) => typeof p === 'string');
      const texts = rest.map((w) => describe(w));
      const label = `child_process.${fn} ("${words.map(describe).join(' ').slice(0, 100)}")`;
      // an interpreter given code as text, or a program the check cannot name given an inline-code flag
      const inline = INTERPRETERS[name];
      if (inline && name !== 'sh') {
        // (node's options end at its script: node tool.js -p x hands -p to the script)
        const own = NODE_LIKE.has(name) ? texts.slice(0, nodeOptionsEnd(rest)) : texts;
        const k = own.findIndex((t) => inline.test(t));
        if (k >= 0) return reportCommand(node, `${label} runs ${name} on code given as text (${texts[k]}), which the check cannot read`, 'put the code in a workspace source file and run that, or do the work in this file with calls the check can follow'), true;
      }
      if (!known && texts.some((t) => ANY_INLINE.test(t))) return reportCommand(node, `${label} runs a program the check cannot name with an inline-code flag: it may be node -e or sh -c`, 'name the program with a constant and put the code in a workspace source file'), true;
      if (name === 'sh') {
        const k = texts.findIndex((t) => INTERPRETERS.sh!.test(t));
        if (k >= 0) {
          const text = rest[k + 1];
          // sh -c "…": the text is a command line too; one the check cannot read, or nested too deep, is refused
          if (!text || depth > 2 || !readableLine(text))
            return reportCommand(node, `${label} runs a shell on a command line the check cannot read`, 'give the command line as a constant, or run the program with execFile and an argument array'), true;
          for (const c of shellCommands(text, o.vars)) if (checkWords(node, fn, c, o, true, false, depth + 1)) return true;
          return false;
        }
        // a shell running a script file (sh deploy.sh, bash ./x.sh; a word that cannot be read may be one): the file is read as its command lines, or refused
        const script = shellScriptOperand(rest);
        if (script && checkScriptFile(node, fn, script, label, o, depth, true)) return true;
        // a shell with no command line and no script file (sh, bash -s) runs what it reads on its input: the input
        // option's text is read as its command line; input the check cannot read (a stream, a pipe, stdio) is refused
        if (shellReadsInput(rest)) {
          const why = stdin === null ? 'its input, which the check cannot read (a stream written later, a pipe or redirection, the parent\'s input)' : !stdin.every(readableLine) || depth > 2 ? 'an input option the check cannot read' : null;
          if (why) return reportCommand(node, `${label} runs a shell on the commands it reads from ${why}`, 'give the command line to sh -c as a constant, or run the program with execFile and an argument array'), true;
          for (const text of stdin!) for (const c of shellCommands(text, o.vars)) if (checkWords(node, fn, c, o, true, false, depth + 1)) return true;
          return false;
        }
      }
      // a shell running a script file (sh deploy.sh, bash ./x.sh, source x.sh): the file is read as its command lines, or refused
      if ((name === 'source' || name === '.') && rest.length && checkScriptFile(node, fn, rest[0]!, label, o, depth, true)) return true;
      // a program named by a path (./deploy.sh, scripts/release): a file whose code is not in the source
      if (known && name !== 'sh' && /[\/\\]/.test(describe(progWord)) && checkScriptFile(node, fn, progWord, label, o, depth, false)) return true;
      // the eval builtin runs its words, joined by spaces, as a command line: one the check cannot read is refused
      if (name === 'eval' && rest.length) {
        const text: Sym = rest.flatMap((w, k) => [...(k ? [' '] : []), ...w.map((p) => (typeof p !== 'string' && p.kind === 'unknown' && p.why === GLOB_WHY ? '*' : p))]);
        if (depth > 2 || !readableLine(text)) return reportCommand(node, `${label} runs eval on text the check cannot read`, 'run the command itself, with constant words'), true;
        for (const c of shellCommands(text, o.vars)) if (checkWords(node, fn, c, o, true, false, depth + 1)) return true;
        return false;
      }
      if (name === 'sqlite3' && texts.some((t) => !/^-(-?version|-?help)$/.test(t))) return reportCommand(node, `${label} runs SQL given as text or read from its input, which the check cannot follow`, 'open the database with better-sqlite3 or node:sqlite, whose SQL the check reads'), true;
      // node (and its kin) running a script: the script must be a workspace source file
      if (NODE_LIKE.has(name)) {
        // (node's own options, as fork's execArgv: one that cannot be read may be --require, --import or --eval)
        const unread = unreadableExecArgv(rest.slice(0, nodeOptionsEnd(rest)).map((w) => [w]));
        if (unread) return reportCommand(node, `${label} gives ${name} an option the check cannot read (${unread}): it may preload any module (--require, --import) or run code given as text (--eval)`, `give ${name} constant options before its script`), true;
        if (checkNodeOptions(node, envFileNodeOptions(node, rest.slice(0, nodeOptionsEnd(rest)), label, o.cwd), `${label} (an --env-file it loads)`, o.cwd)) return true;
        const script = nodeScript(rest);
        if (script === 'stdin') return reportCommand(node, `${label} runs ${name} with no script, so it reads its program from its input`, 'run a workspace source file'), true;
        for (const s of script) if (checkScriptSym(node, s, `${label}`, o.cwd)) return true;
      }
      // a package manager running a package.json script: the script's command lines are read
      if (PACKAGE_MANAGERS.has(name) && checkPackageScript(node, fn, name, rest, label, o, depth)) return true;
      // a program known to write nothing, run without a shell or on a plain line, without its own environment: its words are only read
      if (plain && !wrapped && known && READ_ONLY_PROGRAMS.has(describe(progWord)) && (!viaShell || words.length === rest.length + 1)) return false;
      // programs that change their whole working directory when given no path (git clean, tar -x, unzip, patch, find …): it is a word too
      const implicit: Sym[] = treeWideProgram(name, texts) ? [['.']] : [];
      for (const w of [...words, ...implicit]) {
        for (const piece of wordPaths(w)) {
          const dirs = o.cwd ?? [null];
          for (const dir of dirs) {
            const p = relativeTo(dir, piece);
            // a word naming a folder that holds the data root (., .., /): the program may change anything under it
            // (git changes only tracked files and its own folder, except in the subcommands treeWideProgram names)
            const holds = w !== progWord && (name !== 'git' || implicit.includes(w)) && !w.some((x) => typeof x !== 'string') ? holdsDataRoot(p, fc.ws.root) : null;
            if (holds && !(piece.length === 1 && typeof piece[0] === 'string' && piece[0].startsWith('-'))) return reportTree(node, `child_process.${fn} (a program given it)`, p, holds), true;
            if (!dir && moved() && climbsAboveStart(p)) {
              reportCommand(node, `${label} is given "${describe(p)}", a path above the working directory, after a process.chdir the check cannot place outside the data root`, 'give the program an absolute path, or a path under a constant cwd outside the data root');
              return true;
            }
            if (classifyTarget(policy, p, names, { cwds: movedCwds() ?? undefined }) && checkTarget(node, node, env, `child_process.${fn} (a program given it)`, true, [p])) return true;
          }
        }
      }
      return false;
    }

    /**
     * Functions handed to what calls them with arguments the source holds: a timer's extra arguments
     * (setTimeout(f, 0, p)), each element of a literal array (['data/x'].forEach(f)), what
     * Promise.resolve(p).then(f) resolves to.
     */
    function handedCalls(callee: Node, args: Node[], o: ReturnType<typeof originOf>, thisArg?: Node): { fn: Node; args: Node[]; host: string }[] {
      const name = o.kind === 'global' || o.kind === 'module' ? o.path.join('.') : '';
      const timer = (o.kind === 'global' || (o.kind === 'module' && o.module === 'timers')) && TIMER_ARGS[name] !== undefined;
      if (timer && args[0]) return [{ fn: args[0], args: args.slice(TIMER_ARGS[name]), host: name }];
      const c = unwrap(callee);
      if (c.type !== 'MemberExpression' || !args[0]) return [];
      const key = memberKey(c, env) ?? '';
      if (ELEMENT_CALLBACKS.has(key)) {
        // (new Set([...]).forEach(f): the Set's elements; Array.prototype.forEach.call(list, f): list's)
        const proto = originOf(c.object, env);
        const receiver = thisArg && proto.kind === 'global' && proto.path.join('.') === 'Array.prototype' ? thisArg : c.object;
        const made = derefNode(receiver, env);
        const so = made?.node.type === 'NewExpression' ? originOf(made.node.callee, made.env) : null;
        const inner = so?.kind === 'global' && so.path.join('.') === 'Set' && made!.node.type === 'NewExpression' && made!.node.arguments[0] && made!.node.arguments[0].type !== 'SpreadElement' ? made!.node.arguments[0] : null;
        const list = inner ? derefNode(inner, made!.env) : made;
        if (list?.node.type !== 'ArrayExpression') return [];
        return list.node.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== 'SpreadElement').map((e) => ({ fn: args[0]!, args: [e], host: `.${key}()` }));
      }
      // em.on('x', f): f is called with what each em.emit('x', …) of the file sends (an event that cannot be folded matches all)
      if (LISTENER_METHODS.has(key) && args[1]) {
        return emitCallsFor(args[0], c, env).map((call) => ({ fn: args[1]!, args: call.arguments.slice(1).filter((a) => a.type !== 'SpreadElement') as Node[], host: `.${key}()` }));
      }
      const promised = unwrap(c.object);
      if (key === 'then' && promised.type === 'CallExpression' && promised.arguments[0] && promised.arguments[0].type !== 'SpreadElement') {
        const po = originOf(promised.callee, env);
        if (po.kind === 'global' && po.path.join('.') === 'Promise.resolve') return [{ fn: args[0], args: [promised.arguments[0]], host: '.then()' }];
      }
      return [];
    }

    function reportNative(node: Node, how: string, what: string) {
      const entry = guarded[0]!;
      report(node, {
        rule: RULE,
        zones: writerZones(entry),
        securityRef: ref,
        allowedWay: `use node:fs, whose writes the check reads; ${entry.allowedWay}`,
        what: `${how} loads ${what}, whose file writes the check cannot follow, so they cannot be proved to stay outside ${names.map((n) => n + '/').join(' and ')} (fail closed)`,
      });
    }

    /**
     * SQL a runner is given as the text of a file: fs.readFileSync(p, 'utf8') / readFile (awaited), also through a
     * constant, where p folds (with the module's own place) to a file of the workspace outside the data root that
     * exists at check time (at most 512 KiB; recorded as a dependency, and refused where this file writes it). null:
     * not such a read (SQL whose text cannot be folded is not judged).
     */
    function sqlFromFile(at: Node, n0: Node, e: Env): { text: string; rel: string } | null {
      const d = derefNode(n0, e);
      let n = unwrap(d?.node ?? n0);
      const ne = d?.env ?? e;
      if (n.type === 'AwaitExpression') n = unwrap(n.argument);
      if (n.type !== 'CallExpression' || !n.arguments[0] || n.arguments[0].type === 'SpreadElement') return null;
      const o = originOf(n.callee, ne);
      if (!(o.kind === 'module' && o.module === 'fs' && /^readFile(Sync)?$/.test(o.path.at(-1) ?? ''))) return null;
      const alts = foldPath(n.arguments[0], ne);
      if (alts.length !== 1 || !isConstant(alts[0]!)) return null;
      let p = alts[0]!.join('');
      if (/^file:/i.test(p)) {
        try {
          p = fileURLToPath(p);
        } catch {
          return null;
        }
      }
      const file = path.resolve(fc.ws.root, p);
      const rel = path.relative(fc.ws.root, file).split(path.sep).join('/');
      if (rel.startsWith('..') || path.isAbsolute(rel) || namesDataRoot(policy, [rel])) return null;
      recordDependency(env.recordFor, file);
      try {
        if (statSync(file).size > 512 * 1024) return null;
        const text = readFileSync(file, 'utf8');
        pendingScripts.push({ node: at, label: 'SQL read from a file', file, mode: 'data' });
        return { text, rel };
      } catch {
        return null;
      }
    }

    /**
     * SQL run on any connection (by a method that runs SQL text, pg's { text } objects included, or a SQL tagged template) that changes a table
     * holding a protected path's data, or its triggers: the store's triggers refuse UPDATE and DELETE, but SQL
     * that drops or disables them, or writes the rows, goes around persistRunArtifact. A name in a write
     * position that the check cannot read is refused (fail closed); SQL text it cannot read at all is not SQL it can judge.
     */
    function checkSql(node: Node, runner: string, sql: { node: Node; env: Env }) {
      // SQL read from a file of the workspace (db.exec(readFileSync(new URL('./x.sql', import.meta.url), 'utf8'))) is that file's text
      const fromFile = sqlFromFile(node, sql.node, sql.env);
      if (fromFile) for (const file of sqlFileNames([fromFile.text])) if (checkTarget(node, node, env, `SQL run by ${runner} (read from ${fromFile.rel})`, false, [file])) return;
      for (const alt of fromFile ? [[fromFile.text]] : fold(sql.node, sql.env)) {
        if (sqlLoadsExtension(alt)) return reportNative(node, `SQL run by ${runner}`, 'native code (a SQLite extension with load_extension(), a PostgreSQL library with LOAD)');
        if (sqlGuarded.length === 0) continue;
        const { writes, everyTable } = sqlWrites(alt);
        const hit = everyTable
          ? { entry: sqlGuarded[0]!, what: `switches off the triggers of every table or rewrites the schema (${everyTable})` }
          : writes.flatMap((w) => {
              const entry = sqlGuarded.find((g) => writesAny(w, g.sqlNames!));
              const name = w.name === null ? 'a table the check cannot read' : w.role === 'table' ? `the table ${w.name}` : `${w.name}, a trigger, index or function of its tables`;
              return entry ? [{ entry, what: `changes ${name} ("${w.statement.slice(0, 80)}")` }] : [];
            })[0];
        if (!hit) continue;
        return report(node, {
          rule: RULE,
          zones: writerZones(hit.entry),
          securityRef: ref,
          allowedWay: hit.entry.allowedWay,
          what: `SQL run by ${runner} ${hit.what}, where the store keeps ${names[guarded.indexOf(hit.entry)]}/ of the data root: only ${hit.entry.writers.join(', ')} may write it: ${hit.entry.reason}`,
        });
      }
    }

    // a zone the policy keeps off the file system (its forbiddenModules list fs): calls outside fs that reach it are refused whatever their path
    const fsFreeEntry = policy.forbiddenModules.find((f) => f.zone === fc.zone && f.modules.some((m) => m.replace(/^node:/, '') === 'fs'));
    function reportFsFree(node: Node, what: string) {
      const entry = fsFreeEntry!;
      report(node, {
        rule: RULE,
        zones: `${from} (no file system)`,
        securityRef: ref,
        allowedWay: entry.allowedWay,
        what: `${what} reaches the file system without importing fs, and zone:${fc.zone} code may not reach it at all: ${entry.reason}`,
      });
    }

    function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression) {
      if (fsFreeEntry) {
        const reach = fileSystemReach(node, env);
        if (reach) reportFsFree(node, reach);
      }
      for (const w of writeTargets(node, env)) checkTarget(node, w.target, w.env, w.op, w.destroysRoot, w.paths, w.definite, w.destroysTree);
      const shape = callShape(node, env);
      const o = originOf(shape.callee, env);
      const methodKey = unwrap(shape.callee).type === 'MemberExpression' ? memberKey(unwrap(shape.callee) as TSESTree.MemberExpression, env) : null;
      if (methodKey && SQL_RUNNERS.has(methodKey) && shape.args[0]) checkSql(node, `.${methodKey}()`, sqlText(shape.args[0], env));
      // better-sqlite3's db.pragma('writable_schema = 1') runs PRAGMA and its text
      if (methodKey === 'pragma' && shape.args[0]) {
        const arg = shape.args[0];
        const prefixed = { type: 'BinaryExpression', operator: '+', left: { type: 'Literal', value: 'PRAGMA ', raw: "'PRAGMA '", range: arg.range, loc: arg.loc }, right: arg, range: arg.range, loc: arg.loc, parent: arg.parent } as unknown as Node;
        checkSql(node, '.pragma()', { node: prefixed, env });
      }
      for (const h of handedCalls(shape.callee, shape.args, o, shape.thisArg))
        for (const w of fsCallTargets(originOf(h.fn, env), h.args, env, ` (handed to ${h.host})`)) checkTarget(node, w.target, w.env, w.op, w.destroysRoot, undefined, false, w.destroysTree);
      // Object.assign(process.env, { NODE_OPTIONS }) / Reflect.set(process.env, 'NODE_OPTIONS', v): as process.env.NODE_OPTIONS = v
      if (o.kind === 'global' && (o.path.join('.') === 'Object.assign' || o.path.join('.') === 'Reflect.set') && shape.args[0]) {
        const target = originOf(shape.args[0], env);
        if (target.kind === 'global' && target.path.join('.') === 'process.env') {
          if (o.path[1] === 'set') {
            const key = shape.args[1] ? foldSingle(shape.args[1], env) : null;
            if ((key === null || key === 'NODE_OPTIONS') && shape.args[2]) checkEnvNodeOptions(node, shape.args[2], env);
          } else for (const src of shape.args.slice(1)) for (const v of envAssigned(src, env, 0)) checkEnvNodeOptions(node, v?.node ?? null, v?.env ?? env);
        }
      }
      // Node's native bindings and addons, and SQLite's extensions, write files by calls the check cannot follow (fail closed)
      if (o.kind === 'global' && NATIVE_ACCESS.has(o.path.join('.'))) reportNative(node, `${o.path.join('.')}()`, o.path[1] === 'dlopen' ? 'a native addon' : "Node's native bindings");
      if (methodKey === 'loadExtension') reportNative(node, '.loadExtension()', 'a SQLite extension (native code)');
      // after chdir into the data root, every relative write lands in it
      if (o.kind === 'global' && o.path.join('.') === 'process.chdir' && shape.args[0]) checkTarget(node, shape.args[0], env, 'process.chdir (relative writes after it land there)', true);
      if (o.kind === 'module' && o.module === 'child_process' && o.path.length) checkCommand(node, o.path.join('.'), shape.args);
      // a thread running a script file (new Worker(text, { eval: true }) is boundaries/forbidden-calls')
      if (node.type === 'NewExpression' && o.kind === 'module' && o.module === 'worker_threads' && o.path.at(-1) === 'Worker' && shape.args[0]) {
        const opts = optionValues(shape.args[1], env, ['eval']);
        if (!opts.values.length) checkScript(node, shape.args[0], env, 'new Worker()', null);
        // (its execArgv's --require / --import preload modules into the thread: scripts it runs too; options that cannot be read may hold any)
        const read = optionValues(shape.args[1], env, ['execArgv']);
        const argv = [...read.values.flatMap((v) => execArgvElements(v.node, v.env)), ...(read.opaque && !read.notObject ? [[[unknownPart(UNREAD_ARGV)]]] : [])];
        checkExecArgv(node, argv, 'new Worker()', null);
      }
      // a wrapper (same file or imported) that writes a path it is given: check what this call gives it.
      // Only calls passing a path under the data root are worth following into the callee (cheap first).
      if (node.type !== 'CallExpression' || !node.arguments.some((a) => a.type !== 'SpreadElement' && underDataRoot(a))) return;
      const called = calledFunction(node.callee, env);
      if (!called) return;
      const owner = fc.ws.projectOfFile(called.env.file);
      if (owner && guarded.every((p) => isWriter(owner, p))) return;
      const name = unwrap(node.callee).type === 'Identifier' ? (unwrap(node.callee) as TSESTree.Identifier).name : 'this function';
      for (const [i, op] of writtenParams(called.fn, called.env)) {
        const arg = node.arguments[i];
        if (arg && arg.type !== 'SpreadElement') checkTarget(node, arg, env, `${name}() (which passes it to ${op})`, false);
      }
    }

    /** process.report.directory = …: the folder every later report is written to */
    function checkAssignment(node: TSESTree.AssignmentExpression) {
      if (node.left.type !== 'MemberExpression') return;
      const o = originOf(node.left, env);
      // process.env.NODE_OPTIONS = …: every node process started after it (through any program) preloads what it names
      if (o.kind === 'global' && o.path.join('.') === 'process.env.NODE_OPTIONS') return void checkEnvNodeOptions(node, node.right, env);
      // process.env[k] = …: a key that cannot be folded may be NODE_OPTIONS
      const held = originOf(node.left.object, env);
      if (held.kind === 'global' && held.path.join('.') === 'process.env' && memberKey(node.left, env) === null) return void checkEnvNodeOptions(node, node.right, env, 'process.env[key] = … (a key the check cannot fold may be NODE_OPTIONS, which every node process started after it reads)');
      if (o.kind !== 'global' || !REPORT_PATHS.has(o.path.join('.'))) return;
      const setting = o.path.join('.');
      if (fsFreeEntry) return reportFsFree(node, `${setting} = … (where process.report.writeReport() writes)`);
      // reports, and relative names given to writeReport(file), land in the folder: inside the data root, runs/ is a name or a .. away
      const inRoot = setting === 'process.report.directory' && fold(node.right, env).find((alt) => namesDataRoot(policy, alt));
      if (inRoot) {
        const entry = guarded[0]!;
        return report(node, {
          rule: RULE,
          zones: writerZones(entry),
          securityRef: ref,
          allowedWay: `write diagnostic reports to a folder outside the data root (/var/log/…, os.tmpdir()); ${entry.allowedWay}`,
          what: `${setting} = "${describe(inRoot)}" puts diagnostic reports in the data root: a report name given to writeReport() is relative to it, and so can name ${names.map((n) => n + '/').join(' or ')}`,
        });
      }
      checkTarget(node, node.right, env, `${setting} (where reports are written)`, false);
    }

    /** A value given to process.env.NODE_OPTIONS (for +=, what is added: what it held came from the parent): its preloads must be scripts the check reads. */
    function checkEnvNodeOptions(node: Node, value: Node | null, valueEnv: Env, label = 'process.env.NODE_OPTIONS = … (every node process started after it reads it)') {
      const alts = value ? fold(value, valueEnv) : [];
      checkNodeOptions(node, alts.length ? alts : [null], label, null);
    }

    /**
     * The values an Object.assign(process.env, src) source may give NODE_OPTIONS: its NODE_OPTIONS and the values of keys
     * that cannot be folded (an object literal's, through literals spread in); null for a source that cannot be read,
     * which may hold any key. process.env itself (copied back) adds nothing.
     */
    function envAssigned(src: Node, srcEnv: Env, depth: number): Array<{ node: Node; env: Env } | null> {
      const so = originOf(src, srcEnv);
      if (so.kind === 'global' && so.path.join('.') === 'process.env') return [];
      const d = depth < 4 ? derefNode(src, srcEnv) : null;
      if (d?.node.type !== 'ObjectExpression') return [null];
      return d.node.properties.flatMap((prop) => {
        if (prop.type === 'SpreadElement') return envAssigned(prop.argument, d.env, depth + 1);
        const k = prop.computed ? foldSingle(prop.key, d.env) : prop.key.type === 'Identifier' ? prop.key.name : String((prop.key as TSESTree.Literal).value);
        return k === null || k === 'NODE_OPTIONS' ? [{ node: prop.value as Node, env: d.env }] : [];
      });
    }

    /** sql`…` (postgres.js, sql-template-strings, slonik, Bun's sql): the tag runs the text; its holes are values, or names where they stand in one */
    function checkTaggedSql(node: TSESTree.TaggedTemplateExpression) {
      const sql = { node: node.quasi as Node, env };
      for (const w of sqlFileTargets(sql, 'SQL run by a tagged template')) checkTarget(node, w.target, w.env, w.op, w.destroysRoot, w.paths);
      checkSql(node, 'a tagged template', sql);
    }

    return { CallExpression: checkCall, NewExpression: checkCall, AssignmentExpression: checkAssignment, TaggedTemplateExpression: checkTaggedSql, 'Program:exit': checkScripts };
  },
};
