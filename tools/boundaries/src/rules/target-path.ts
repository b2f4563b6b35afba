import type { Part, Sym } from '../analysis/fold.js';
import type { Policy } from '../policy/schema.js';
import { escapeRegExp } from '../analysis/regexp.js';

type Seg = { parts: Part[]; data: boolean };

export type TargetVerdict =
  | { kind: 'protected'; name: string }
  | { kind: 'unprovable'; candidates: string[] }
  | { kind: 'dataRoot' }
  | null;

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
  // normalise ".", "" and ".." the way path.normalize does
  const out: Seg[] = [];
  for (const s of segs) {
    const known = s.parts.length === 1 && typeof s.parts[0] === 'string' ? s.parts[0] : s.parts.length === 0 && !s.data ? '' : null;
    if (known === '' || known === '.') continue;
    if (known === '..') {
      if (out.length) out.pop();
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

/**
 * Where a folded write target lands relative to the data root: under a protected
 * folder, possibly under one (a part that cannot be folded), on the data root itself,
 * or (null) nowhere the policy protects. The data root is process.env.<dataRoot.env>
 * or a literal folder named like the policy's default (`data`).
 */
export function classifyTarget(policy: Policy, sym: Sym, protectedNames: string[]): TargetVerdict {
  const dataDir = policy.dataRoot.default.replace(/^\.?\/+|\/+$/g, '').split('/').pop() ?? 'data';
  const segs = segments(sym);
  let verdict: TargetVerdict = null;
  segs.forEach((seg, i) => {
    if (verdict?.kind === 'protected') return;
    const isAnchor = seg.data || (seg.parts.length === 1 && typeof seg.parts[0] === 'string' && canonical(seg.parts[0]) === canonical(dataDir));
    if (!isAnchor) return;
    const next = segs[i + 1];
    if (!next) {
      verdict ??= { kind: 'dataRoot' };
      return;
    }
    if (next.data) return;
    const known = next.parts.every((p) => typeof p === 'string');
    if (known) {
      const name = canonical(next.parts.join(''));
      const hit = protectedNames.find((p) => canonical(p) === name);
      if (hit) verdict = { kind: 'protected', name: hit };
      return;
    }
    const candidates = protectedNames.filter((n) => couldBe(next, n));
    if (candidates.length) verdict = { kind: 'unprovable', candidates };
  });
  return verdict;
}
