import type { TSESLint } from '@typescript-eslint/utils';
import type { Policy } from '../policy/schema.js';
import type { Workspace } from '../workspace/projects.js';
import type { Node } from './ast.js';

/** Where an expression lives, for evaluating it: its file, its scopes, and whom to record dependencies for. */
export interface Env {
  file: string;
  /** the file being checked: every file read on its behalf is recorded against it */
  recordFor: string;
  getScope(node: Node): TSESLint.Scope.Scope;
  ws: Workspace;
  policy: Policy;
  /** how many files deep we are in following imported constants */
  fileDepth: number;
  /** identifies one lint of the checked file (its SourceCode): memos live exactly that long */
  run: object;
}

export const MAX_FILE_DEPTH = 6;
export const MAX_EVAL_DEPTH = 60;
