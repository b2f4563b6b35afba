import { test } from 'node:test';
import assert from 'node:assert/strict';
import { jsonDepth } from './json-parser.js';

test('jsonDepth counts bracket nesting and ignores brackets inside strings', () => {
  assert.equal(jsonDepth('1'), 0);
  assert.equal(jsonDepth('{"a":[1,{"b":2}]}'), 3);
  assert.equal(jsonDepth('{"a":"[[[[{{{{\\"]]]"}'), 1);
  assert.equal(jsonDepth('['.repeat(500) + ']'.repeat(500)), 500);
});
