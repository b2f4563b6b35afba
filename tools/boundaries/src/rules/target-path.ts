import { unknownPart, type Part, type Sym } from '../analysis/fold.js';
import type { Policy } from '../policy/schema.js';
import { escapeRegExp } from '../analysis/regexp.js';

/**
 * A part of a command word that the shell (or the program: find's -path, rsync's filters) expands to any text,
 * slashes included: a glob (`*`, `?`, `[…]`, `{…}`) or a variable. Unlike a value the folding cannot read, it may
 * stand for a whole path, the data root's among them (`rm -rf *`, `find . -path '*\/runs/*'`, `"$D/runs"`).
 */
export const GLOB_WHY = 'a shell glob';
export const VARIABLE_WHY = 'a shell variable or substitution';
export const globPart = (): Part => unknownPart(GLOB_WHY);
export const variablePart = (): Part => unknownPart(VARIABLE_WHY);
const isWild = (p: Part): boolean => typeof p !== 'string' && p.kind === 'unknown' && (p.why === GLOB_WHY || p.why === VARIABLE_WHY);
const isGlob = (p: Part): boolean => typeof p !== 'string' && p.kind === 'unknown' && p.why === GLOB_WHY;

/** parts: the segment's text; data: the data root itself; above: a leading `..` (a folder above where the path starts) */
type Seg = { parts: Part[]; data: boolean; above?: boolean };

export type TargetVerdict =
  | { kind: 'protected'; name: string }
  | { kind: 'unprovable'; candidates: string[] }
  | { kind: 'dataRoot' }
  | null;

export interface ClassifyOptions {
  /**
   * The process may not be where relative paths are assumed to start (the workspace root, which holds the
   * default data root): a process.chdir of the file went somewhere that cannot be shown to be outside the data
   * root. A folder named like the data root then counts anywhere in a relative path, not only first.
   */
  moved?: boolean;
}

/** A path that does not start at the process's working directory: /…, \…, C:…, file:… (any URL scheme) */
export function isAbsolute(sym: Sym): boolean {
  const first = sym[0];
  if (first === undefined) return false;
  if (typeof first !== 'string') return first.kind === 'dataRoot';
  return /^([\/\\]|[a-z]:|[a-z][a-z0-9+.-]*:)/i.test(first);
}

function segments(sym: Sym): Seg[] {
  const segs: Seg[] = [];
  let cur: Seg = { parts: [], data: false };
  const flush = () => {
    segs.push(cur);
    cur = { parts: [], data: false };
  };
  for (const p of sym) {
    if (typeof p === 'string') {
      // a backslash separates segments on Windows: taken as a separator everywhere (fail closed)
      const pieces = p.split(/[\/\\]/);
      pieces.forEach((piece, i) => {
        if (i > 0) flush();
        if (piece) cur.parts.push(piece);
      });
    } else if (p.kind === 'dataRoot') {
      // the data root is a directory: what follows it starts a new segment
      if (cur.parts.length) flush();
      segs.push({ parts: [], data: true });
    } else cur.parts.push(p);
  }
  flush();
  // normalise ".", "" and ".." the way path.normalize does; a leading ".." stays (it climbs above the start), and
  // a ".." after a segment the folding cannot read removes nothing: that segment may be several, or "..", itself
  const out: Seg[] = [];
  for (const s of segs) {
    const known = s.parts.length === 1 && typeof s.parts[0] === 'string' ? s.parts[0] : s.parts.length === 0 && !s.data ? '' : null;
    if (known === '' || known === '.') continue;
    if (known === '..') {
      const top = out.at(-1);
      if (!top || top.above) out.push({ parts: ['..'], data: false, above: true });
      else if (top.data || top.parts.every((p) => typeof p === 'string')) out.pop();
      continue;
    }
    out.push(s);
  }
  return out;
}

/**
 * A folder name as a file system may read it: case-insensitively (macOS, Windows), and without
 * the trailing dots and spaces Windows drops (`RUNS.` is `runs`).
 */
function canonical(name: string): string {
  return name.toLowerCase().replace(/[. ]+$/, '');
}

function couldBe(seg: Seg, name: string): boolean {
  const re = seg.parts.map((p) => (typeof p === 'string' ? escapeRegExp(p) : '.*')).join('');
  return new RegExp(`^${re}[. ]*$`, 'i').test(name);
}

const plainKnown = (s: Seg) => !s.data && !s.above && s.parts.every((p) => typeof p === 'string');

/** The path climbs above the folder it starts in (`../runs/x`, `a/../../runs`): relative, and its first segment is a leading `..`. */
export function climbsAboveStart(sym: Sym): boolean {
  return !isAbsolute(sym) && segments(sym)[0]?.above === true;
}

/** The path passes through a folder named like the data root, or the data root itself, wherever it stands. */
export function namesDataRoot(policy: Policy, sym: Sym): boolean {
  const dataDir = dataDirName(policy);
  return segments(sym).some((s) => s.data || (s.parts.length === 1 && typeof s.parts[0] === 'string' && canonical(s.parts[0]) === canonical(dataDir)));
}

function dataDirName(policy: Policy): string {
  return policy.dataRoot.default.replace(/^\.?\/+|\/+$/g, '').split('/').pop() ?? 'data';
}

/**
 * Where a folded write target lands relative to the data root: under a protected
 * folder, possibly under one (a part that cannot be folded), on the data root itself,
 * or (null) nowhere the policy protects. The data root is process.env.<dataRoot.env>, or a
 * literal folder named like the policy's default (`data`) where it can be the data root: first in a
 * relative path (the default data root is relative to the working directory), anywhere in an absolute
 * path (RMOS_DATA_DIR may be absolute), or after a part that cannot be read or a leading `..`. Under a
 * known relative prefix that is not the data root (`docs/examples/data/runs`) it is some other folder.
 */
export function classifyTarget(policy: Policy, sym: Sym, protectedNames: string[], options: ClassifyOptions = {}): TargetVerdict {
  const dataDir = dataDirName(policy);
  const segs = segments(sym);
  const anywhere = options.moved || isAbsolute(sym);
  let verdict: TargetVerdict = null;
  segs.forEach((seg, i) => {
    if (verdict?.kind === 'protected') return;
    // a folder named data is the data root only where the data root can stand
    const eligible = seg.data || anywhere || i === 0 || !segs.slice(0, i).every(plainKnown);
    if (!eligible) return;
    const named = seg.parts.length === 1 && typeof seg.parts[0] === 'string' && canonical(seg.parts[0]) === canonical(dataDir);
    // a glob or variable may stand for a path that ends in the data root (`*/runs`, `$D/runs`)
    const wild = !seg.data && !named && seg.parts.some(isWild) && couldBe(seg, dataDir);
    if (!seg.data && !named && !wild) return;
    const next = segs[i + 1];
    if (!next) {
      // a variable standing alone is a command the source does not hold; a glob here matches what is there (`rm -rf *`)
      if (!wild || seg.parts.some(isGlob)) verdict ??= { kind: 'dataRoot' };
      return;
    }
    if (next.data) return;
    const known = next.parts.every((p) => typeof p === 'string');
    if (known) {
      const name = canonical(next.parts.join(''));
      const hit = protectedNames.find((p) => canonical(p) === name);
      if (hit) verdict = wild ? { kind: 'unprovable', candidates: [hit] } : { kind: 'protected', name: hit };
      return;
    }
    const candidates = protectedNames.filter((n) => couldBe(next, n));
    if (candidates.length) verdict = { kind: 'unprovable', candidates };
  });
  return verdict;
}
