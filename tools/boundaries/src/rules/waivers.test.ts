import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findWaiver, isWaived, waiverCovers } from '../policy/waivers.js';
import { POLICY } from './tester.js';

const policy = {
  ...POLICY,
  waivers: [
    { rule: 'boundaries/write-paths', file: 'apps/api/src/legacy/**', owner: '@sec', reason: 'migration', expires: '2026-12-31' },
    { rule: 'imports', file: 'libs/experimental/ai/src/a.ts', owner: '@sec', reason: 'x', expires: '2026-01-01' },
  ],
};

test('a waiver exempts its rule and files until and including its expiry date', () => {
  assert.equal(isWaived(policy, 'boundaries/write-paths', 'apps/api/src/legacy/a/b.ts', '2026-12-31'), true);
  assert.equal(isWaived(policy, 'boundaries/write-paths', 'apps/api/src/legacy/a/b.ts', '2027-01-01'), false);
  assert.equal(isWaived(policy, 'boundaries/imports', 'apps/api/src/legacy/a/b.ts', '2026-06-01'), false, 'another rule');
  assert.equal(isWaived(policy, 'boundaries/write-paths', 'apps/api/src/other.ts', '2026-06-01'), false, 'another file');
  assert.equal(isWaived(policy, 'boundaries/imports', 'libs/experimental/ai/src/a.ts', '2026-01-01'), true, 'rule named without the plugin prefix');
  assert.equal(findWaiver(policy, 'boundaries/imports', 'libs/experimental/ai/src/a.ts', '2026-01-02'), null);
});

test('waiver globs: *, ** and exact paths', () => {
  const w = (file: string) => ({ rule: 'r', file, owner: 'o', reason: 'r', expires: '2999-01-01' });
  assert.equal(waiverCovers(w('apps/*/src/x.ts'), 'apps/api/src/x.ts'), true);
  assert.equal(waiverCovers(w('apps/*/src/x.ts'), 'apps/api/deep/src/x.ts'), false);
  assert.equal(waiverCovers(w('apps/**/x.ts'), 'apps/x.ts'), true);
  assert.equal(waiverCovers(w('./apps/a.ts'), 'apps/a.ts'), true);
  assert.equal(waiverCovers(w('apps/a.ts'), 'apps/a.tsx'), false);
});
