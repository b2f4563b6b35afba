import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Node } from './ast.js';
import type { Env } from './env.js';
import { memoizeByKey } from './memo.js';

const node = (name: string) => ({ type: 'Identifier', name }) as unknown as Node;
const envOf = (run: object) => ({ run }) as unknown as Env;

test('memoizeByKey answers each node and key once per lint run', () => {
  const calls: string[] = [];
  const ask = memoizeByKey<string[]>([], (n, key) => {
    calls.push(`${(n as unknown as { name: string }).name}.${key}`);
    return [key];
  });
  const a = node('a');
  const env = envOf({});
  assert.deepEqual(ask(a, 'x', env, 0), ['x']);
  assert.deepEqual(ask(a, 'y', env, 0), ['y']);
  assert.deepEqual(ask(a, 'x', env, 5), ['x']);
  assert.deepEqual(calls, ['a.x', 'a.y']);
  // A new run (the next file's lint) asks again: a foreign file's values may have changed.
  ask(a, 'x', envOf({}), 0);
  assert.deepEqual(calls, ['a.x', 'a.y', 'a.x']);
});

test('memoizeByKey answers the pending value to a question asked again while it is being answered', () => {
  const env = envOf({});
  const a = node('a');
  const seen: string[][] = [];
  const ask: (n: Node, key: string, e: Env, depth: number) => string[] = memoizeByKey<string[]>(['pending'], (n, key, e, depth) => {
    seen.push(ask(n, key, e, depth + 1));
    return ['done'];
  });
  assert.deepEqual(ask(a, 'k', env, 0), ['done']);
  assert.deepEqual(seen, [['pending']]);
});
