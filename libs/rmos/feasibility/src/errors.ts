import type { z } from 'zod';

/** A catalog data file is malformed; names the file and the bad entry. */
export class CatalogValidationError extends Error {
  readonly code = 'CATALOG_INVALID';
  readonly status = 500;
  constructor(
    readonly catalog: string,
    /** The offending entry's index and id (when it has one), or null for a file-level problem. */
    readonly entry: { index: number; id: string | null } | null,
    readonly issues: readonly string[],
  ) {
    const where = entry ? `entry #${entry.index}${entry.id ? ` (id "${entry.id}")` : ''}` : 'file';
    super(`catalog ${catalog}: ${where} is invalid: ${issues.join('; ')}`);
    this.name = 'CatalogValidationError';
  }
}

/** evaluateFeasibility was handed a design or context the contract schemas refuse. */
export class FeasibilityInputError extends Error {
  readonly code = 'FEASIBILITY_INPUT_INVALID';
  readonly status = 400;
  constructor(readonly issues: readonly string[]) {
    super(`feasibility input is invalid: ${issues.join('; ')}`);
    this.name = 'FeasibilityInputError';
  }
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}
