import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import { DATA_ROOT, fold, describe, urlPathParts } from '../analysis/fold.js';
import { callShape, derefNode, memberKey, originOf, propertyOf } from '../analysis/origin.js';
import type { Sym } from '../analysis/fold.js';
import { calledFunction, fileSystemReach, fsCallTargets, sqlFileTargets, sqlText, writeTargets, writtenParams } from './fs-writes.js';
import { SQL_RUNNERS, sqlWrites, writesAny } from '../analysis/sql.js';
import { complianceRef, fileContext } from './context.js';
import { envFor, MESSAGES, reporter, zoneTag } from './report.js';
import { classifyTarget, namesDataRoot } from './target-path.js';
import { escapeRegExp } from '../analysis/regexp.js';

const RULE = 'boundaries/write-paths';
/** process members that hand out native code: internal bindings (fs's own natives) and addons */
const NATIVE_ACCESS = new Set(['process.binding', 'process._linkedBinding', 'process.dlopen']);
/** timers that call the function they are given with their arguments after this position */
const TIMER_ARGS: Record<string, number> = { setTimeout: 2, setInterval: 2, setImmediate: 1, 'process.nextTick': 1 };
/** array methods that call their callback with each element first */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
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

    function checkTarget(report_at: Node, target: Node, targetEnv: Env, op: string, destroysRoot: boolean, paths?: Sym[], definite = false): void {
      const o = paths ? null : originOf(target, targetEnv);
      if (o?.kind === 'handle') return definite ? undefined : checkTarget(report_at, o.target, o.env, op, destroysRoot);
      // a file URL whose path is set after it is made: each path it is given is written too
      if (!paths) for (const part of urlPathParts(target, targetEnv)) checkTarget(report_at, part, targetEnv, `${op} (through a path set on the URL object)`, destroysRoot, undefined, definite);
      for (const alt of paths ?? fold(target, targetEnv)) {
        const verdict = classifyTarget(policy, alt, names);
        if (!verdict) continue;
        const shown = describe(alt);
        if (verdict.kind === 'protected') return reportProtected(report_at, verdict.name, `${op} writes "${shown}"`);
        if (definite) continue;
        if (verdict.kind === 'unprovable') {
          const entry = guarded[names.indexOf(verdict.candidates[0]!)]!;
          return report(report_at, {
            rule: RULE,
            zones: writerZones(entry),
            securityRef: ref,
            allowedWay: `name the folder under the data root with a constant; ${entry.allowedWay}`,
            what: `${op} writes "${shown}": its first segment under the data root cannot be folded, so it cannot be proved to be outside ${verdict.candidates.map((c) => c + '/').join(' and ')} (fail closed)`,
          });
        }
        if (verdict.kind === 'dataRoot' && destroysRoot) {
          const entry = guarded[0]!;
          return report(report_at, {
            rule: RULE,
            zones: writerZones(entry),
            securityRef: ref,
            allowedWay: entry.allowedWay,
            what: `${op} changes the data root "${shown}" itself, and with it ${names.map((n) => n + '/').join(' and ')}`,
          });
        }
      }
    }

    function underDataRoot(arg: Node): boolean {
      return fold(arg, env).some((alt) => classifyTarget(policy, alt, names) !== null);
    }

    /**
     * Paths named in a shell command or a program's arguments: any of them may be written by it. A program
     * run on the data root itself (rm -rf data, cd data && …, node -e "…'data'…") may change runs/ too, and
     * so may one whose working directory is in the data root. $RMOS_DATA_DIR in a command is the data root.
     */
    function checkCommand(node: TSESTree.CallExpression | TSESTree.NewExpression, fn: string, args: Node[]) {
      const words: Node[] = [];
      for (const a of args) {
        const arr = derefNode(a, env);
        if (arr?.node.type === 'ArrayExpression') words.push(...arr.node.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== 'SpreadElement'));
        else if (arr?.node.type === 'ObjectExpression') {
          const cwd = propertyOf(arr.node, 'cwd');
          if (cwd) checkTarget(node, cwd, arr.env, `child_process.${fn} (a program run in it)`, true);
        } else words.push(a);
      }
      const variable = new RegExp(`\\$\\{?${escapeRegExp(policy.dataRoot.env)}\\b\\}?`, 'g');
      for (const word of words)
        for (const alt of fold(word, env)) {
          // split a command line into its words; each may be a path the command changes
          const tokens: Sym[] = [[]];
          for (const p of alt) {
            if (typeof p !== 'string') {
              tokens[tokens.length - 1]!.push(p);
              continue;
            }
            p.split(/[\s'"`;|&<>()=,]+/).forEach((piece, i) => {
              if (i > 0) tokens.push([]);
              piece.split(variable).forEach((text, j) => {
                if (j > 0) tokens[tokens.length - 1]!.push(DATA_ROOT);
                if (text) tokens[tokens.length - 1]!.push(text);
              });
            });
          }
          for (const t of tokens) {
            if (!t.length || !classifyTarget(policy, t, names)) continue;
            return checkTarget(node, word, env, `child_process.${fn} (a program given it)`, true, [t]);
          }
        }
    }

    /**
     * Functions handed to what calls them with arguments the source holds: a timer's extra arguments
     * (setTimeout(f, 0, p)), each element of a literal array (['data/x'].forEach(f)), what
     * Promise.resolve(p).then(f) resolves to.
     */
    function handedCalls(callee: Node, args: Node[], o: ReturnType<typeof originOf>): { fn: Node; args: Node[]; host: string }[] {
      const name = o.kind === 'global' || o.kind === 'module' ? o.path.join('.') : '';
      const timer = (o.kind === 'global' || (o.kind === 'module' && o.module === 'timers')) && TIMER_ARGS[name] !== undefined;
      if (timer && args[0]) return [{ fn: args[0], args: args.slice(TIMER_ARGS[name]), host: name }];
      const c = unwrap(callee);
      if (c.type !== 'MemberExpression' || !args[0]) return [];
      const key = memberKey(c, env) ?? '';
      if (ELEMENT_CALLBACKS.has(key)) {
        const list = derefNode(c.object, env);
        if (list?.node.type !== 'ArrayExpression') return [];
        return list.node.elements.filter((e): e is TSESTree.Expression => !!e && e.type !== 'SpreadElement').map((e) => ({ fn: args[0]!, args: [e], host: `.${key}()` }));
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
     * SQL run on any connection (by a method that runs SQL text, pg's { text } objects included, or a SQL tagged template) that changes a table
     * holding a protected path's data, or its triggers: the store's triggers refuse UPDATE and DELETE, but SQL
     * that drops or disables them, or writes the rows, goes around persistRunArtifact. A name in a write
     * position that the check cannot read is refused (fail closed); SQL text it cannot read at all is not SQL it can judge.
     */
    function checkSql(node: Node, runner: string, sql: { node: Node; env: Env }) {
      for (const alt of fold(sql.node, sql.env)) {
        if (/\bload_extension\s*\(/i.test(describe(alt))) return reportNative(node, `SQL run by ${runner}`, 'a SQLite extension (native code) with load_extension()');
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
      for (const w of writeTargets(node, env)) checkTarget(node, w.target, w.env, w.op, w.destroysRoot, w.paths, w.definite);
      const shape = callShape(node, env);
      const o = originOf(shape.callee, env);
      const methodKey = unwrap(shape.callee).type === 'MemberExpression' ? memberKey(unwrap(shape.callee) as TSESTree.MemberExpression, env) : null;
      if (methodKey && SQL_RUNNERS.has(methodKey) && shape.args[0]) checkSql(node, `.${methodKey}()`, sqlText(shape.args[0], env));
      for (const h of handedCalls(shape.callee, shape.args, o))
        for (const w of fsCallTargets(originOf(h.fn, env), h.args, env, ` (handed to ${h.host})`)) checkTarget(node, w.target, w.env, w.op, w.destroysRoot);
      // Node's native bindings and addons, and SQLite's extensions, write files by calls the check cannot follow (fail closed)
      if (o.kind === 'global' && NATIVE_ACCESS.has(o.path.join('.'))) reportNative(node, `${o.path.join('.')}()`, o.path[1] === 'dlopen' ? 'a native addon' : "Node's native bindings");
      if (methodKey === 'loadExtension') reportNative(node, '.loadExtension()', 'a SQLite extension (native code)');
      // after chdir into the data root, every relative write lands in it
      if (o.kind === 'global' && o.path.join('.') === 'process.chdir' && shape.args[0]) checkTarget(node, shape.args[0], env, 'process.chdir (relative writes after it land there)', true);
      if (o.kind === 'module' && o.module === 'child_process' && o.path.length) checkCommand(node, o.path.join('.'), shape.args);
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

    /** sql`…` (postgres.js, sql-template-strings, slonik, Bun's sql): the tag runs the text; its holes are values, or names where they stand in one */
    function checkTaggedSql(node: TSESTree.TaggedTemplateExpression) {
      const sql = { node: node.quasi as Node, env };
      for (const w of sqlFileTargets(sql, 'SQL run by a tagged template')) checkTarget(node, w.target, w.env, w.op, w.destroysRoot, w.paths);
      checkSql(node, 'a tagged template', sql);
    }

    return { CallExpression: checkCall, NewExpression: checkCall, AssignmentExpression: checkAssignment, TaggedTemplateExpression: checkTaggedSql };
  },
};
