import type { Part, Sym } from './fold.js';

/**
 * Reading SQL text as the boundary checks need it: which files a statement makes SQLite write, and which
 * tables, triggers and functions a statement changes. Written by hand because the checks read SQL that is
 * only partly known (folded text with holes where a value cannot be read) in two dialects (SQLite,
 * PostgreSQL), and need only the names in write positions: a full SQL parser would refuse the holes.
 */

/**
 * Methods of database clients that run the SQL text they are given: better-sqlite3, node:sqlite and sqlite3
 * (exec, prepare, run, all, get, each), pg and mysql2 (query, execute), postgres.js (unsafe), knex (raw), Prisma's raw calls.
 */
export const SQL_RUNNERS = new Set(['exec', 'prepare', 'run', 'all', 'get', 'each', 'query', 'execute', 'unsafe', 'raw', '$queryRawUnsafe', '$executeRawUnsafe']);

/** a hole in the text: a part of the SQL the fold could not read */
const HOLE = '\u0001';

/** The folded SQL as text, each unknown part a marker that keeps its index into `holes`. */
function withHoles(sql: Sym): { text: string; holes: Part[] } {
  const holes: Part[] = [];
  const text = sql.map((p) => (typeof p === 'string' ? p : `${HOLE}${holes.push(p) - 1}\u0002`)).join('');
  return { text, holes };
}

/**
 * The statements that make the database write a file the SQL names: SQLite's ATTACH 'file' and VACUUM INTO 'file',
 * PostgreSQL's COPY … TO 'file' and lo_export(oid, 'file') (the server writes it, on this machine in development).
 */
const SQL_FILE = /\b(?:ATTACH(?:\s+DATABASE)?|VACUUM(?:\s+[^\s;]+)?\s+INTO|COPY\b[^;]*?\bTO|lo_export\s*\([^,;]*,)\s*(?:E)?'((?:[^']|'')*)'/gi;

/**
 * The files a SQL text writes, as folded paths (an unknown part of the SQL stays unknown in the path). A SQLite
 * URI filename (file:path?mode=rwc) is its path.
 */
export function sqlFileNames(sql: Sym): Sym[] {
  const { text, holes } = withHoles(sql);
  const out: Sym[] = [];
  for (const m of text.matchAll(SQL_FILE)) {
    const name = m[1]!.replace(/''/g, "'").replace(/^file:(?!\/\/)/i, '').replace(/\?[^\u0001\u0002]*$/, '');
    out.push(name.split(/\u0001(\d+)\u0002/).map((piece, i) => (i % 2 === 1 ? holes[Number(piece)]! : piece)).filter((p) => p !== ''));
  }
  return out;
}

/** One name a statement changes: `name` is null where the text at that place cannot be read. */
export interface SqlWrite {
  /** the name as the database reads it: unquoted, lower case, without its schema */
  name: string | null;
  /** a table (or view) named exactly; or the name of a trigger, index or function, which the store names after its table */
  role: 'table' | 'object';
  /** the statement, for messages */
  statement: string;
}

// a name: "quoted", `quoted`, [quoted] or bare, maybe schema-qualified, maybe holding holes
const PART = String.raw`(?:(?:U&)?"(?:[^"]|"")*"|\x60[^\x60]*\x60|\[[^\]]*\]|[\w$\u0001\u0002]+)`;
const NAME = String.raw`(${PART}(?:\s*\.\s*${PART})*)`;
const IF_EXISTS = String.raw`(?:IF\s+(?:NOT\s+)?EXISTS\s+)?`;
const ONLY = String.raw`(?:ONLY\s+)?`;

/** statements, by the place their changed names stand in; `g` so that every occurrence (also inside a WITH) is read */
const WRITES: { re: RegExp; role: SqlWrite['role']; list?: boolean }[] = [
  { re: new RegExp(String.raw`\bINSERT\s+(?:OR\s+\w+\s+)?INTO\s+${NAME}`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`(?<!\bOR\s+)\b(?:REPLACE|MERGE)\s+INTO\s+${ONLY}${NAME}`, 'gi'), role: 'table' },
  // UPDATE t SET: the statement, not a trigger's event (BEFORE UPDATE ON t) or a lock (FOR UPDATE)
  { re: new RegExp(String.raw`\bUPDATE\s+(?:OR\s+\w+\s+)?${ONLY}${NAME}\s*\*?\s+(?:(?:AS\s+)?\w+\s+)?SET\b`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`\bDELETE\s+FROM\s+${ONLY}${NAME}`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`\bTRUNCATE\s+(?:TABLE\s+)?${ONLY}${NAME}((?:\s*,\s*${PART}(?:\s*\.\s*${PART})*)*)`, 'gi'), role: 'table', list: true },
  { re: new RegExp(String.raw`\bCOPY\s+${NAME}(?:\s*\([^)]*\))?\s+FROM\b`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`\bALTER\s+(?:TABLE|VIEW)\s+${IF_EXISTS}${ONLY}${NAME}`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`\bDROP\s+(?:TABLE|VIEW)\s+${IF_EXISTS}${NAME}((?:\s*,\s*${PART}(?:\s*\.\s*${PART})*)*)`, 'gi'), role: 'table', list: true },
  // a table of the same name made elsewhere (a TEMP table shadows the real one in SQLite)
  { re: new RegExp(String.raw`\bCREATE\s+(?:(?:GLOBAL|LOCAL)\s+)?(?:TEMP\w*\s+|UNLOGGED\s+)?(?:TABLE|VIEW)\s+${IF_EXISTS}${NAME}`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`\bDROP\s+(?:TRIGGER|INDEX|FUNCTION|PROCEDURE|RULE|POLICY)\s+(?:CONCURRENTLY\s+)?${IF_EXISTS}${NAME}`, 'gi'), role: 'object' },
  { re: new RegExp(String.raw`\bALTER\s+(?:TRIGGER|INDEX|FUNCTION|PROCEDURE)\s+${IF_EXISTS}${NAME}`, 'gi'), role: 'object' },
  { re: new RegExp(String.raw`\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:TEMP\w*|CONSTRAINT)\s+)?(?:TRIGGER|FUNCTION|PROCEDURE|RULE)\s+${IF_EXISTS}${NAME}`, 'gi'), role: 'object' },
  // the table a trigger, policy or index is made on or dropped from, and the table a rule rewrites (ON INSERT TO t)
  { re: new RegExp(String.raw`\b(?:CREATE|DROP|ALTER)\s[^;]*?\b(?:TRIGGER|POLICY|INDEX)\b[^;]*?\bON\s+${ONLY}${NAME}`, 'gi'), role: 'table' },
  { re: new RegExp(String.raw`\bCREATE\s+(?:OR\s+REPLACE\s+)?RULE\b[^;]*?\bTO\s+${NAME}`, 'gi'), role: 'table' },
];

/**
 * Statements that switch off every trigger or rewrite the schema itself (PostgreSQL's replica role skips
 * ordinary triggers; SQLite's writable_schema lets sqlite_schema be edited): they change every table.
 */
const EVERY_TABLE = /\bsession_replication_role\b|\bwritable_schema\b|\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+(?:\w+\s*\.\s*)?"?sqlite_(?:temp_)?(?:master|schema)\b/i;

/** a quoted or bare name as the database reads it, null where it holds a hole */
function nameOf(raw: string): string | null {
  const last = raw.split(/\s*\.\s*(?=(?:"|`|\[|[\w$\u0001]))/).pop()!;
  if (last.includes(HOLE)) return null;
  if (/^U&/i.test(last)) return null; // PostgreSQL's U&"…" escapes spell a name the check does not decode
  if (last.startsWith('"')) return last.slice(1, -1).replace(/""/g, '"').toLowerCase();
  if (last.startsWith('`') || last.startsWith('[')) return last.slice(1, -1).toLowerCase();
  return last.toLowerCase();
}

/**
 * The names a SQL text changes. Comments and string literals are read as blanks first, so that a word in a
 * value ('DELETE') or a comment is not a statement, and a comment cannot split a keyword from its name.
 */
export function sqlWrites(sql: Sym): { writes: SqlWrite[]; everyTable: string | null } {
  const { text } = withHoles(sql);
  const bare = text
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
    .replace(/'(?:[^']|'')*(?:'|$)/g, "''")
    .replace(/\$(\w*)\$[\s\S]*?\$\1\$/g, "''");
  const writes: SqlWrite[] = [];
  for (const statement of bare.split(';')) {
    const shown = statement.trim().replace(/\s+/g, ' ').replace(/\u0001\d+\u0002/g, '<?>');
    for (const { re, role, list } of WRITES)
      for (const m of statement.matchAll(re)) {
        const names = [m[1]!, ...(list && m[2] ? m[2].split(',').slice(1) : [])];
        for (const raw of names) writes.push({ name: nameOf(raw.trim()), role, statement: shown });
      }
    // a statement whose first word cannot be read may be any statement: it changes the tables it names
    if (statement.trimStart().startsWith(HOLE))
      for (const m of statement.matchAll(/[\w$]+/g)) if (!/^\d+$/.test(m[0])) writes.push({ name: m[0].toLowerCase(), role: 'table', statement: shown });
  }
  const every = EVERY_TABLE.exec(bare);
  return { writes, everyTable: every ? every[0] : null };
}

/**
 * Whether a changed name is one of `names`: a table by its exact name, a trigger, index or function by its
 * exact name or as one named after a table (run_artifacts_no_delete); an unreadable name may be any of them.
 */
export function writesAny(write: SqlWrite, names: readonly string[]): boolean {
  if (write.name === null) return true;
  const name = write.name;
  return names.some((n) => name === n || (write.role === 'object' && name.startsWith(`${n}_`)));
}
