import { DATA_ROOT, unknownPart, type Part, type Sym } from './fold.js';

/**
 * Reading SQL text as the boundary checks need it: which files a statement makes the database write, and
 * which tables, triggers and functions a statement changes. Written by hand because the checks read SQL
 * that is only partly known (folded text with holes where a value cannot be read) in two dialects (SQLite,
 * PostgreSQL), and need only the names in write positions: a full SQL parser would refuse the holes.
 *
 * One tokenizer reads the text left to right, knowing per position whether it is in a string, a quoted
 * name, a comment or a dollar-quoted body. Where the dialects lex the same text differently (E'\'' is one
 * string in PostgreSQL and a string and a half in SQLite; /* /* *\/ nests only in PostgreSQL; [x] and `x`
 * are names only in SQLite), the text is read once per dialect and what either reading writes counts.
 */

/**
 * Methods of database clients that run the SQL text they are given: better-sqlite3, node:sqlite and sqlite3
 * (exec, prepare, run, all, get, each), pg and mysql2 (query, execute), postgres.js (unsafe), knex (raw), Prisma's raw calls.
 */
export const SQL_RUNNERS = new Set(['exec', 'prepare', 'run', 'all', 'get', 'each', 'query', 'execute', 'unsafe', 'raw', '$queryRawUnsafe', '$executeRawUnsafe']);

/**
 * The triggers and indexes the run store's migrations make, by the table they belong to. A DROP/ALTER of
 * one of these names changes that table's guard; any other name (sessions_log_user) is not the store's.
 * A test keeps this in step with the migrations.
 */
export const STORE_OBJECTS: Readonly<Record<string, string>> = {
  run_artifacts_no_update: 'run_artifacts',
  run_artifacts_no_delete: 'run_artifacts',
  run_artifacts_immutable: 'run_artifacts',
  run_artifacts_no_truncate: 'run_artifacts',
  run_attachments_immutable: 'run_attachments',
  run_attachments_no_truncate: 'run_attachments',
  run_chain_head_forward_only: 'run_chain_head',
  run_chain_head_no_delete: 'run_chain_head',
  run_chain_head_no_truncate: 'run_chain_head',
  run_index_session: 'run_index',
  run_index_status: 'run_index',
  run_index_kind: 'run_index',
  run_index_created: 'run_index',
};

/** the PostgreSQL schema the store uses unless configured otherwise (libs/rmos/runs DEFAULT_PG_SCHEMA) */
const STORE_SCHEMA = 'rmos_runs';

/** a hole in the text: a part of the SQL the fold could not read, kept as HOLE index END */
const HOLE = '\u0001';
const HOLE_END = '\u0002';

/** The folded SQL as text, each unknown part a marker that keeps its index into `holes`. */
function withHoles(sql: Sym): { text: string; holes: Part[] } {
  const holes: Part[] = [];
  const text = sql.map((p) => (typeof p === 'string' ? p : `${HOLE}${holes.push(p) - 1}${HOLE_END}`)).join('');
  return { text, holes };
}

/** text with markers back to a Sym */
function toSym(text: string, holes: Part[]): Sym {
  return text.split(/\u0001(\d+)\u0002/).map((piece, i) => (i % 2 === 1 ? holes[Number(piece)]! : piece)).filter((p) => p !== '');
}

interface Tok {
  kind: 'word' | 'quoted' | 'string' | 'punct';
  /** word: as written; quoted or string: the value, escapes undone; punct: the character. Holes stay as markers. */
  text: string;
  /** holds a hole: its value cannot be read */
  holes: boolean;
  /** offsets in the text, for messages */
  start: number;
  end: number;
  /** U&"…": PostgreSQL escapes that spell a name the check does not decode */
  unicode?: boolean;
  /** a lexical error the dialect refuses the statement for (an unterminated string; `*` `/` in SQLite) */
  error?: boolean;
}

/** How a dialect lexes: PostgreSQL (nested comments, E'…', $tag$…$tag$) or SQLite ([x], `x`); `backslash`: PostgreSQL with standard_conforming_strings off. */
interface Dialect {
  pg: boolean;
  backslash: boolean;
}
const READINGS: Dialect[] = [
  { pg: false, backslash: false },
  { pg: true, backslash: false },
  { pg: true, backslash: true },
];

const WORD_CHAR = /[\w$\u0001\u0002\u0080-\uffff]/;
const DOLLAR_TAG = /\$(?:[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)?\$/y;

/** A name token's text as a pattern: its known text, each hole any text (a hole in a name stands for name characters). */
function namePattern(tok: Tok): string {
  return `^${tok.text.split(/\u0001\d+\u0002/).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`;
}

/** whether a name token, its holes read as any text, may be `name` */
function couldBe(tok: Tok, name: string): boolean {
  if (tok.unicode) return true;
  return new RegExp(namePattern(tok), 'i').test(name);
}

/** The tokens of a SQL text in one dialect: comments and whitespace dropped. */
function tokenize(text: string, d: Dialect): Tok[] {
  const toks: Tok[] = [];
  const n = text.length;
  let i = 0;
  // a quoted run from i (just after the opening quote) to `close`; `doubled`: the quote doubled is the quote; `escapes`: backslash escapes
  const quoted = (kind: Tok['kind'], start: number, close: string, doubled: boolean, escapes: boolean, extra: Partial<Tok> = {}) => {
    let value = '';
    let closed = false;
    while (i < n) {
      const c = text[i]!;
      if (escapes && c === '\\' && i + 1 < n) {
        value += text[i + 1];
        i += 2;
      } else if (c === close && doubled && text[i + 1] === close) {
        value += close;
        i += 2;
      } else if (c === close) {
        i++;
        closed = true;
        break;
      } else {
        value += c;
        i++;
      }
    }
    const holes = value.includes(HOLE);
    // unterminated: a lexical error, unless a hole may hold the closing quote
    toks.push({ kind, text: value, holes, start, end: i, error: !closed && !holes, ...extra });
  };
  while (i < n) {
    const c = text[i]!;
    const start = i;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      while (i < n && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      // PostgreSQL nests block comments, SQLite ends one at the first */; unterminated runs to the end
      let depth = 0;
      while (i < n) {
        if (text[i] === '/' && text[i + 1] === '*' && (d.pg || depth === 0)) {
          depth++;
          i += 2;
        } else if (text[i] === '*' && text[i + 1] === '/') {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
    } else if (c === "'") {
      i++;
      quoted('string', start, "'", true, d.backslash);
    } else if (c === '"') {
      i++;
      quoted('quoted', start, '"', true, false);
    } else if (!d.pg && c === '`') {
      i++;
      quoted('quoted', start, '`', true, false);
    } else if (!d.pg && c === '[') {
      i++;
      quoted('quoted', start, ']', false, false);
    } else if (d.pg && c === '$' && (DOLLAR_TAG.lastIndex = i, DOLLAR_TAG.test(text))) {
      const tag = text.slice(i, DOLLAR_TAG.lastIndex);
      const close = text.indexOf(tag, DOLLAR_TAG.lastIndex);
      const body = text.slice(DOLLAR_TAG.lastIndex, close < 0 ? n : close);
      i = close < 0 ? n : close + tag.length;
      const holes = body.includes(HOLE);
      toks.push({ kind: 'string', text: body, holes, start, end: i, error: close < 0 && !holes });
    } else if (WORD_CHAR.test(c)) {
      while (i < n && WORD_CHAR.test(text[i]!)) i++;
      const word = text.slice(start, i);
      if (d.pg && /^e$/i.test(word) && text[i] === "'") {
        // E'…': backslash escapes in PostgreSQL
        i++;
        quoted('string', start, "'", true, true);
      } else if (d.pg && /^u$/i.test(word) && text[i] === '&' && (text[i + 1] === '"' || text[i + 1] === "'")) {
        i += 2;
        if (text[i - 1] === '"') quoted('quoted', start, '"', true, false, { unicode: true });
        else quoted('string', start, "'", true, d.backslash);
      } else toks.push({ kind: 'word', text: word, holes: word.includes(HOLE), start, end: i });
    } else {
      i++;
      // `*` then `/` (not a comment's start) is no SQLite grammar: such a statement is refused
      const error = !d.pg && c === '*' && text[i] === '/' && text[i + 1] !== '*';
      toks.push({ kind: 'punct', text: c, holes: false, start, end: i, error });
    }
  }
  return toks;
}

/** One name a statement changes: `name` is null where the text at that place cannot be read. */
export interface SqlWrite {
  /** the name as the database reads it: unquoted, lower case, without its schema */
  name: string | null;
  /**
   * where the name is only partly known (`users_${id}`): the pattern (case-insensitive) the names it may be match,
   * its holes any text. Absent where nothing of it can be read: it may be any name.
   */
  pattern?: string;
  /** a table (or view) named exactly; or the name of a trigger, index or function */
  role: 'table' | 'object';
  /** the statement, for messages */
  statement: string;
}

interface Reading {
  writes: SqlWrite[];
  every: string[];
  files: Sym[];
  /** load_extension( is called: native code */
  native: boolean;
}

/** words that stand after UPDATE, TRUNCATE or CREATE INDEX where no table is named (BEFORE UPDATE ON t, ON UPDATE SET NULL, FOR UPDATE OF t) */
const NOT_A_NAME = new Set(['on', 'of', 'set', 'or', 'from', 'where', 'cascade', 'restrict', 'no', 'nowait', 'skip']);
const TABLE_KINDS = ['table', 'view'];
/** verbs whose next word says what they change: a part the check cannot read there may be anything */
const CHANGING_VERBS = new Set(['drop', 'alter', 'delete', 'update', 'insert', 'replace', 'truncate', 'create', 'merge', 'pragma']);
const OBJECT_KINDS = ['trigger', 'index', 'function', 'procedure', 'routine', 'rule', 'policy', 'aggregate'];
/** words between CREATE and what it makes */
const CREATE_MODS = new Set(['or', 'replace', 'global', 'local', 'temp', 'temporary', 'unlogged', 'virtual', 'materialized', 'foreign', 'recursive', 'constraint', 'unique']);
const SCHEMA_TABLES = new Set(['sqlite_master', 'sqlite_schema', 'sqlite_temp_master', 'sqlite_temp_schema']);

/**
 * Server-side functions that write a file, and the arguments that name it: lo_export(oid, file); adminpack's
 * pg_file_write(file, data, append), pg_file_rename(old, new [, archive]) (the old name is changed too) and
 * pg_file_unlink(file). (lo_import reads a file into a large object: no protected file or table is written.)
 */
const FILE_FUNCTIONS: Readonly<Record<string, number[]>> = { lo_export: [1], pg_file_write: [0], pg_file_rename: [0, 1, 2], pg_file_unlink: [0] };
/** PostgreSQL functions that run SQL given to them as text: dblink's, and the XML and text-search ones that run a query */
const SQL_FUNCTIONS = new Set(['dblink', 'dblink_exec', 'dblink_send_query', 'dblink_open', 'query_to_xml', 'query_to_xmlschema', 'query_to_xml_and_xmlschema', 'ts_stat']);

/**
 * A SQLite URI filename that opens the file read-only: file:…?mode=ro (every mode parameter ro, percent escapes
 * decoded as SQLite decodes them), every part of the query known. ATTACH of such a file writes nothing; where the
 * connection takes no URIs the text is a file named "file:…", which is no path under the data root.
 */
function readOnlyUri(file: Sym): boolean {
  if (typeof file[0] !== 'string' || !/^file:/i.test(file[0])) return false;
  const q = file.findIndex((p) => typeof p === 'string' && p.includes('?'));
  if (q < 0 || file.slice(q + 1).some((p) => typeof p !== 'string')) return false;
  const query = (file.slice(q).join('') as string).slice((file[q] as string).indexOf('?') + 1).split('#')[0]!;
  let decoded: string[];
  try {
    decoded = query.split('&').map((kv) => decodeURIComponent(kv.replace(/\+/g, ' ')));
  } catch {
    return false;
  }
  const modes = decoded.filter((kv) => /^mode=/i.test(kv)).map((kv) => kv.slice(5));
  return modes.length > 0 && modes.every((m) => m === 'ro');
}

/** Reads one SQL text (with holes) in every dialect; `body`: the text is a PL/pgSQL body (EXECUTE runs a string). */
function readSql(sql: Sym, body = false, depth = 0): Reading {
  const out: Reading = { writes: [], every: [], files: [], native: false };
  const seen = new Set<string>();
  const { text, holes } = withHoles(sql);
  for (const d of READINGS) {
    if (d.backslash && !text.includes('\\')) continue; // reads like the standard PostgreSQL reading
    const toks = tokenize(text, d);
    let from = 0;
    let count = 0;
    for (let i = 0; i <= toks.length; i++) {
      if (i < toks.length && !(toks[i]!.kind === 'punct' && toks[i]!.text === ';')) continue;
      const stmt = toks.slice(from, i);
      from = i + 1;
      // a statement the dialect cannot lex does not run
      if (!stmt.length || stmt.some((t) => t.error)) continue;
      const shown = text.slice(stmt[0]!.start, stmt.at(-1)!.end).replace(/\s+/g, ' ').replace(/\u0001\d+\u0002/g, '<?>');
      // (an anonymous ? counts from the text's start: only in its first statement is its place in the statement its number)
      const r = readStatement(stmt, shown, d, holes, body, depth, count++ === 0);
      for (const w of r.writes) {
        const key = `${w.role}:${w.name}:${w.pattern ?? ''}`;
        if (!seen.has(key)) seen.add(key), out.writes.push(w);
      }
      for (const e of r.every) if (!out.every.includes(e)) out.every.push(e);
      out.native ||= r.native;
      for (const f of r.files) {
        const key = JSON.stringify(f);
        if (!seen.has(key)) seen.add(key), out.files.push(f);
      }
    }
  }
  return out;
}

/** The names, files and every-table switches of one statement (its tokens, without the `;`). */
function readStatement(t: Tok[], shown: string, d: Dialect, holes: Part[], body: boolean, depth: number, first = true): Reading {
  const out: Reading = { writes: [], every: [], files: [], native: false };
  const word = (i: number) => (t[i]?.kind === 'word' && !t[i]!.holes ? t[i]!.text.toLowerCase() : null);
  const is = (i: number, ...words: string[]) => words.includes(word(i) ?? '\0');
  const punct = (i: number, c: string) => t[i]?.kind === 'punct' && t[i]!.text === c;
  const sym = (tok: Tok) => toSym(tok.text, holes);
  const write = (name: string | null, role: SqlWrite['role'], pattern?: string) => out.writes.push({ name, role, statement: shown, ...(pattern ? { pattern } : {}) });
  const isNamePart = (i: number) => t[i] !== undefined && (t[i]!.kind === 'word' || t[i]!.kind === 'quoted' || t[i]!.kind === 'string');

  /** a (schema-qualified) name at i, compared by its last part; a quoted name or a SQLite 'string' name counts */
  const nameAt = (i: number): { name: string | null; end: number; pattern?: string } | null => {
    if (!isNamePart(i)) return null;
    let last = i;
    while (punct(last + 1, '.') && isNamePart(last + 2)) last += 2;
    const tok = t[last]!;
    // a name with a hole keeps what is known of it (users_${id} cannot be run_artifacts); U&"…" escapes may spell any name
    return { name: tok.holes || tok.unicode ? null : tok.text.toLowerCase(), end: last + 1, ...(tok.holes && !tok.unicode ? { pattern: namePattern(tok) } : {}) };
  };
  /** past balanced parentheses at i (a function's argument list, a column list) */
  const skipParens = (i: number) => {
    if (!punct(i, '(')) return i;
    for (let level = 0; i < t.length; i++) {
      if (punct(i, '(')) level++;
      else if (punct(i, ')') && --level === 0) return i + 1;
    }
    return i;
  };
  const ifExists = (i: number) => (is(i, 'if') && is(i + 1, 'exists') ? i + 2 : is(i, 'if') && is(i + 1, 'not') && is(i + 2, 'exists') ? i + 3 : i);
  /** a list of names from i: `a, b`, each maybe ONLY x, x *, or f(args) */
  const names = (i: number, role: SqlWrite['role']) => {
    for (;;) {
      if (is(i, 'only')) i++;
      const n = nameAt(i);
      if (!n || (n.name !== null && NOT_A_NAME.has(n.name))) return i;
      write(n.name, role, n.pattern);
      i = skipParens(n.end);
      if (punct(i, '*')) i++;
      if (!punct(i, ',')) return i;
      i++;
    }
  };
  /** literal text an expression spells from i: strings joined by ||, every other part unknown; null if it holds no string */
  const expr = (i: number, stops: (j: number) => boolean): Sym | null => {
    const parts: Sym = [];
    let any = false;
    for (let level = 0; i < t.length; i++) {
      if (level === 0 && stops(i)) break;
      if (punct(i, '(')) level++;
      if (punct(i, ')') && --level < 0) break;
      if (t[i]!.kind === 'string') {
        parts.push(...sym(t[i]!));
        any = true;
      } else if (punct(i, '|') && (punct(i + 1, '|') || punct(i - 1, '|'))) continue;
      // E'…', N'…', X'…' read in SQLite as a word and a string: the word is the string's prefix
      else if (/^[enxbu]$/i.test(t[i]!.text) && t[i + 1]?.kind === 'string' && t[i + 1]!.start === t[i]!.end) continue;
      else if (typeof parts.at(-1) !== 'object') parts.push(unknownPart('a part of the SQL expression the check does not read'));
    }
    return any ? parts : null;
  };
  /**
   * The file an expression at i names: its literal text (expr), or, where it holds no string at all (a bound parameter
   * ?, ?1, :name, @name, $name, $1; a function of other values; a subquery), a file that cannot be read under the data
   * root (fail closed). A bound parameter is marked (`param`: its position, or its name) so a caller that sees the
   * values bound to it can put them in its place.
   */
  const fileAt = (i: number, stops: (j: number) => boolean): Sym | null => {
    const e = expr(i, stops);
    if (e || i >= t.length || stops(i) || punct(i, ')') || punct(i, ';')) return e;
    const tok = t[i]!;
    const next = t[i + 1];
    // (a part of the text the folding could not read: a file that cannot be read, as an unknown path is; a name is a
    // file of that name: SQLite reads ATTACH x and, where double-quoted strings are allowed, ATTACH "x" as the file x)
    if (tok.holes) return null;
    if (tok.kind === 'quoted' || (tok.kind === 'word' && !tok.text.startsWith('$') && !(next?.kind === 'punct' && next.text === '('))) return sym(tok);
    let param: string | undefined;
    const glued = next && next.start === tok.end && next.kind === 'word' ? next.text : null;
    if (tok.kind === 'punct' && tok.text === '?') param = glued && /^\d+$/.test(glued) ? glued : !first ? undefined : String(t.slice(0, i + 1).filter((x, k) => x.kind === 'punct' && x.text === '?' && !(t[k + 1]?.kind === 'word' && t[k + 1]!.start === x.end && /^\d/.test(t[k + 1]!.text))).length);
    else if (tok.kind === 'punct' && (tok.text === ':' || tok.text === '@') && glued) param = glued;
    else if (tok.kind === 'word' && /^\$\d+$/.test(tok.text)) param = tok.text.slice(1);
    else if (tok.kind === 'word' && /^\$\w+$/.test(tok.text)) param = tok.text.slice(1);
    const part: Part = param !== undefined ? { kind: 'unknown', why: `the value bound to the parameter ${tok.text}${glued && tok.kind === 'punct' ? glued : ''}`, param, sql: true } : { kind: 'unknown', why: `a file name the SQL computes (${tok.text}…)`, sql: true };
    return [DATA_ROOT, '/', part];
  };
  /** where each argument of the parenthesised list at i starts */
  const argumentsAt = (i: number): number[] => {
    const starts = [i + 1];
    for (let k = i + 1, level = 0; k < t.length; k++) {
      if (punct(k, '(')) level++;
      else if (punct(k, ')') && --level < 0) break;
      else if (level === 0 && punct(k, ',')) starts.push(k + 1);
    }
    return punct(i + 1, ')') ? [] : starts;
  };
  // the arguments of a SQL-running function that hold its SQL, by its signatures: dblink(conn, sql [, fail]) and
  // dblink(sql [, fail]) (likewise dblink_exec), dblink_send_query(conn, sql), dblink_open([conn,] cursor, sql [, fail]),
  // query_to_xml(sql, nulls, forest, ns) and its schema forms, ts_stat(sql [, weights]). A two-argument dblink whose
  // second argument is a boolean constant has its SQL first, a string constant second (PostgreSQL resolves an
  // unknown literal there as text), anything else either; an unexpected count: every argument.
  const sqlArguments = (fn: string, list: number[]): number[] => {
    const lone = (k: number) => punct(k + 1, ',') || punct(k + 1, ')');
    const bool = (k: number | undefined) => k !== undefined && is(k, 'true', 'false') && lone(k);
    const str = (k: number | undefined) => k !== undefined && t[k]?.kind === 'string' && !t[k]!.holes && lone(k);
    const n = list.length;
    const pick = (...at: number[]) => at.map((k) => list[k]!);
    if (fn === 'dblink' || fn === 'dblink_exec') return n === 1 ? pick(0) : n === 2 ? (bool(list[1]) ? pick(0) : str(list[1]) ? pick(1) : pick(0, 1)) : n === 3 ? pick(1) : list;
    if (fn === 'dblink_send_query') return n === 2 ? pick(1) : list;
    if (fn === 'dblink_open') return n === 2 ? pick(1) : n === 3 ? (bool(list[2]) ? pick(1) : str(list[2]) ? pick(2) : pick(1, 2)) : n === 4 ? pick(2) : list;
    if (fn === 'ts_stat') return n === 1 || n === 2 ? pick(0) : list;
    return n === 4 ? pick(0) : list;
  };
  const nested = (s: Sym, asBody: boolean) => {
    if (depth > 3) return;
    const r = readSql(s, asBody, depth + 1);
    out.writes.push(...r.writes);
    out.every.push(...r.every);
    out.files.push(...r.files);
    out.native ||= r.native;
  };

  // a statement whose first word cannot be read may be any statement: it changes the tables it names
  if (t[0]!.kind === 'word' && t[0]!.text.startsWith(HOLE))
    for (const tok of t.slice(1)) if ((tok.kind === 'word' || tok.kind === 'quoted') && !tok.holes && !/^\d+$/.test(tok.text)) write(tok.text.toLowerCase(), 'table');

  // a verb that changes things glued to, or followed by, a part the check cannot read (DROP ${kind} …, UPDATE${x}):
  // what it changes cannot be named, so it may be a protected table (fail closed)
  for (let i = 0; i < t.length; i++) {
    const tok = t[i]!;
    if (tok.kind !== 'word') continue;
    const lead = tok.text.split(HOLE)[0]!.toLowerCase();
    const prev = t[i - 1];
    const afterVerb = prev?.kind === 'word' && CHANGING_VERBS.has(prev.text.toLowerCase());
    const glued = tok.holes && (CHANGING_VERBS.has(lead) || (afterVerb && (OBJECT_KINDS.includes(lead) || ['table', 'view', 'schema', 'database', 'from', 'into'].includes(lead))));
    const next = t[i + 1];
    const followed = !tok.holes && CHANGING_VERBS.has(tok.text.toLowerCase()) && next?.kind === 'word' && next.text.startsWith(HOLE);
    if (glued || followed) write(null, 'object');
  }

  // DO runs its body; a function's or procedure's body runs when it is called (PostgreSQL)
  if (d.pg && is(0, 'do')) for (const tok of t) if (tok.kind === 'string') nested(sym(tok), true);

  // every statement in the text, wherever it starts (inside WITH, a trigger's BEGIN … END, a rule's DO INSTEAD, PREPARE … AS)
  for (let i = 0; i < t.length; i++) {
    // (a function may be called by its quoted name: "dblink_exec"(…), case and all)
    const quotedCall = t[i]!.kind === 'quoted' && !t[i]!.holes && punct(i + 1, '(') ? t[i]!.text : null;
    const w = word(i) ?? (quotedCall !== null && (Object.hasOwn(FILE_FUNCTIONS, quotedCall) || SQL_FUNCTIONS.has(quotedCall) || quotedCall === 'load_extension') ? quotedCall : null);
    if (!w) continue;
    let j = i + 1;
    if (w === 'insert') {
      if (is(j, 'or')) j += 2;
      if (is(j, 'into')) names(j + 1, 'table');
    } else if ((w === 'replace' && !is(i - 1, 'or')) || w === 'merge') {
      if (is(j, 'into')) names(j + 1, 'table');
    } else if (w === 'update') {
      // UPDATE [OR x] [ONLY] t [*] [NOT INDEXED | INDEXED BY i] [[AS] alias] SET: the statement, not a trigger's event or a lock
      if (is(j, 'or')) j += 2;
      if (is(j, 'only')) j++;
      const n = nameAt(j);
      if (!n || (n.name !== null && NOT_A_NAME.has(n.name))) continue;
      let k = n.end;
      while (k < n.end + 5 && !is(k, 'set') && (t[k]?.kind === 'word' || t[k]?.kind === 'quoted' || punct(k, '*'))) k++;
      if (is(k, 'set')) write(n.name, 'table', n.pattern);
    } else if (w === 'delete') {
      if (is(j, 'from')) names(j + 1, 'table');
    } else if (w === 'truncate') {
      names(is(j, 'table') ? j + 1 : j, 'table');
    } else if (w === 'copy') {
      // COPY t [(cols)] FROM: rows written; COPY … TO 'file': a file written; … PROGRAM: a shell command run
      let k = j;
      while (k < t.length && !is(k, 'to', 'from')) k = punct(k, '(') ? skipParens(k) : k + 1;
      if (is(k, 'from') && nameAt(j)) write(nameAt(j)!.name, 'table', nameAt(j)!.pattern);
      if (is(k + 1, 'program')) {
        const command = expr(k + 2, () => false) ?? [];
        for (const piece of command) if (typeof piece === 'string') for (const p of piece.split(/\s+/)) if (p) out.files.push([p]);
        out.files.push([DATA_ROOT, '/', unknownPart('the files of a shell command COPY … PROGRAM runs (fail closed)')]);
      } else if (is(k, 'to')) {
        const file = fileAt(k + 1, (x) => is(x, 'with', 'delimiter', 'csv', 'binary', 'header'));
        if (file) out.files.push(file);
      }
    } else if (w === 'attach') {
      const file = fileAt(is(j, 'database') ? j + 1 : j, (x) => is(x, 'as', 'key'));
      if (file && !readOnlyUri(file)) out.files.push(file);
    } else if (w === 'vacuum') {
      if (!is(j, 'into')) j++;
      const file = is(j, 'into') ? fileAt(j + 1, () => false) : null;
      if (file) out.files.push(file);
    } else if (d.pg && w === 'call') {
      // CALL runs a procedure whose body is in the database, not in this text: what it changes cannot be read (fail closed)
      write(null, 'object');
    } else if (Object.hasOwn(FILE_FUNCTIONS, w) && punct(j, '(')) {
      // server-side functions that write the files named at these arguments (lo_export, adminpack's pg_file_write …)
      const list = argumentsAt(j);
      for (const at of FILE_FUNCTIONS[w]!) {
        const arg = list[at];
        const file = arg ? fileAt(arg, (x) => punct(x, ',')) : null;
        if (file) out.files.push(file);
      }
    } else if (d.pg && SQL_FUNCTIONS.has(w) && punct(j, '(')) {
      // functions that run SQL text they are given (dblink_exec, query_to_xml …): the argument that is the SQL is read
      // as SQL; one the check cannot read may be any statement (fail closed). Which argument that is follows from
      // their signatures (sqlArguments); where the count leaves it open, each argument is read. A connection string
      // or a boolean reads as no write.
      const list = argumentsAt(j);
      for (const arg of sqlArguments(w, list)) {
        if (is(arg, 'true', 'false') && (punct(arg + 1, ',') || punct(arg + 1, ')'))) continue;
        const text = expr(arg, (x) => punct(x, ','));
        if (!text || text.some((p) => typeof p !== 'string')) write(null, 'object');
        else nested(text, false);
      }
    } else if (w === 'load_extension' && punct(j, '(')) {
      out.native = true;
    } else if (d.pg && w === 'load' && i === 0) {
      // PostgreSQL's LOAD 'library' runs a shared library's native code in the server (fail closed)
      out.native = true;
    } else if (w === 'pragma') {
      // PRAGMA writable_schema reads the setting; = 1 or (1) switches it
      const n = nameAt(j);
      if (n && (n.name === null || (n.name === 'writable_schema' && (punct(n.end, '=') || punct(n.end, '(') || t[n.end]?.holes)))) out.every.push(`PRAGMA ${n.name ?? '<?>'}`);
    } else if (w === 'create' || w === 'drop' || w === 'alter') {
      while (CREATE_MODS.has(word(j) ?? '')) j++;
      const kind = word(j);
      if (w === 'drop' && kind === 'owned') out.every.push('DROP OWNED');
      if (w === 'drop' && kind === 'database') out.every.push('DROP DATABASE');
      if (kind === 'schema' || kind === 'language' || kind === 'extension') everySchema(w, j + 1);
      if (TABLE_KINDS.includes(kind ?? '')) {
        const k = ifExists(j + 1);
        if (w === 'drop') names(k, 'table');
        else {
          const n = nameAt(is(k, 'only') ? k + 1 : k);
          if (n) write(n.name, 'table', n.pattern);
          // PostgreSQL: a table made a child (INHERITS (t), ALTER TABLE x INHERIT t) or a partition (PARTITION OF t,
          // ATTACH PARTITION) of t adds rows every read of t returns, which t's own triggers never see
          if (kind === 'table' && n)
            for (let x = n.end; x < t.length; x++) {
              if (is(x, 'inherits') && punct(x + 1, '(')) names(x + 2, 'table');
              else if (is(x, 'inherit') && !is(x - 1, 'no')) names(x + 1, 'table');
              else if (is(x, 'partition') && is(x + 1, 'of')) names(x + 2, 'table');
            }
        }
      } else if (OBJECT_KINDS.includes(word(j) ?? '')) {
        const objectKind = word(j)!;
        let k = ifExists(is(j + 1, 'concurrently') ? j + 2 : j + 1);
        if (w === 'drop') k = names(k, 'object');
        else {
          const n = nameAt(k);
          if (n && !(n.name !== null && NOT_A_NAME.has(n.name))) write(n.name, 'object', n.pattern), (k = n.end);
        }
        // the table it is made on or dropped from; the table a rule rewrites (ON INSERT TO t)
        while (k < t.length && !is(k, 'on')) k++;
        if (is(k, 'on')) {
          k++;
          if (objectKind === 'rule' && is(k, 'select', 'insert', 'update', 'delete') && is(k + 1, 'to')) k += 2;
          if (objectKind === 'trigger' || objectKind === 'index' || objectKind === 'policy' || objectKind === 'rule') {
            const n = nameAt(is(k, 'only') ? k + 1 : k);
            if (n) write(n.name, 'table', n.pattern);
          }
        }
        // a function's body: the strings after AS, read as SQL
        if (w === 'create' && (objectKind === 'function' || objectKind === 'procedure')) {
          const as = t.findIndex((tok, x) => x > j && tok.kind === 'word' && tok.text.toLowerCase() === 'as');
          if (as > 0) for (const tok of t.slice(as + 1)) if (tok.kind === 'string') nested(sym(tok), true);
        }
      }
    } else if (w === 'execute' && body) {
      // PL/pgSQL's EXECUTE runs the string it is given; in EXECUTE format('…', …) the first string is the text,
      // its %I, %L, %s the names and values the check cannot read
      if (is(j, 'format') && punct(j + 1, '(') && t[j + 2]?.kind === 'string')
        nested(sym(t[j + 2]!).flatMap((p) => (typeof p === 'string' ? p.split(/(%(?:\d+\$)?-?[ILs])/).map((q, x) => (x % 2 ? unknownPart('a format() placeholder') : q)) : [p])).filter((p) => p !== ''), true);
      else {
        const s = expr(j, (x) => is(x, 'using', 'into'));
        if (s) nested(s, true);
      }
    }
  }

  /**
   * DROP SCHEMA … CASCADE drops every table in it; ALTER SCHEMA … RENAME moves them away: the store's schema
   * (rmos_runs unless configured), or a name partly known that could be it. A schema whose known text cannot
   * be rmos_runs (a test's "workflow_test_<?>") is not the store's. plpgsql dropped with CASCADE takes the
   * trigger functions with it.
   */
  function everySchema(verb: string, i: number) {
    const kind = word(i - 1)!;
    const target = kind === 'schema' ? STORE_SCHEMA : 'plpgsql';
    const list: Tok[] = [];
    let e = verb === 'drop' ? ifExists(i) : i;
    for (let n = nameAt(e); n; n = punct(n.end, ',') ? nameAt(n.end + 1) : null) list.push(t[n.end - 1]!), (e = n.end);
    const cascade = t.slice(e).some((x) => x.holes || (x.kind === 'word' && /^cascade$/i.test(x.text)));
    // a schema name that is wholly unknown may be the store's (fail closed): a test drops its own by a prefix the SQL spells
    if (!list.some((tok) => couldBe(tok, target))) return;
    if (verb === 'drop' && cascade) out.every.push(`DROP ${kind.toUpperCase()} ${target} … CASCADE`);
    if (verb === 'alter' && kind === 'schema') out.every.push(`ALTER SCHEMA ${target}`);
  }

  // writes to SQLite's schema table rewrite every table and trigger; writes to PostgreSQL's system catalogs
  // (pg_trigger's tgenabled, pg_proc's prosrc, pg_class, pg_settings …, all named pg_*) switch off or rewrite
  // triggers and tables without naming them
  for (const w of out.writes)
    if (w.role === 'table' && w.name !== null && (SCHEMA_TABLES.has(w.name) || w.name.startsWith('pg_'))) out.every.push(w.name);

  // a setting named by a part the check cannot read (SET ${name}, a U&"…" name, ALTER ROLE … SET it, set_config($1, …))
  // may be session_replication_role (fail closed)
  const unreadableName = (k: number) => {
    const tok = t[k];
    if (!tok) return false;
    if (tok.holes || tok.unicode) return true;
    return !(tok.kind === 'word' || tok.kind === 'quoted' || tok.kind === 'string');
  };
  const settingAt = (k: number) => (is(k, 'session', 'local') && !is(k + 1, 'authorization', 'characteristics', 'time') ? k + 1 : k);
  if (d.pg) {
    if (is(0, 'set') && unreadableName(settingAt(1))) out.every.push('SET <a setting the check cannot read>');
    if (is(0, 'alter') && !is(1, 'table', 'view', 'index', 'sequence', 'materialized', 'foreign'))
      for (let x = 2; x < t.length; x++) if (is(x, 'set') && unreadableName(x + 1)) out.every.push('ALTER … SET <a setting the check cannot read>');
    for (let x = 0; x < t.length; x++) {
      const named = word(x) === 'set_config' || (t[x]!.kind === 'quoted' && !t[x]!.holes && t[x]!.text === 'set_config');
      if (!named || !punct(x + 1, '(')) continue;
      const first = t[x + 2];
      const constant = first?.kind === 'string' && !first.holes && (punct(x + 3, ',') || punct(x + 3, ')'));
      if (!constant) out.every.push('set_config(<a setting the check cannot read>)');
    }
  }

  // PostgreSQL's replica role skips ordinary triggers: set by SET, ALTER … SET, set_config() or an UPDATE of pg_settings; SHOW and plain reads do not
  if (t.some((x) => (x.kind === 'word' || x.kind === 'string' || x.kind === 'quoted') && x.text.toLowerCase() === 'session_replication_role')) {
    const reads = is(0, 'show') || (is(0, 'select') && !t.some((x) => x.kind === 'word' && /^(?:set_config|update|insert|delete)$/i.test(x.text)));
    if (!reads) out.every.push('session_replication_role');
  }
  return out;
}

/**
 * The files a SQL text writes, as folded paths (an unknown part of the SQL stays unknown in the path). A SQLite
 * URI filename (file:path?mode=rwc) is its path. COPY … TO/FROM PROGRAM runs a shell command, whose writes
 * cannot be followed: it gives a path under the data root that cannot be read (fail closed).
 */
export function sqlFileNames(sql: Sym): Sym[] {
  return readSql(sql).files.map((file) => {
    const { text, holes } = withHoles(file);
    return toSym(text.replace(/^file:(?!\/\/)/i, '').replace(/\?[^\u0001\u0002]*$/, ''), holes);
  });
}

/** Whether a SQL text calls SQLite's load_extension() (native code), read from tokens: not in a string or comment, also with a comment before its ( */
export function sqlLoadsExtension(sql: Sym): boolean {
  return readSql(sql).native;
}

/**
 * The names a SQL text changes, and whether it switches off every trigger or rewrites the schema (then
 * `everyTable` says how). Words in strings, quoted names, comments and dollar-quoted values are not
 * statements; the bodies of DO blocks and functions, and what their EXECUTE runs, are.
 */
export function sqlWrites(sql: Sym): { writes: SqlWrite[]; everyTable: string | null } {
  const r = readSql(sql);
  return { writes: r.writes, everyTable: r.every[0] ?? null };
}

/**
 * Whether a changed name is one of `names`: a table, trigger function or other object by its exact name, a
 * trigger or index the store makes on one of the tables; an unreadable name may be any of them.
 */
export function writesAny(write: SqlWrite, names: readonly string[]): boolean {
  if (write.name === null) {
    if (write.pattern === undefined) return true;
    const may = new RegExp(write.pattern, 'i');
    return names.some((n) => may.test(n)) || (write.role === 'object' && Object.entries(STORE_OBJECTS).some(([o, table]) => may.test(o) && names.includes(table)));
  }
  const name = write.name;
  return names.includes(name) || (write.role === 'object' && Object.hasOwn(STORE_OBJECTS, name) && names.includes(STORE_OBJECTS[name]!));
}
