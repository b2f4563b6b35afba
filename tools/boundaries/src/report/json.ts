import type { Violation } from '../runner/types.js';

export interface JsonReport {
  policyVersion: string;
  filesChecked: number;
  filesFromCache: number;
  violationCount: number;
  violations: Violation[];
}

export function formatJson(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
