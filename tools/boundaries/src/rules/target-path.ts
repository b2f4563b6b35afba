import { posix as posixPath } from 'node:path';
import { GLOB_WHY, unknownPart, type Part, type Sym } from '../analysis/fold.js';
import type { Policy } from '../policy/schema.js';
import { escapeRegExp } from '../analysis/regexp.js';

/**
 * A part of a command word that the shell (or the program: find's -path, rsync's filters) expands to any text,
 * slashes included: a glob (`*`, `?`, `[…]`, `{…}`) or a variable. Unlike a value the folding cannot read, it may
 * stand for a whole path, the data root's among them (`rm -rf *`, `find . -path '*\/runs/*'`, `"$D/runs"`).
 */
export { GLOB_WHY };
export const VARIABLE_WHY = 'a shell variable or substitution';
export const globPart = (): Part => unknownPart(GLOB_WHY);
export const variablePart = (): Part => unknownPart(VARIABLE_WHY);
const isWild = (p: Part): boolean => typeof p !== 'string' && p.kind === 'unknown' && (p.why === GLOB_WHY || p.why === VARIABLE_WHY);
const isGlob = (p: Part): boolean => typeof p !== 'string' && p.kind === 'unknown' && p.why === GLOB_WHY;
/** mkdtemp's random end of a folder's name: a segment holding one is a folder made just now, one segment and never . or .. */
const isFresh = (p: Part): boolean => typeof p !== 'string' && p.kind === 'unknown' && p.fresh === true;
const freshFolder = (s: Seg): boolean => !s.data && s.parts.some(isFresh) && s.parts.every((p) => typeof p === 'string' || isFresh(p));

/** parts: the segment's text; data: the data root itself; above: a leading `..` (a folder above where the path starts) */
type Seg = { parts: Part[]; data: boolean; above?: boolean };

export type TargetVerdict =
  | { kind: 'protected'; name: string }
  | { kind: 'unprovable'; candidates: string[]; why?: string; advice?: string }
  | { kind: 'dataRoot' }
  | null;

export interface ClassifyOptions {
  /**
   * The process may not be where relative paths are assumed to start (the workspace root, which holds the
   * default data root): a process.chdir of the file went somewhere that cannot be shown to be outside the data
   * root. The folders a relative path may then start in (an empty path: the start; a part that cannot be read: a
   * folder that cannot be, the data root maybe); the path is read from each.
   */
  cwds?: Sym[];
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
      else if (top.data || top.parts.every((p) => typeof p === 'string') || freshFolder(top)) out.pop();
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
  const re = seg.parts.map((p) => (typeof p === 'string' ? escapeRegExp(p) : isFresh(p) ? '[A-Za-z0-9]{6}' : '.*')).join('');
  return new RegExp(`^${re}[. ]*$`, 'i').test(name);
}

const plainKnown = (s: Seg) => !s.data && !s.above && s.parts.every((p) => typeof p === 'string');

/** The path climbs above the folder it starts in (`../runs/x`, `a/../../runs`): relative, and its first segment is a leading `..`. */
export function climbsAboveStart(sym: Sym): boolean {
  return !isAbsolute(sym) && segments(sym)[0]?.above === true;
}

/**
 * Why the path may be a folder that holds the data root (null when it is not): the working directory (`.`, `''`,
 * `./`, which holds the default data root), a folder above it (`..`), `/` or a folder above the workspace, the data
 * root's parent (`$RMOS_DATA_DIR/..`), or a folder climbed to from a path the check cannot read (`${dir}/..`: fail
 * closed). A tree removed, moved away or copied into there changes runs/ with it.
 */
export function holdsDataRoot(sym: Sym, workspaceRoot: string): string | null {
  if (descriptorLink(segments(sym))) return null;
  const first = sym[0];
  const segs = segments(sym);
  if (first !== undefined && typeof first !== 'string' && first.kind === 'dataRoot')
    return segs.length === 0 ? 'the folder that holds the data root' : null;
  const strings = sym.every((p) => typeof p === 'string');
  if (!isAbsolute(sym)) {
    if (segs.length === 0 && (strings || typeof first === 'string')) return 'the working directory, which holds the data root';
    if (segs.length > 0 && segs.every((s) => s.above)) return 'a folder above the working directory, which holds the data root';
  }
  if (strings && isAbsolute(sym)) {
    const text = (sym as string[]).join('').replace(/^file:\/\/(?:localhost)?/i, '').replace(/\\/g, '/');
    if (text.startsWith('/')) {
      const norm = text.split('/').reduce<string[]>((acc, seg) => (seg === '' || seg === '.' ? acc : seg === '..' ? acc.slice(0, -1) : [...acc, seg]), []);
      const dir = '/' + norm.join('/');
      const root = workspaceRoot.split('\\').join('/');
      if (dir === '/' || root === dir || root.startsWith(dir + '/')) return `${dir === '/' ? 'the file system root' : 'a folder that holds the workspace'}, and the data root in it`;
    }
  }
  // a climb (..) at the end of a path after a part that cannot be read: the folder it reaches may hold the data root
  // (only a climb past that part: path.join(dir, 'a', '..') is dir itself)
  const lastUnknown = sym.findLastIndex((p) => typeof p !== 'string');
  if (lastUnknown >= 0) {
    const after = (sym.slice(lastUnknown + 1) as string[]).join('').replace(/\\/g, '/').replace(/^\/+/, '');
    const last = sym[lastUnknown]!;
    // (from the module's own folder, whose place is known: the folder climbed to holds the data root only if it holds the workspace)
    if (typeof last !== 'string' && last.kind === 'unknown' && last.place && last.at && lastUnknown === 0) {
      const dir = posixPath.resolve(last.at.split('\\').join('/'), after);
      const root = workspaceRoot.split('\\').join('/');
      return dir === root || root.startsWith(dir === '/' ? '/' : dir + '/') ? 'a folder that holds the workspace, and the data root in it' : null;
    }
    if (after && posixPath.normalize(after).startsWith('..')) return 'a folder climbed to (..) from a path the check cannot read, which may hold the data root';
  }
  return null;
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
  // after a process.chdir, a relative path is read from each folder it may start in (one the check cannot read may be the data root)
  if (options.cwds && !isAbsolute(sym)) {
    // (a path that starts with a part that cannot be read may be absolute: that part is its prefix, whatever the cwd)
    const verdicts = options.cwds.map((cwd) => classifyTarget(policy, cwd.length && typeof sym[0] === 'string' ? [...cwd, '/', ...sym] : sym, protectedNames));
    return verdicts.find((v) => v?.kind === 'protected') ?? verdicts.find((v) => v?.kind === 'unprovable') ?? verdicts.find((v) => v !== null) ?? null;
  }
  const dataDir = dataDirName(policy);
  const segs = segments(sym);
  // a descriptor's link (/proc/self/fd/N, /dev/fd/N) opens again whatever file the descriptor is open on, a run
  // opened read-only included: it cannot be proved to be outside runs/
  if (descriptorLink(segs)) return { kind: 'unprovable', candidates: [...protectedNames], why: 'a link to an open file descriptor, which opens again whatever file the descriptor is open on (a run opened read-only too)' };
  const anywhere = isAbsolute(sym);
  let verdict: TargetVerdict = null;
  // inside a folder mkdtemp has just made (a test's fresh store) nothing is the data root, which existed before it
  const fresh = segs.findIndex(freshFolder);
  const firstDeep = segs.findIndex((s) => s.parts.some(isDeep));
  segs.forEach((seg, i) => {
    if (verdict?.kind === 'protected') return;
    if (fresh >= 0 && i >= fresh && !seg.data) return;
    // a folder named data is the data root only where the data root can stand
    const eligible = seg.data || anywhere || i === 0 || !segs.slice(0, i).every(plainKnown);
    if (!eligible) return;
    const named = seg.parts.length === 1 && typeof seg.parts[0] === 'string' && canonical(seg.parts[0]) === canonical(dataDir);
    // a glob or variable may stand for a path that ends in the data root (`*/runs`, `$D/runs`)
    const wild = !seg.data && !named && seg.parts.some(isWild) && couldBe(seg, dataDir);
    if (!seg.data && !named && !wild) {
      // (only the path's first such part: it is the prefix the path starts from; later ones make names under it)
      const reach = i === firstDeep ? throughDeepUnknown(seg, segs[i + 1], protectedNames) : [];
      const part = seg.parts.findLast(isDeep);
      const what = part && typeof part !== 'string' && part.kind === 'unknown' ? part.why : 'a part that cannot be folded';
      if (reach.length) verdict = { kind: 'unprovable', candidates: reach, why: `its start (${what}) cannot be folded and may be a path that ends in the data root (or in the first letters of a protected folder's name), and the known text after it can then name ${reach.map((c) => c + '/').join(' or ')}`, advice: 'start the path from a constant folder outside the data root, or from one mkdtemp made' };
      return;
    }
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
    // (a part whose reason is worth saying: a SQL statement's bound parameter, a file the SQL computes)
    const part = next.parts.length === 1 && typeof next.parts[0] !== 'string' && next.parts[0]!.kind === 'unknown' && (next.parts[0]!.param !== undefined || next.parts[0]!.sql) ? next.parts[0]! : null;
    if (candidates.length) verdict = { kind: 'unprovable', candidates, ...(part && part.kind === 'unknown' ? { why: `it is ${part.why}, which the check cannot read, and the file may be anywhere, under the data root too`, advice: 'name the file in the SQL text with a constant, or bind a value the check can read at the call' } : {}) };
  });
  return verdict;
}

/** An unknown part that may hold separators (not one segment, as encodeURIComponent's, nor mkdtemp's random end, nor the module's own place). */
const isDeep = (p: Part): boolean => typeof p !== 'string' && p.kind === 'unknown' && !p.segment && !p.fresh && !p.place && !isWild(p);

/**
 * The protected folders a path may reach through a part that cannot be folded, where that part may hold a whole path
 * (`${dir}/runs/x`, `d.slice(0, -6) + 's/a'`): such a part may end in the data root, or in the data root and the start
 * of a protected folder's name. What is known after it decides: the rest of its segment, if any, must be able to end
 * a protected name (`…s` ends `runs`), else the next segment must be able to be one, by text it knows from its start
 * (`runs`, `run_${id}`; a segment wholly unknown, `${dir}/${file}`, or one an unknown part starts, `${dir}/${kind}s`,
 * names nothing). `${tmp}/report.txt` reaches none.
 */
function throughDeepUnknown(seg: Seg, next: Seg | undefined, protectedNames: string[]): string[] {
  if (seg.data) return [];
  const last = seg.parts.findLastIndex(isDeep);
  if (last < 0) return [];
  const tail = seg.parts.slice(last + 1);
  if (tail.length) {
    const pattern: Seg = { parts: [unknownPart('the end of a path'), ...tail], data: false };
    return protectedNames.filter((n) => couldBe(pattern, n));
  }
  // (by text it knows from its start: run${y} may be runs, ${kind}s is a name the unknown part makes, as ${file} is)
  if (!next || next.data || next.above || typeof next.parts[0] !== 'string') return [];
  return protectedNames.filter((n) => couldBe(next, n));
}

const knownText = (s: Seg | undefined): string | null => (s && !s.data && s.parts.length === 1 && typeof s.parts[0] === 'string' ? canonical(s.parts[0]) : null);

/**
 * The path goes through a descriptor's link of Linux's /proc (`/proc/self/fd/N`, `/proc/<pid>/fd/N`,
 * `/proc/self/task/<tid>/fd/N`) or /dev/fd (`/dev/fd/N`), also as a file: URL, climbing up to it (`../../proc/…`) or
 * relative to a working directory changed to `/`; a constant 0, 1 or 2 (the standard streams) aside.
 */
function descriptorLink(segs: Seg[]): boolean {
  let i = 0;
  if (knownText(segs[0]) === 'file:') i++;
  while (segs[i]?.above) i++;
  let fd = -1;
  if (knownText(segs[i]) === 'dev' && knownText(segs[i + 1]) === 'fd') fd = i + 1;
  else if (knownText(segs[i]) === 'proc') {
    if (knownText(segs[i + 2]) === 'fd') fd = i + 2;
    else if (knownText(segs[i + 2]) === 'task' && knownText(segs[i + 4]) === 'fd') fd = i + 4;
  }
  if (fd < 0 || !segs[fd + 1]) return false;
  return !['0', '1', '2'].includes(knownText(segs[fd + 1]) ?? '') || segs.length > fd + 2;
}

/** What a shell variable in a command stands for: its value where the command's env option sets it, else a shell variable (any text). */
export interface ShellVars {
  /** values set by the command's env option (null: set to a value that cannot be folded) */
  set: Map<string, Sym | null>;
  /** variables the option does not set come from the parent's environment (no env option, or `...process.env` in it) */
  inherits: boolean;
  /** the data root's variable */
  dataRootVar: string;
}

/** One simple command of a command line: its words, after quote removal and expansion. */
export type ShellCommand = Sym[];

const GLOB_CHARS = new Set(['*', '?', '[', ']', '{', '}']);
const COMMAND_ENDS = new Set([';', '&', '|', '(', ')', '\n']);
const WORD_ENDS = new Set([' ', '\t', '\r', '<', '>']);

/**
 * A shell command line as the shell reads it (POSIX sh, as child_process's exec runs it): words split at
 * blanks and operators, quotes removed (they join, `d""ata` is `data`), backslash escapes, `$VAR` / `${VAR…}`
 * expanded (the data root's variable, also with a `:-` / `-` / `:=` / `=` / `:?` default, is the data root; one set
 * by the env option is its value; any other is a shell variable), `$(…)` and backticks a shell variable, globs
 * kept as glob parts (also inside quotes: find -path and rsync read them). Parts the folding could not read stay
 * in the word they are in.
 */
export function shellCommands(line: Sym, vars: ShellVars): ShellCommand[] {
  const posix = readCommandLine(line, vars, false);
  // bash reads $'…' (ANSI-C escapes) and $"…" (a translated string); a POSIX sh (dash) reads a $ and a quoted string: both count
  return line.some((p) => typeof p === 'string' && /\$['"]/.test(p)) ? [...posix, ...readCommandLine(line, vars, true)] : posix;
}

/** single-letter escapes of bash's $'…' */
const ANSI_C: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

/**
 * bash's $'…' from items[i] (just after the opening quote): its text with the escapes decoded (\n, \xHH, \NNN octal,
 * \uHHHH, \UHHHHHHHH, \cX), and where it ends (the closing quote). An escape that cannot be decoded (a part the
 * folding could not read after the backslash, \x without digits) is any text (fail closed); an unknown letter stays as written.
 */
function ansiC(items: (string | Part)[], i: number): { parts: Part[]; end: number } {
  const at = (k: number) => (typeof items[k] === 'string' ? (items[k] as string) : null);
  const parts: Part[] = [];
  const digits = (k: number, re: RegExp, max: number) => {
    let d = '';
    while (d.length < max && re.test(at(k + d.length) ?? '')) d += at(k + d.length);
    return d;
  };
  for (; i < items.length; i++) {
    const c = items[i]!;
    if (typeof c !== 'string') {
      parts.push(c);
      continue;
    }
    if (c === "'") return { parts, end: i };
    if (c !== '\\') {
      parts.push(c);
      continue;
    }
    const e = at(i + 1);
    if (e === null) {
      parts.push(variablePart());
      i++;
      continue;
    }
    if (Object.hasOwn(ANSI_C, e)) {
      parts.push(ANSI_C[e]!);
      i++;
    } else if (/[0-7]/.test(e)) {
      const d = digits(i + 1, /^[0-7]$/, 3);
      parts.push(String.fromCharCode(parseInt(d, 8) & 0xff));
      i += d.length;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const d = digits(i + 2, /^[0-9a-fA-F]$/, e === 'x' ? 2 : e === 'u' ? 4 : 8);
      const code = d ? parseInt(d, 16) : NaN;
      parts.push(d && code <= 0x10ffff ? String.fromCodePoint(code) : variablePart());
      i += 1 + d.length;
    } else if (e === 'c') {
      const x = at(i + 2);
      parts.push(x === null ? variablePart() : String.fromCharCode(x.charCodeAt(0) & 0x1f));
      i += 2;
    } else {
      parts.push('\\', e);
      i++;
    }
  }
  // unterminated: the shell refuses the line; read what there is
  return { parts, end: i };
}

function readCommandLine(line: Sym, vars: ShellVars, bash: boolean): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: Sym[] = [];
  let word: Sym | null = null;
  const add = (p: Part) => {
    word ??= [];
    const last = word[word.length - 1];
    if (typeof p === 'string' && typeof last === 'string') word[word.length - 1] = last + p;
    else word.push(p);
  };
  const endWord = () => {
    if (word) words.push(word);
    word = null;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };
  // the line as a list of characters and unreadable parts
  const items: (string | Part)[] = [];
  for (const p of line) if (typeof p === 'string') items.push(...p);
  else items.push(p);
  const at = (i: number) => (typeof items[i] === 'string' ? (items[i] as string) : null);
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (typeof it !== 'string') {
      add(it);
      continue;
    }
    const c = it;
    if (quote === "'") {
      if (c === "'") quote = null;
      else add(GLOB_CHARS.has(c) ? globPart() : c);
      continue;
    }
    if (c === '\\') {
      const next = at(i + 1);
      i++;
      if (next === null) {
        if (items[i]) add(items[i] as Part);
        continue;
      }
      if (next === '\n') continue;
      // inside double quotes a backslash escapes only $ ` " \ (else it stays)
      if (quote === '"' && !'$`"\\'.includes(next)) add('\\');
      add(next);
      word ??= [];
      continue;
    }
    if (c === '"') {
      quote = quote === '"' ? null : '"';
      word ??= [];
      continue;
    }
    if (c === "'" && !quote) {
      quote = "'";
      word ??= [];
      continue;
    }
    if (c === '`') {
      // a command substitution: its output is any text (the command inside is not judged here)
      let j = i + 1;
      while (j < items.length && at(j) !== '`') j++;
      i = j;
      add(variablePart());
      continue;
    }
    if (c === '$' && bash && !quote && at(i + 1) === "'") {
      const r = ansiC(items, i + 2);
      word ??= [];
      // (glob characters in it still match for programs that read patterns, as in '…')
      for (const p of r.parts) add(typeof p === 'string' && GLOB_CHARS.has(p) ? globPart() : p);
      i = r.end;
      continue;
    }
    // $"…": the string (translated where a catalogue has it: the check reads it as written)
    if (c === '$' && bash && !quote && at(i + 1) === '"') continue;
    if (c === '$') {
      const r = expansion(items, i, vars);
      if (r) {
        for (const p of r.parts) add(p);
        i = r.end;
        continue;
      }
      add('$');
      continue;
    }
    if (!quote) {
      if (COMMAND_ENDS.has(c)) {
        endCommand();
        continue;
      }
      if (WORD_ENDS.has(c)) {
        endWord();
        continue;
      }
      // a comment runs to the end of its line (a part that cannot be read may hold a newline: it ends the comment)
      if (c === '#' && word === null) {
        while (i + 1 < items.length && typeof items[i + 1] === 'string' && items[i + 1] !== '\n') i++;
        continue;
      }
      if (c === '~' && word === null) {
        add(variablePart());
        continue;
      }
    }
    add(GLOB_CHARS.has(c) ? globPart() : c);
  }
  endCommand();
  return commands;
}

/** `$NAME`, `${NAME}`, `${NAME:-default}`…, `$(…)`, `$1`, `$@` at items[i] (a `$`): the parts it stands for and where it ends. */
function expansion(items: (string | Part)[], i: number, vars: ShellVars): { parts: Part[]; end: number } | null {
  const at = (k: number) => (typeof items[k] === 'string' ? (items[k] as string) : null);
  const next = at(i + 1);
  if (next === null) return { parts: [variablePart()], end: i };
  if (next === '(') {
    // $( … ) or $(( … )): to the matching parenthesis
    let depth = 0;
    let j = i + 1;
    for (; j < items.length; j++) {
      const c = at(j);
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    return { parts: [variablePart()], end: j };
  }
  const value = (name: string): Part[] => {
    if (vars.set.has(name)) {
      const v = vars.set.get(name);
      return v ? [...v] : [variablePart()];
    }
    if (name === vars.dataRootVar) return [{ kind: 'dataRoot' }];
    return vars.inherits ? [variablePart()] : [];
  };
  if (next === '{') {
    let j = i + 2;
    let name = '';
    while (j < items.length && /^[A-Za-z0-9_]$/.test(at(j) ?? '')) name += at(j++);
    let depth = 1;
    let k = j;
    for (; k < items.length; k++) {
      const c = at(k);
      if (c === '{') depth++;
      else if (c === '}' && --depth === 0) break;
    }
    const op = (at(j) ?? '') + (at(j + 1) ?? '');
    if (!name || /^\d/.test(name)) return { parts: [variablePart()], end: k };
    if (at(j) === '}') return { parts: value(name), end: k };
    // ${V:+alt} / ${V+alt}: the alternative where V is set, which is not V's value
    if (op.startsWith(':+') || at(j) === '+') return { parts: [variablePart()], end: k };
    // ${V:-d}, ${V-d}, ${V:=d}, ${V=d}, ${V:?m}, ${V?m}: V's value, or the default where it is unset
    if (/^(:?[-=?])/.test(op)) {
      const own = value(name);
      if (own.length) return { parts: own, end: k };
      // unset (an env option without it, no parent environment): the default is the value
      const text: Part[] = [];
      for (let d = j + (at(j) === ':' ? 2 : 1); d < k; d++) {
        const c = items[d]!;
        text.push(typeof c !== 'string' || c === '$' || c === '`' ? variablePart() : GLOB_CHARS.has(c) ? globPart() : c === '"' || c === "'" ? '' : c);
      }
      return { parts: text.filter((t) => t !== ''), end: k };
    }
    // other forms (${V#p}, ${V%p}, ${V/a/b}, ${#V}, ${V:1:2}) compute text from V
    return { parts: [variablePart()], end: k };
  }
  if (/^[A-Za-z_]$/.test(next)) {
    let j = i + 1;
    let name = '';
    while (j < items.length && /^[A-Za-z0-9_]$/.test(at(j) ?? '')) name += at(j++);
    return { parts: value(name), end: j - 1 };
  }
  // $1, $@, $*, $#, $?, $$, $!, $-, $0
  if (/^[0-9@*#?$!\-]$/.test(next)) return { parts: [variablePart()], end: i + 1 };
  return null;
}

/** A word and the paths inside it that a program may read as one (`--out=data/runs`, `if=a,of=data/runs/x`, `dir:data/runs`). */
export function wordPaths(word: Sym): Sym[] {
  const out: Sym[] = [word];
  const pieces: Sym[] = [[]];
  let split = false;
  for (const p of word) {
    if (typeof p !== 'string') {
      pieces[pieces.length - 1]!.push(p);
      continue;
    }
    p.split(/[=,:]/).forEach((t, i) => {
      if (i > 0) {
        split = true;
        pieces.push([]);
      }
      if (t) pieces[pieces.length - 1]!.push(t);
    });
  }
  if (split) out.push(...pieces.filter((x) => x.length));
  return out;
}

/** A path given relative to a working directory: the directory joined in front, unless the path is absolute. */
export function relativeTo(dir: Sym | null, p: Sym): Sym {
  if (!dir || isAbsolute(p)) return p;
  return [...dir, '/', ...p];
}

/** An argument given to a program without a shell: its glob characters still match for programs that read them as patterns (find -path, rsync, tar --wildcards). */
export function globbed(word: Sym): Sym {
  const out: Sym = [];
  for (const p of word) {
    if (typeof p !== 'string') out.push(p);
    else
      for (const piece of p.split(/([*?[\]{}])/))
        if (piece === '') continue;
        else if (GLOB_CHARS.has(piece)) out.push(globPart());
        else if (typeof out[out.length - 1] === 'string') out[out.length - 1] = (out[out.length - 1] as string) + piece;
        else out.push(piece);
  }
  return out;
}
