import type { TSESLint } from '@typescript-eslint/utils';
import { importsRule } from './rules/imports.js';
import { forbiddenCallsRule } from './rules/forbidden-calls.js';
import { writePathsRule } from './rules/write-paths.js';
import { noInlineSuppressionRule } from './rules/no-inline-suppression.js';

/**
 * The rules take no options (the policy configures them). Declared as `schema: false` for ESLint, which then
 * skips compiling an options validator: building ajv for the first one was a fifth of a one-file check. Options
 * passed in a config would be ignored, as an empty schema's refusal would only have said.
 */
function withoutOptionsSchema<R extends TSESLint.RuleModule<string, readonly unknown[]>>(rule: R): R {
  return { ...rule, meta: { ...rule.meta, schema: false as unknown as [] } };
}

export const boundaryRules = {
  imports: withoutOptionsSchema(importsRule),
  'forbidden-calls': withoutOptionsSchema(forbiddenCallsRule),
  'write-paths': withoutOptionsSchema(writePathsRule),
  'no-inline-suppression': withoutOptionsSchema(noInlineSuppressionRule),
} satisfies Record<string, TSESLint.RuleModule<string, readonly unknown[]>>;

/** The ESLint rule ids, as they appear in reports, SARIF and SECURITY.md. */
export const RULE_IDS = Object.keys(boundaryRules).map((name) => `boundaries/${name}`) as Array<`boundaries/${keyof typeof boundaryRules}`>;

export const boundariesPlugin = {
  meta: { name: '@luthier/boundaries', version: '0.1.0' },
  rules: boundaryRules,
};
