import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sym } from './fold.js';
import { sqlWrites, writesAny } from './sql.js';
import { loadPolicy } from '../policy/load.js';

const hole: Sym[number] = { kind: 'unknown', why: 'a parameter' };
const names = (sql: Sym | string) => sqlWrites(typeof sql === 'string' ? [sql] : sql).writes.map((w) => `${w.role}:${w.name}`);

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

test('a table matches by its exact name; a trigger, index or function also when named after a table', () => {
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
  const { policy } = loadPolicy();
  const covered = policy.protectedPaths.flatMap((p) => p.sqlNames ?? []);
  for (const file of ['libs/rmos/runs/src/sqlite/sqlite-migrations.ts', 'libs/rmos/runs/src/postgres/pg-migrations.ts']) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const made = [...text.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:UNIQUE\s+)?(TABLE|TRIGGER|INDEX|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[{$][^.]*\.)?(\w+)/gi)];
    assert.ok(made.length >= 8, `${file}: the migrations were read`);
    for (const [, kind, name] of made) {
      const write = sqlWrites([`DROP ${kind} ${name}`]).writes[0]!;
      assert.ok(writesAny(write, covered), `${file}: ${kind} ${name} is not covered by any protectedPaths[].sqlNames`);
    }
  }
});
