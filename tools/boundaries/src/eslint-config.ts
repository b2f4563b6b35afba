import type { Linter } from 'eslint';
import type { Policy } from './policy/schema.js';
import { boundaryParser } from './parser/index.js';
import { boundariesPlugin, RULE_IDS } from './plugin.js';

export interface BoundaryConfigOptions {
  root: string;
  policy: Policy;
  /** YYYY-MM-DD for waiver expiry (tests); today otherwise */
  today?: string;
}

export const BOUNDARY_FILES = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts', '**/*.js', '**/*.jsx', '**/*.mjs', '**/*.cjs'];

/**
 * The flat ESLint config holding every per-file boundary check. The parser runs
 * without type information (no parserOptions.project): the rules work from the
 * syntax tree and scope analysis only, which keeps a one-file check fast.
 * Inline config is off, so an eslint-disable comment cannot silence anything;
 * boundaries/no-inline-suppression reports it instead.
 */
export function boundaryConfig({ root, policy, today }: BoundaryConfigOptions): Linter.Config[] {
  return [
    {
      name: 'boundaries/rules',
      files: BOUNDARY_FILES,
      languageOptions: {
        parser: boundaryParser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      plugins: { boundaries: boundariesPlugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: Object.fromEntries(RULE_IDS.map((id) => [id, 'error'])),
      settings: { boundaries: { root, policy, ...(today ? { today } : {}) } },
    },
    {
      // CommonJS files: `require`, `module` and `exports` are globals there
      name: 'boundaries/commonjs',
      files: ['**/*.cjs', '**/*.cts'],
      languageOptions: { sourceType: 'commonjs' },
    },
  ];
}
