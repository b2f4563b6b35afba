import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ParseMemo, type ParsedModule } from './parse-memo.js';

const tree = (n: number) => ({ ast: { n }, scopeManager: {} }) as unknown as ParsedModule;

test('a held parse is returned only for exactly the text it was parsed from', () => {
  const memo = new ParseMemo(4);
  const a = tree(1);
  memo.set('/w/a.ts', 'export const A = 1;', a);
  assert.equal(memo.get('/w/a.ts', 'export const A = 1;'), a);
  assert.equal(memo.get('/w/a.ts', 'export const A = 2;'), undefined);
  assert.equal(memo.get('/w/b.ts', 'export const A = 1;'), undefined);
});

test('a file that failed to parse is remembered as null, distinct from not held', () => {
  const memo = new ParseMemo(4);
  memo.set('/w/bad.ts', 'export const = ;', null);
  assert.equal(memo.get('/w/bad.ts', 'export const = ;'), null);
  assert.equal(memo.get('/w/bad.ts', 'export const B = 1;'), undefined);
});

test('holds at most its capacity, dropping the least recently used', () => {
  const memo = new ParseMemo(2);
  memo.set('/w/a.ts', 'a', tree(1));
  memo.set('/w/b.ts', 'b', tree(2));
  assert.ok(memo.get('/w/a.ts', 'a')); // a is now the most recent
  memo.set('/w/c.ts', 'c', tree(3));
  assert.equal(memo.size, 2);
  assert.equal(memo.get('/w/b.ts', 'b'), undefined);
  assert.ok(memo.get('/w/a.ts', 'a'));
  assert.ok(memo.get('/w/c.ts', 'c'));
});

test('re-storing a file replaces its old text and tree', () => {
  const memo = new ParseMemo(2);
  memo.set('/w/a.ts', 'old', tree(1));
  const fresh = tree(2);
  memo.set('/w/a.ts', 'new', fresh);
  assert.equal(memo.size, 1);
  assert.equal(memo.get('/w/a.ts', 'old'), undefined);
  assert.equal(memo.get('/w/a.ts', 'new'), fresh);
});
