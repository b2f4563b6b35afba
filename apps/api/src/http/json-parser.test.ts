import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanJson } from './json-parser.js';

const depth = (text: string) => scanJson(text).depth;
const duplicate = (text: string) => scanJson(text).duplicateKey;

test('scanJson counts bracket nesting and ignores brackets inside strings', () => {
  assert.equal(depth('1'), 0);
  assert.equal(depth('{"a":[1,{"b":2}]}'), 3);
  assert.equal(depth('{"a":"[[[[{{{{\\"]]]"}'), 1);
  assert.equal(depth('['.repeat(500) + ']'.repeat(500)), 500);
});

test('scanJson finds a key an object repeats, escapes decoded, and nothing else', () => {
  assert.equal(duplicate('{"a":1,"a":2}'), 'a');
  assert.equal(duplicate('{"session_id" : "x", "b": {"c": 1}, "session_id":"y"}'), 'session_id');
  assert.equal(duplicate('{"a":1,"\\u0061":2}'), 'a', 'an escaped key is the same key');
  assert.equal(duplicate('{"x":{"a":1,"a":2}}'), 'a', 'in a nested object');
  assert.equal(duplicate('[{"a":1},{"a":2}]'), null, 'the same key in two objects');
  assert.equal(duplicate('{"a":{"a":1}}'), null, 'a key and the same key one level down');
  assert.equal(duplicate('{"a":"a","b":["a","a"]}'), null, 'strings that are values');
  assert.equal(duplicate('{"a\\"":1,"a":2}'), null, 'a key holding an escaped quote');
  assert.equal(duplicate('{"a":1,"b":"\\"a\\":"}'), null, 'a key-like text inside a string value');
});

test('scanJson finds a prototype key however it is spelled, in any object, and not in a value', () => {
  const forbidden = (text: string) => scanJson(text).forbiddenKey;
  assert.equal(forbidden('{"\\u005f_proto__":{}}'), '__proto__');
  assert.equal(forbidden('{"constr\\u0075ctor":1}'), 'constructor');
  assert.equal(forbidden('{"a":[{"b":{"\\u0070rototype":1}}]}'), 'prototype');
  assert.equal(forbidden('{"a":1,"a":2,"\\u005f_proto__":{}}'), '__proto__', 'after a repeated key too');
  assert.equal(forbidden('{"__proto__":1}'), '__proto__');
  assert.equal(forbidden('{"a":"\\u005f_proto__","b":["constructor"]}'), null, 'strings that are values');
  assert.equal(forbidden('{"constructors":1,"proto":2}'), null);
});
