import type { Violation } from '../runner/types.js';

/** `path:line:col  rule  message`, one violation a line, in file order. */
export function formatText(violations: readonly Violation[]): string {
  return violations.map((v) => `${v.file}:${v.line}:${v.column}  ${v.rule}  ${v.message}`).join('\n') + (violations.length ? '\n' : '');
}
