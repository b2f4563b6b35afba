import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sym } from './fold.js';
import { DATA_ROOT, unknownPart } from './fold.js';
import { STORE_OBJECTS, sqlFileNames, sqlLoadsExtension, sqlWrites, writesAny } from './sql.js';
import { loadPolicy } from '../policy/load.js';
import { classifyTarget } from '../rules/target-path.js';

const hole: Sym[number] = { kind: 'unknown', why: 'a parameter' };
const names = (sql: Sym | string) => sqlWrites(typeof sql === 'string' ? [sql] : sql).writes.map((w) => `${w.role}:${w.name}`);
const { policy } = loadPolicy();
const covered = policy.protectedPaths.flatMap((p) => p.sqlNames ?? []);
/** what the rule would refuse: the store's names a text changes, or how it changes every table */
const refused = (sql: Sym | string) => {
  const { writes, everyTable } = sqlWrites(typeof sql === 'string' ? [sql] : sql);
  return everyTable ? [`every:${everyTable}`] : writes.filter((w) => writesAny(w, covered)).map((w) => `${w.role}:${w.name}`);
};

test('reads the names each kind of writing statement changes, in both dialects', () => {
  assert.deepEqual(names('INSERT INTO run_artifacts (run_id) VALUES (?)'), ['table:run_artifacts']);
  assert.deepEqual(names('insert or replace into "main"."Run_Artifacts" values (1)'), ['table:run_artifacts']);
  assert.deepEqual(names('REPLACE INTO `run_index` VALUES (1)'), ['table:run_index']);
  assert.deepEqual(names('UPDATE ONLY rmos.run_chain_head AS h SET seq = 0'), ['table:run_chain_head']);
  assert.deepEqual(names('DELETE FROM [run_attachments] WHERE 1'), ['table:run_attachments']);
  assert.deepEqual(names('TRUNCATE TABLE sessions, rmos.run_artifacts'), ['table:sessions', 'table:run_artifacts']);
  assert.deepEqual(names('COPY run_artifacts (run_id) FROM STDIN'), ['table:run_artifacts']);
  assert.deepEqual(names('ALTER TABLE run_artifacts DISABLE TRIGGER ALL'), ['table:run_artifacts']);
  assert.deepEqual(names('DROP TABLE IF EXISTS a, run_index'), ['table:a', 'table:run_index']);
  assert.deepEqual(names('CREATE TEMP TABLE run_artifacts (x)'), ['table:run_artifacts']);
  assert.deepEqual(names('DROP TRIGGER run_artifacts_no_update'), ['object:run_artifacts_no_update']);
  assert.deepEqual(names('DROP TRIGGER IF EXISTS run_artifacts_immutable ON rmos.run_artifacts'), ['object:run_artifacts_immutable', 'table:run_artifacts']);
  assert.deepEqual(names('CREATE OR REPLACE FUNCTION rmos.refuse_change() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql'), ['object:refuse_change']);
  assert.deepEqual(names('CREATE TRIGGER t BEFORE UPDATE ON run_chain_head BEGIN SELECT 1; END'), ['object:t', 'table:run_chain_head']);
  assert.deepEqual(names('CREATE RULE keep AS ON INSERT TO run_artifacts DO INSTEAD NOTHING'), ['object:keep', 'table:run_artifacts']);
  assert.deepEqual(names('WITH gone AS (DELETE FROM run_artifacts RETURNING *) SELECT count(*) FROM gone'), ['table:run_artifacts']);
  assert.deepEqual(names('SELECT 1; UPDATE run_index SET kind = 1'), ['table:run_index']);
});

test('reads, locks, trigger events, values and comments are not writes', () => {
  assert.deepEqual(names("SELECT * FROM run_artifacts WHERE reason = 'DELETE FROM run_artifacts'"), []);
  assert.deepEqual(names('SELECT head FROM run_chain_head FOR UPDATE'), []);
  assert.deepEqual(names('SELECT replace(kind, 1, 2) FROM run_index'), []);
  assert.deepEqual(names('-- DELETE FROM run_artifacts\nSELECT 1 /* UPDATE run_index SET x = 1 */'), []);
  assert.deepEqual(names('CREATE TABLE notes (run_id TEXT REFERENCES run_artifacts ON DELETE CASCADE ON UPDATE CASCADE)'), ['table:notes']);
  assert.deepEqual(names('INSERT INTO report SELECT * FROM run_artifacts JOIN run_index ON run_index.run_id = run_artifacts.run_id'), ['table:report']);
  assert.deepEqual(sqlWrites(['SELECT 1']).everyTable, null);
});

test('a name the fold cannot read in a write position, or an unknown first word, may be any table', () => {
  assert.deepEqual(names(['DELETE FROM ', hole]), ['table:null']);
  assert.deepEqual(names(['INSERT INTO main.', hole, ' VALUES (1)']), ['table:null']);
  assert.deepEqual(names(['UPDATE U&"run\\005fartifacts" SET x = 1']), ['table:null']);
  assert.ok(names([hole, ' FROM run_artifacts']).includes('table:run_artifacts'));
  // an unknown value is a value
  assert.deepEqual(names(['SELECT * FROM run_artifacts WHERE run_id = ', hole]), []);
  assert.deepEqual(names(['INSERT INTO audit_copy VALUES (', hole, ')']), ['table:audit_copy']);
});

test('switching off every trigger or editing the schema table changes every table', () => {
  assert.match(sqlWrites(["SET session_replication_role = 'replica'"]).everyTable ?? '', /session_replication_role/);
  assert.match(sqlWrites(['PRAGMA writable_schema = ON']).everyTable ?? '', /writable_schema/);
  assert.match(sqlWrites(["DELETE FROM sqlite_schema WHERE type = 'trigger'"]).everyTable ?? '', /sqlite_schema/);
});

test("a table matches by its exact name; a trigger or index by the store's names for it", () => {
  const [table] = sqlWrites(['INSERT INTO run_artifacts_report VALUES (1)']).writes;
  assert.equal(writesAny(table!, ['run_artifacts']), false);
  const [trigger] = sqlWrites(['DROP TRIGGER run_artifacts_no_delete']).writes;
  assert.equal(writesAny(trigger!, ['run_artifacts']), true);
  const [unknown] = sqlWrites(['DELETE FROM ', hole]).writes;
  assert.equal(writesAny(unknown!, ['run_artifacts']), true);
});

// The policy names the store's SQL objects by hand; this keeps it in step with what the store's migrations make.
test("every table, trigger, index and function the run store makes is covered by the policy's sqlNames", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
  const objects = new Set<string>();
  for (const file of ['libs/rmos/runs/src/sqlite/sqlite-migrations.ts', 'libs/rmos/runs/src/postgres/pg-migrations.ts']) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const made = [...text.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(TABLE|TRIGGER|INDEX|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[{$][^.]*\.)?(\w+)/gi)];
    assert.ok(made.length >= 8, `${file}: the migrations were read`);
    for (const [, kind, name] of made) {
      const write = sqlWrites([`DROP ${kind} ${name}`]).writes[0]!;
      assert.ok(writesAny(write, covered), `${file}: ${kind} ${name} is not covered by any protectedPaths[].sqlNames`);
      if (/trigger|index/i.test(kind!)) objects.add(name!);
    }
  }
  // and sql.ts's list of the store's triggers and indexes holds exactly what the migrations make
  assert.deepEqual([...objects].sort(), Object.keys(STORE_OBJECTS).sort());
});

// Evasions a red team ran against the store's migrated SQLite or PostgreSQL schema rmos_runs, which the
// regex reader over blanked text did not see; each assertion is the verdict the database's reading gives.

test('a comment opener inside a string is text: what follows the string is read', () => {
  assert.deepEqual(refused("SELECT '--'; DROP TRIGGER run_artifacts_no_delete; DELETE FROM run_artifacts"), ['object:run_artifacts_no_delete', 'table:run_artifacts']);
  assert.deepEqual(refused("SELECT '/*'; DELETE FROM run_artifacts; SELECT '*/'"), ['table:run_artifacts']);
});

test("a ' inside a quoted name does not start a string", () => {
  assert.deepEqual(refused(`SELECT 1 AS "a'"; DROP TRIGGER run_artifacts_no_delete; SELECT 1 AS "'"`), ['object:run_artifacts_no_delete']);
});

test("a 'string', [bracketed] or `backticked` name where SQLite expects a name is that name", () => {
  assert.deepEqual(refused("DROP TRIGGER 'run_artifacts_no_delete'; DELETE FROM 'run_artifacts'"), ['object:run_artifacts_no_delete', 'table:run_artifacts']);
  assert.deepEqual(refused('DROP TRIGGER [run_chain_head_no_delete]; UPDATE `run_index` SET kind = 1'), ['object:run_chain_head_no_delete', 'table:run_index']);
});

test('UPDATE, INSERT, DELETE, MERGE and TRUNCATE read their table through every modifier', () => {
  assert.deepEqual(refused("UPDATE sessions NOT INDEXED SET body = 'APPROVED'"), ['table:sessions']);
  assert.deepEqual(refused("UPDATE sessions INDEXED BY sessions_pk SET body = 'APPROVED'"), ['table:sessions']);
  assert.deepEqual(refused('UPDATE OR REPLACE main.sessions AS s SET body = 1'), ['table:sessions']);
  assert.deepEqual(refused('UPDATE ONLY rmos_runs.sessions * SET body = 1'), ['table:sessions']);
  assert.deepEqual(refused('INSERT OR REPLACE INTO sessions(id) VALUES (1)'), ['table:sessions']);
  assert.deepEqual(refused('DELETE FROM ONLY sessions'), ['table:sessions']);
  assert.deepEqual(refused('MERGE INTO sessions s USING x ON true WHEN MATCHED THEN DELETE'), ['table:sessions']);
  assert.deepEqual(refused('TRUNCATE TABLE a, ONLY sessions *, run_index'), ['table:sessions', 'table:run_index']);
});

test('a name needs no space before it: the tokenizer splits at the quote', () => {
  assert.deepEqual(refused('DELETE FROM"sessions"'), ['table:sessions']);
  assert.deepEqual(refused(`WITH a AS (SELECT 1) DELETE FROM"run_index"; DROP TABLE"run_index_state"; UPDATE"schema_migrations"SET name = 'x'`), [
    'table:run_index',
    'table:run_index_state',
    'table:schema_migrations',
  ]);
});

test("dropping the store's schema with CASCADE, what a role owns, a database, or plpgsql changes every table", () => {
  assert.deepEqual(refused('DROP SCHEMA rmos_runs CASCADE'), ['every:DROP SCHEMA rmos_runs … CASCADE']);
  assert.deepEqual(refused('DROP SCHEMA IF EXISTS elsewhere, "RMOS_RUNS" CASCADE'), ['every:DROP SCHEMA rmos_runs … CASCADE']);
  // a name partly read that may be the store's, and a CASCADE the check cannot read, count (fail closed)
  assert.deepEqual(refused(['DROP SCHEMA rmos_runs ', hole]), ['every:DROP SCHEMA rmos_runs … CASCADE']);
  assert.deepEqual(refused(['DROP SCHEMA "rmos_', hole, '" CASCADE']), ['every:DROP SCHEMA rmos_runs … CASCADE']);
  assert.deepEqual(refused(['ALTER SCHEMA rmos_runs RENAME TO old']), ['every:ALTER SCHEMA rmos_runs']);
  assert.deepEqual(refused('DROP OWNED BY luthier CASCADE'), ['every:DROP OWNED']);
  assert.deepEqual(refused('DROP DATABASE luthier'), ['every:DROP DATABASE']);
  assert.deepEqual(refused('DROP EXTENSION plpgsql CASCADE'), ['every:DROP EXTENSION plpgsql … CASCADE']);
  // without CASCADE PostgreSQL refuses to drop a schema that holds tables; a test's own schema is not the store's
  assert.deepEqual(refused('DROP SCHEMA rmos_runs'), []);
  assert.deepEqual(refused(['DROP SCHEMA IF EXISTS "workflow_test_', hole, '" CASCADE']), []);
  // a wholly computed schema name may be the store's (fail closed): a test's own schema keeps its prefix in the SQL
  assert.notDeepEqual(refused(['DROP SCHEMA IF EXISTS "', hole, '" CASCADE']), []);
});

test('the body of a DO block or a function, and what its EXECUTE runs, is read as SQL', () => {
  assert.deepEqual(refused('DO $$BEGIN DELETE FROM rmos_runs.sessions; END$$'), ['table:sessions']);
  assert.deepEqual(refused("DO LANGUAGE plpgsql 'BEGIN UPDATE rmos_runs.sessions SET body = ''x''; END'"), ['table:sessions']);
  assert.deepEqual(refused("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $f$BEGIN EXECUTE 'TRUNCATE ' || 'run_index'; END$f$"), ['table:run_index']);
  assert.deepEqual(refused("CREATE PROCEDURE p() LANGUAGE sql AS 'DELETE FROM run_index_state'"), ['table:run_index_state']);
  // a name EXECUTE builds at run time cannot be read (fail closed)
  assert.deepEqual(refused("DO $$BEGIN EXECUTE format('DROP TRIGGER %I ON %I', a, b); END$$"), ['object:null', 'table:null']);
  assert.deepEqual(refused("DO $$BEGIN EXECUTE 'DELETE FROM ' || quote_ident(t); END$$"), ['table:null']);
  assert.deepEqual(refused('DO $$BEGIN RAISE NOTICE $q$DELETE FROM sessions$q$; END$$'), []);
});

test("an E'…' string takes backslash escapes (PostgreSQL); standard strings do not", () => {
  assert.deepEqual(refused("SELECT E'\\''; DELETE FROM rmos_runs.sessions; SELECT '1'"), ['table:sessions']);
  // in SQLite (and PostgreSQL) a backslash is text in a standard string
  assert.deepEqual(refused("SELECT '\\'; DELETE FROM sessions; SELECT '1'"), ['table:sessions']);
});

test('every name of a DROP list is read, and DROP/ALTER/CREATE of routines and procedures too', () => {
  assert.deepEqual(refused('DROP FUNCTION IF EXISTS nothing_here(), rmos_runs.refuse_change() CASCADE'), ['object:refuse_change']);
  assert.deepEqual(refused('DROP ROUTINE rmos_runs.refuse_change CASCADE'), ['object:refuse_change']);
  assert.deepEqual(refused('DROP INDEX a_idx, run_index_kind'), ['object:run_index_kind']);
  assert.deepEqual(refused('DROP TABLE IF EXISTS a, "rmos_runs"."sessions" CASCADE'), ['table:sessions']);
  assert.deepEqual(refused('ALTER ROUTINE head_forward_only() RENAME TO gone'), ['object:head_forward_only']);
});

test('COPY … TO/FROM PROGRAM runs a shell command: refused whatever it runs (fail closed)', () => {
  for (const sql of ["COPY (SELECT 1) TO PROGRAM 'rm -rf /srv/luthier/data/runs'", "COPY x FROM PROGRAM 'true'"]) {
    const verdicts = sqlFileNames([sql]).map((p) => classifyTarget(policy, p, ['runs', 'run_attachments'])?.kind);
    assert.ok(verdicts.includes('unprovable') || verdicts.includes('protected'), sql);
  }
  assert.deepEqual(sqlFileNames(["COPY x FROM PROGRAM 'true'"]).at(-1)?.slice(0, 2), [DATA_ROOT, '/']);
});

test('PostgreSQL statements that write without the usual verbs: CALL, dblink and the functions that run a query, server-side file writers', () => {
  // a procedure's body is in the database: what it changes cannot be read (fail closed); SQLite has no CALL
  assert.deepEqual(refused('CALL rmos_runs.purge()'), ['object:null']);
  assert.deepEqual(refused('call tidy(1, 2)'), ['object:null']);
  // the SQL dblink and query_to_xml run is read; one the check cannot read may be anything
  assert.deepEqual(refused("SELECT dblink_exec('dbname=luthier', 'DELETE FROM run_artifacts')"), ['table:run_artifacts']);
  assert.deepEqual(refused("SELECT * FROM public.dblink('host=x', 'UPDATE run_index SET kind = 1 RETURNING 1') AS t(x int)"), ['table:run_index']);
  assert.deepEqual(refused("SELECT \"dblink_exec\"('TRUNCATE run_chain_head')"), ['table:run_chain_head']);
  assert.deepEqual(refused("SELECT query_to_xml('WITH d AS (DELETE FROM run_attachments RETURNING *) SELECT 1', true, false, '')"), ['table:run_attachments']);
  assert.deepEqual(refused(["SELECT dblink_exec('conn', ", hole, ')']), ['object:null']);
  assert.deepEqual(refused('SELECT dblink_exec(q) FROM queue'), ['object:null']);
  assert.deepEqual(refused("SELECT dblink_exec('conn', 'DELETE FROM audit_log', false)"), []);
  // the argument that holds the SQL, by the signature: a connection given as a parameter is no SQL; a two-argument
  // dblink whose second argument is neither a string nor a boolean constant may have its SQL in either
  assert.deepEqual(refused("SELECT * FROM dblink($1, 'SELECT id FROM catalog') AS t(id text)"), []);
  assert.deepEqual(refused("SELECT dblink_send_query($1, 'SELECT 1'), dblink_open($1, 'cur', 'SELECT id FROM catalog'), dblink_open('cur', 'SELECT 1', true), dblink_exec($1, 'DELETE FROM audit_log', false)"), []);
  assert.deepEqual(refused("SELECT query_to_xml('SELECT id FROM catalog', true, false, $1), ts_stat('SELECT v FROM docs', $1)"), []);
  assert.deepEqual(refused("SELECT * FROM dblink($1, 'DELETE FROM run_artifacts RETURNING 1') AS t(x int)"), ['table:run_artifacts']);
  for (const sql of ['SELECT dblink($1, false)', 'SELECT dblink($1, $2)', "SELECT dblink_open('cur', $1, true)", "SELECT dblink_exec('c', $1, false)"]) assert.deepEqual(refused(sql), ['object:null'], sql);
  // files written by the server: adminpack, lo_export; lo_import reads a file into a large object (no protected table)
  const files = (sql: string) => sqlFileNames([sql]).map((p) => p.join(''));
  assert.deepEqual(files("SELECT pg_catalog.pg_file_write('data/runs/x.json', '{}', false)"), ['data/runs/x.json']);
  assert.deepEqual(files("SELECT pg_file_rename('data/runs/a', '/tmp/a')"), ['data/runs/a', '/tmp/a']);
  assert.deepEqual(files("SELECT pg_file_unlink('data/run_attachments/b')"), ['data/run_attachments/b']);
  assert.deepEqual(files("SELECT lo_export(lo_import('/etc/hosts'), 'data/runs/c')"), ['data/runs/c']);
  assert.deepEqual(files("SELECT lo_import('data/runs/c')"), []);
  assert.deepEqual(refused("SELECT lo_import('data/runs/c')"), []);
});

test('a name partly known is compared by what is known of it: users_${id} is no protected table, run_${x} may be one', () => {
  assert.deepEqual(refused(['DELETE FROM users_', hole]), []);
  assert.deepEqual(refused(['UPDATE "users_', hole, '" SET a = 1']), []);
  assert.deepEqual(refused(['DROP TABLE IF EXISTS tmp_', hole, '_copy']), []);
  assert.deepEqual(refused(['DROP TRIGGER audit_', hole]), []);
  assert.deepEqual(refused(['DELETE FROM run_', hole]), ['table:null']);
  assert.deepEqual(refused(['TRUNCATE ', hole, '_artifacts']), ['object:null', 'table:null']);
  assert.deepEqual(refused(['DELETE FROM rmos.', hole]), ['table:null']);
  // a trigger or index whose known part is one of the store's
  assert.deepEqual(refused(['DROP TRIGGER run_artifacts_no_', hole]), ['object:null']);
  // a partly known name does not hide a wholly unknown one after it
  assert.deepEqual(refused(['DELETE FROM users_', hole, '; DELETE FROM ', hole]), ['table:null']);
});

test('ATTACH of a SQLite URI opened read-only (mode=ro) writes no file; any other mode, or a plain path with ?mode=ro, does', () => {
  const files = (sql: Sym) => sqlFileNames(sql).map((p) => p.join(''));
  assert.deepEqual(files(["ATTACH 'file:data/runs/runs.sqlite?mode=ro' AS r"]), []);
  assert.deepEqual(files(["ATTACH DATABASE 'file:data/runs/runs.sqlite?cache=shared&mode=%72o' AS r"]), []);
  assert.deepEqual(files(["ATTACH 'file:data/runs/runs.sqlite?mode=ro&mode=rw' AS r"]), ['data/runs/runs.sqlite']);
  assert.deepEqual(files(["ATTACH 'file:data/runs/runs.sqlite?mode=rwc' AS r"]), ['data/runs/runs.sqlite']);
  assert.deepEqual(files(["ATTACH 'file:data/runs/runs.sqlite' AS r"]), ['data/runs/runs.sqlite']);
  // without file: the text is no URI: SQLite makes a file named runs.sqlite?mode=ro in data/runs
  assert.ok(files(["ATTACH 'data/runs/runs.sqlite?mode=ro' AS r"]).length === 1);
  // a mode the check cannot read may be rw
  assert.equal(sqlFileNames(["ATTACH 'file:data/runs/runs.sqlite?mode=", hole, "' AS r"]).length, 1);
});

test('a file the SQL does not spell as text: a bound parameter (marked with its place or name), a computed name (fail closed), a name or a double-quoted name (that file)', () => {
  const params = (sql: string) => sqlFileNames([sql]).map((p) => { const last = p.at(-1); return typeof last !== 'string' && last?.kind === 'unknown' ? `${p[0] === DATA_ROOT ? 'root/' : ''}${last.param ?? 'computed'}` : p.join(''); });
  assert.deepEqual(params('ATTACH ? AS r'), ['root/1']);
  assert.deepEqual(params("SELECT lo_export($1, $2)"), ['root/2']);
  assert.deepEqual(params('VACUUM INTO :dest'), ['root/dest']);
  assert.deepEqual(params('ATTACH DATABASE @f AS r'), ['root/f']);
  assert.deepEqual(params('ATTACH ?2 AS r'), ['root/2']);
  assert.deepEqual(params('SELECT ? AS a, ? AS b FROM t WHERE x = 1; ATTACH ? AS r'), ['root/computed']);
  assert.deepEqual(params("ATTACH char(100, 97, 116, 97) AS r"), ['root/computed']);
  assert.deepEqual(params("ATTACH (SELECT path FROM files) AS r"), ['root/computed']);
  assert.deepEqual(params('ATTACH "data/runs/runs.sqlite" AS r'), ['data/runs/runs.sqlite']);
  assert.deepEqual(params('ATTACH backup AS r'), ['backup']);
  assert.deepEqual(params('COPY sessions TO STDOUT'), ['STDOUT']);
  // a part the folding could not read stays a file that cannot be read, as an unknown path is
  assert.deepEqual(sqlFileNames(['ATTACH ', hole, ' AS q']), []);
});

// Confirmed false positives of the old reader.

test("E'\\'' closes where PostgreSQL closes it: the text after it is a string", () => {
  assert.deepEqual(refused("SELECT E'\\'' AS q, 'note: DELETE FROM sessions is refused' AS help"), []);
});

test('a quoted name holding a quote does not turn a string into SQL', () => {
  assert.deepEqual(refused(`SELECT 1 AS "it's", body FROM run_artifacts WHERE note <> 'DELETE FROM run_artifacts'`), []);
});

test('nested comments: read as PostgreSQL nests them and as SQLite ends them, a write in either reading counts', () => {
  // PostgreSQL: all comment; SQLite: the comment ends early, but the stray */ makes the rest no statement
  assert.deepEqual(refused('/* a /* nested */ DELETE FROM sessions */ SELECT 1'), []);
  // SQLite runs the DELETE here, PostgreSQL in the next
  assert.deepEqual(refused('/* a /* nested */ DELETE FROM sessions; SELECT 1 */'), ['table:sessions']);
  assert.deepEqual(refused('/* a /* nested */ */ DELETE FROM sessions'), ['table:sessions']);
});

test("an index or trigger counts when it is on a protected table or is one the store makes, not by its name's prefix", () => {
  assert.deepEqual(refused('DROP INDEX IF EXISTS sessions_log_user'), []);
  assert.deepEqual(refused('CREATE INDEX run_index_state_user ON run_notes (user_id)'), []);
  assert.deepEqual(refused('CREATE INDEX sessions_by_user ON rmos_runs.sessions (user_id)'), ['table:sessions']);
  assert.deepEqual(refused('DROP TRIGGER run_chain_head_forward_only'), ['object:run_chain_head_forward_only']);
});

test('reading a setting is not switching it', () => {
  assert.deepEqual(refused('PRAGMA writable_schema'), []);
  assert.deepEqual(refused('SHOW session_replication_role'), []);
  assert.deepEqual(refused("SELECT current_setting('session_replication_role')"), []);
  assert.deepEqual(refused('PRAGMA writable_schema = 1'), ['every:PRAGMA writable_schema']);
  assert.deepEqual(refused('PRAGMA main.writable_schema(1)'), ['every:PRAGMA writable_schema']);
  assert.deepEqual(refused(['PRAGMA ', hole]), ['every:PRAGMA <?>']);
  assert.deepEqual(refused('SET session_replication_role = replica'), ['every:session_replication_role']);
  assert.deepEqual(refused("SET LOCAL session_replication_role TO 'replica'"), ['every:session_replication_role']);
  assert.deepEqual(refused("SELECT set_config('session_replication_role', 'replica', false)"), ['every:session_replication_role']);
});

test('the files a statement writes are read from tokens: comments and strings do not hide or fake them', () => {
  const files = (sql: string) => sqlFileNames([sql]).map((p) => p.join(''));
  assert.deepEqual(files("COPY (SELECT ';') TO 'data/runs/x'"), ['data/runs/x']);
  assert.deepEqual(files("ATTACH /* here */ 'file:data/runs/x.db?mode=rwc' AS y"), ['data/runs/x.db']);
  assert.deepEqual(files("COPY t TO E'data/runs/x' WITH CSV"), ['data/runs/x']);
  assert.deepEqual(files("-- ATTACH 'data/runs/x.db'\nSELECT 'VACUUM INTO ''data/runs/y'''"), []);
});

test('load_extension() is read from tokens', () => {
  assert.equal(sqlLoadsExtension(["SELECT load_extension/* x */('evil.so')"]), true);
  assert.equal(sqlLoadsExtension(['DO $$BEGIN PERFORM load_extension(1); END$$']), true);
  assert.equal(sqlLoadsExtension(["SELECT 'load_extension(x)' -- load_extension(y)"]), false);
});

test('a verb followed by, or glued to, a part that cannot be read may change anything (fail closed)', () => {
  const hole = unknownPart('x');
  for (const sym of [['DROP ', hole], ['DROP', hole, ' TRIGGER'], ['UPDATE', hole], ['DROP TRIGGER', hole]])
    assert.ok(sqlWrites(sym).writes.some((w) => w.name === null), JSON.stringify(sym));
  // a known verb and kind with an unknown name after a space is the ordinary fail-closed name; a read is no write
  assert.deepEqual(sqlWrites(['SELECT ', hole, ' FROM t']).writes, []);
});

test("PostgreSQL's system catalogs: a write to one switches off or rewrites triggers and tables without naming them", () => {
  assert.deepEqual(refused("UPDATE pg_catalog.pg_trigger SET tgenabled = 'D' WHERE tgname = 'run_artifacts_no_update'"), ['every:pg_trigger']);
  assert.deepEqual(refused("UPDATE pg_proc SET prosrc = 'BEGIN RETURN NEW; END' WHERE proname = 'f'"), ['every:pg_proc']);
  assert.deepEqual(refused('DELETE FROM pg_trigger'), ['every:pg_trigger']);
  assert.deepEqual(refused("UPDATE pg_settings SET setting = 'replica' WHERE name = $1"), ['every:pg_settings']);
  // reading them is no write
  assert.deepEqual(refused("SELECT tgname, tgenabled FROM pg_catalog.pg_trigger WHERE tgrelid = 'rmos_runs.run_artifacts'::regclass"), []);
});

test('a setting whose name cannot be read may be session_replication_role (fail closed)', () => {
  const hole = unknownPart('x');
  assert.deepEqual(refused('SET U&"session_replication_rol\\0065" = replica'), ['every:SET <a setting the check cannot read>']);
  assert.deepEqual(refused(['SET LOCAL ', hole, ' = replica']), ['every:SET <a setting the check cannot read>']);
  assert.deepEqual(refused(['ALTER ROLE app SET ', hole, " = 'replica'"]), ['every:ALTER … SET <a setting the check cannot read>']);
  assert.deepEqual(refused("SELECT set_config($1, 'replica', false)"), ['every:set_config(<a setting the check cannot read>)']);
  assert.deepEqual(refused(['DO $$BEGIN PERFORM set_config(', hole, ", 'replica', true); END$$"]), ['every:set_config(<a setting the check cannot read>)']);
  // settings named by constants, and the values set, are read as they are
  assert.deepEqual(refused("SET search_path = rmos_runs, public; SET TIME ZONE 'UTC'; SET SESSION AUTHORIZATION app"), []);
  assert.deepEqual(refused("SELECT set_config('app.user_id', $1, true); ALTER ROLE app SET statement_timeout = '5s'"), []);
  assert.deepEqual(refused(['SET statement_timeout = ', hole]), []);
});

test("a table made a child or a partition of a store's table adds rows every read of it returns", () => {
  assert.deepEqual(refused('CREATE TABLE extra (LIKE run_artifacts) INHERITS (rmos_runs.run_artifacts)'), ['table:run_artifacts']);
  assert.deepEqual(refused('ALTER TABLE extra INHERIT run_index'), ['table:run_index']);
  assert.deepEqual(refused('CREATE TABLE p1 PARTITION OF sessions FOR VALUES IN (1)'), ['table:sessions']);
  // a reference, a copied layout or leaving the family is not
  assert.deepEqual(refused('CREATE TABLE notes (run_id text REFERENCES run_artifacts ON DELETE CASCADE, LIKE run_index)'), []);
  assert.deepEqual(refused('ALTER TABLE extra NO INHERIT run_index'), []);
});

test("PostgreSQL's LOAD runs a shared library in the server (native code)", () => {
  assert.equal(sqlLoadsExtension(["LOAD 'auto_explain'"]), true);
  assert.equal(sqlLoadsExtension(["SELECT 'LOAD x' AS load"]), false);
});
