import assert from 'node:assert/strict';
import { test } from 'node:test';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { noInlineSuppressionRule, parseDirective } from './no-inline-suppression.js';
import { asEslintRule, boundaryTester, AI, API, POLICY, ROOT } from './tester.js';

// with noInlineConfig (as in boundaryConfig), ESLint itself also warns that the directive has no effect
const NO_EFFECT = { message: /has no effect because you have 'noInlineConfig'/ };
const errors = (n: number) => [...Array.from({ length: n }, () => NO_EFFECT), ...Array.from({ length: n }, () => ({ messageId: 'violation' as const }))];

boundaryTester().run('boundaries/no-inline-suppression', asEslintRule(noInlineSuppressionRule), {
  valid: [
    { filename: AI, code: '// we never eslint-disable a boundary rule here\nconst a = 1;' },
    { filename: AI, code: '// @ts-expect-error boundaries\nconst a: number = "x";' },
  ],
  invalid: [
    { filename: AI, code: '/* eslint-disable */', errors: errors(1) },
    { filename: AI, code: '/* eslint-disable boundaries/imports */', errors: errors(1) },
    { filename: AI, code: "import x from '@luthier/rmos-runs'; // eslint-disable-line boundaries/imports", errors: errors(1) },
    { filename: AI, code: '// eslint-disable-next-line boundaries/forbidden-calls -- trust me\ndeps.approveWorkflow();', errors: errors(1) },
    { filename: AI, code: '/* eslint-enable boundaries/write-paths */', errors: errors(1) },
    { filename: AI, code: '/* eslint boundaries/write-paths: off */', errors: errors(1) },
    { filename: AI, code: '/* eslint boundaries/imports: 0, no-console: 2 */', errors: errors(1) },
    { filename: AI, code: '/* eslint "boundaries/imports": ["warn"] */', errors: errors(1) },
    // near-misses ESLint itself would not read as directives are still refused
    { filename: AI, code: '/* ESLint-Disable boundaries/imports */', errors: [{ messageId: 'violation' }] },
    { filename: AI, code: '/*eslint-disable-next-line   no-console,boundaries/imports*/', errors: errors(1) },
    { filename: AI, code: '/**\n * eslint-disable boundaries/write-paths\n */', errors: [{ messageId: 'violation' }] },
    { filename: AI, code: '//\teslint-disable-line', errors: errors(1) },
    { filename: API, code: '/* eslint-disable no-console, boundaries/write-paths */', errors: errors(1) },
  ],
});

// a waiver exempts only its file and rule, and only until it expires
const waived = {
  ...POLICY,
  waivers: [
    { rule: 'boundaries/imports', file: 'libs/experimental/ai/src/legacy/**', owner: '@luthier/security-team', reason: 'migration', expires: '2026-12-31' },
    { rule: 'boundaries/no-inline-suppression', file: 'apps/api/src/old.ts', owner: '@luthier/security-team', reason: 'x', expires: '2020-01-01' },
  ],
};
const legacy = `${ROOT}/libs/experimental/ai/src/legacy/a.ts`;
boundaryTester(ROOT, waived, '2026-11-23').run('boundaries/no-inline-suppression (waivers)', asEslintRule(noInlineSuppressionRule), {
  valid: [],
  invalid: [
    // the waiver names another rule
    { filename: legacy, code: '// eslint-disable-next-line boundaries/write-paths\nx();', errors: errors(1) },
    // a blanket disable silences rules the waiver does not cover
    { filename: legacy, code: '/* eslint-disable */', errors: errors(1) },
    // expired
    { filename: `${ROOT}/apps/api/src/old.ts`, code: '/* eslint-disable boundaries/imports */', errors: errors(1) },
  ],
});
boundaryTester(ROOT, waived, '2027-01-01').run('boundaries/no-inline-suppression (expired waiver)', asEslintRule(noInlineSuppressionRule), {
  valid: [],
  invalid: [{ filename: legacy, code: '// eslint-disable-next-line boundaries/imports\nimport x from "@luthier/rmos-runs";', errors: errors(1) }],
});

test('directives that silence no boundary rule, or only waived ones, are not reported', () => {
  const lint = (code: string, filename = AI, policy = POLICY) =>
    new Linter({ configType: 'flat', cwd: ROOT })
      .verify(code, [{ files: ['**/*.ts'], languageOptions: { parser: tsParser as unknown as Linter.Parser }, plugins: { boundaries: { rules: { 'no-inline-suppression': asEslintRule(noInlineSuppressionRule) } } }, rules: { 'boundaries/no-inline-suppression': 'error' }, settings: { boundaries: { root: ROOT, policy, today: '2026-11-23' } } }], { filename, allowInlineConfig: false })
      .filter((m) => m.ruleId === 'boundaries/no-inline-suppression');
  assert.deepEqual(lint('// eslint-disable-next-line no-console\nconsole.log(1);'), []);
  assert.deepEqual(lint('/* eslint-disable @typescript-eslint/no-explicit-any */'), []);
  assert.deepEqual(lint('/* eslint no-console: off */'), []);
  assert.deepEqual(lint('/* eslint boundaries/imports: error */'), []);
  assert.deepEqual(lint('// eslint-disable-next-line boundaries/imports\nimport x from "@luthier/rmos-runs";', legacy, waived), []);
  assert.equal(lint('// eslint-disable-next-line boundaries/imports\nimport x from "@luthier/rmos-runs";', legacy).length, 1);
});

test('parseDirective reads the rule list and the kind, whatever the spacing and case', () => {
  assert.deepEqual(parseDirective(' eslint-disable-next-line a, boundaries/imports -- why'), { kind: 'eslint-disable-next-line', rules: ['a', 'boundaries/imports'], config: false });
  assert.deepEqual(parseDirective('ESLINT-DISABLE'), { kind: 'eslint-disable', rules: [], config: false });
  assert.deepEqual(parseDirective(' eslint boundaries/imports: off'), { kind: 'eslint', rules: ['boundaries/imports'], config: true });
  assert.equal(parseDirective(' eslint-env node'), null);
  assert.equal(parseDirective(' see eslint-disable'), null);
});
