import type { TSESLint } from '@typescript-eslint/utils';

export const noInlineSuppressionRule: TSESLint.RuleModule<string, []> = {
  meta: { type: 'problem', messages: { violation: '{{message}}' }, schema: [] },
  defaultOptions: [],
  create() {
    return {};
  },
};
