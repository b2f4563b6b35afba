import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { unwrap, type Node } from '../analysis/ast.js';
import type { Env } from '../analysis/env.js';
import { fold, describe, type Sym } from '../analysis/fold.js';
import { callShape, memberKey, originOf, type Origin } from '../analysis/origin.js';
import { complianceRef, fileContext } from './context.js';
import { envFor, MESSAGES, reporter, zoneTag } from './report.js';
import { classifyTarget } from './target-path.js';

const RULE = 'boundaries/write-paths';

/** fs functions that change the file system, and which arguments are paths they change. */
const PATH_WRITES: Record<string, number[]> = {
  writeFile: [0],
  appendFile: [0],
  createWriteStream: [0],
  WriteStream: [0],
  rename: [0, 1],
  copyFile: [1],
  cp: [1],
  link: [0, 1],
  symlink: [0, 1],
  mkdir: [0],
  mkdtemp: [0],
  rm: [0],
  rmdir: [0],
  unlink: [0],
  truncate: [0],
  chmod: [0],
  lchmod: [0],
  chown: [0],
  lchown: [0],
  utimes: [0],
  lutimes: [0],
};
/** fs functions that change the file behind a descriptor opened earlier */
const FD_WRITES = new Set(['write', 'writev', 'ftruncate', 'fchmod', 'fchown', 'futimes', 'writeFile', 'appendFile', 'truncate']);
/** FileHandle methods that change its file */
const HANDLE_WRITES = new Set(['write', 'writev', 'writeFile', 'appendFile', 'truncate', 'chmod', 'chown', 'utimes', 'createWriteStream']);
const OPENERS = new Set(['open', 'openSync']);
/** creating the data root itself is harmless; removing, moving or re-linking it takes runs/ along */
const HARMLESS_ON_ROOT = new Set(['mkdir', 'mkdtemp']);

function fsFunction(o: Origin): string | null {
  if (o.kind !== 'module' || o.module !== 'fs') return null;
  const path = o.path.filter((k) => k !== 'promises' && k !== 'default');
  if (path.length !== 1) return null;
  return path[0]!.replace(/Sync$/, '');
}

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
    const guarded = policy.protectedPaths.filter((p) => !(fc.project && p.writers.includes(fc.project.name)));
    if (guarded.length === 0) return {};
    const names = guarded.map((p) => p.pattern.replace(/\/\*\*$/, ''));
    const env = envFor(context, fc);
    const report = reporter(context);
    const ref = complianceRef(policy, RULE);
    const from = zoneTag(fc.zone);

    function writerZones(entry: (typeof guarded)[number]): string {
      const zones = new Set(entry.writers.map((w) => fc.ws.projectByName(w)?.zone).filter(Boolean));
      return `${from} -> ${[...zones].map((z) => `zone:${z}`).join(', ') || 'none'} (${entry.writers.join(', ')})`;
    }

    function checkTarget(report_at: Node, target: Node, targetEnv: Env, op: string, destroysRoot: boolean) {
      const o = originOf(target, targetEnv);
      if (o.kind === 'handle') return checkTarget(report_at, o.target, o.env, op, destroysRoot);
      for (const alt of fold(target, targetEnv)) {
        const verdict = classifyTarget(policy, alt, names);
        if (!verdict) continue;
        const shown = describe(alt);
        if (verdict.kind === 'protected') {
          const entry = guarded[names.indexOf(verdict.name)]!;
          return report(report_at, {
            rule: RULE,
            zones: writerZones(entry),
            securityRef: ref,
            allowedWay: entry.allowedWay,
            what: `${op} writes "${shown}", under ${verdict.name}/ of the data root, which only ${entry.writers.join(', ')} may write: ${entry.reason}`,
          });
        }
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

    /** An open whose flags cannot be proved read-only counts as a write. */
    function opensForWriting(flags: Node | undefined): boolean {
      if (!flags) return false;
      const n = unwrap(flags);
      if (n.type === 'Literal' && typeof n.value === 'number') return n.value !== 0;
      const o = originOf(n, env);
      if (o.kind === 'module' && o.module === 'fs' && o.path.at(-1) === 'O_RDONLY') return false;
      const alts = fold(n, env);
      return alts.some((alt: Sym) => !alt.every((p) => typeof p === 'string') || /[wa+]/.test(alt.join('')));
    }

    function checkCall(node: TSESTree.CallExpression | TSESTree.NewExpression) {
      const shape = callShape(node, env);
      const callee = unwrap(shape.callee);
      const o = originOf(callee, env);
      const fn = fsFunction(o);
      if (fn) {
        const label = `fs.${(o as { path: string[] }).path.join('.')}`;
        if (OPENERS.has(fn)) {
          if (opensForWriting(shape.args[1]) && shape.args[0]) checkTarget(node, shape.args[0], env, `${label} (open for writing)`, false);
          return;
        }
        const targets = PATH_WRITES[fn];
        if (targets) for (const i of targets) if (shape.args[i]) checkTarget(node, shape.args[i]!, env, label, !HARMLESS_ON_ROOT.has(fn));
        if (FD_WRITES.has(fn) && shape.args[0]) {
          const h = originOf(shape.args[0], env);
          if (h.kind === 'handle') checkTarget(node, h.target, h.env, `${label} on a descriptor`, false);
        }
        return;
      }
      if (callee.type === 'MemberExpression') {
        const key = memberKey(callee, env);
        if (key && HANDLE_WRITES.has(key)) {
          const h = originOf(callee.object, env);
          if (h.kind === 'handle') checkTarget(node, h.target, h.env, `FileHandle.${key}`, false);
        }
      }
    }

    return { CallExpression: checkCall, NewExpression: checkCall };
  },
};
