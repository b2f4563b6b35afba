import type { Violation } from '../runner/types.js';

export const INTEGRITY_RULE = 'boundaries/integrity';

/** Finds the 1-based line of the first occurrence of `needle` in `text` (1 when absent): where an integrity failure points. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

export function integrityViolation(file: string, line: number, message: string, extra: Partial<Violation> = {}): Violation {
  return { file, line, column: 1, rule: INTEGRITY_RULE, message, securityRef: 'SECURITY.md#no-vacuous-pass', ...extra };
}
