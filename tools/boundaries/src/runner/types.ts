/** One boundary violation, as every formatter and the cache see it. Paths are relative to the workspace root, with `/`. */
export interface Violation {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** `boundaries/imports`, `boundaries/integrity`, … */
  rule: string;
  message: string;
  /** The normalised source line the violation sits on: part of the SARIF fingerprint (line numbers are not). */
  context?: string;
  /** Zones involved, when the rule names them. */
  zones?: string[];
  securityRef?: string;
  allowedWay?: string;
}

export interface FileResult {
  violations: Violation[];
  /** Workspace files (relative paths) the rules read while checking this file: a change in any re-checks it. */
  dependencies: string[];
}

export interface CheckSummary {
  violations: Violation[];
  filesChecked: number;
  filesFromCache: number;
  policyVersion: string;
  root: string;
}
