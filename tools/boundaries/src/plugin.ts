import type { TSESLint } from '@typescript-eslint/utils';
import { importsRule } from './rules/imports.js';
import { forbiddenCallsRule } from './rules/forbidden-calls.js';
import { writePathsRule } from './rules/write-paths.js';
import { noInlineSuppressionRule } from './rules/no-inline-suppression.js';

export const boundaryRules = {
  imports: importsRule,
  'forbidden-calls': forbiddenCallsRule,
  'write-paths': writePathsRule,
  'no-inline-suppression': noInlineSuppressionRule,
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

/** The ESLint rule ids, as they appear in reports, SARIF and SECURITY.md. */
export const RULE_IDS = Object.keys(boundaryRules).map((name) => `boundaries/${name}`) as Array<`boundaries/${keyof typeof boundaryRules}`>;

export const boundariesPlugin = {
  meta: { name: '@luthier/boundaries', version: '0.1.0' },
  rules: boundaryRules,
};
