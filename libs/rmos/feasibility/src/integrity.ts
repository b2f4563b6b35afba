import { ENGINES } from '@luthier/rmos-engines';
import { hashCanonical } from '@luthier/shared-hashing';
import { catalogData } from './catalogs/default.js';
import { FEASIBILITY_RULE_TABLE } from './rules/table.js';

/** The hashes of what this build scores with, computed once at load. */
export const ACTUAL_RULE_TABLE_SHA256 = hashCanonical(FEASIBILITY_RULE_TABLE);
export const ACTUAL_CATALOGS_SHA256 = hashCanonical(catalogData());

/**
 * Problems that make every result of this build untrustworthy: a rule table or
 * catalog that no longer matches the version the registry declares. Each one
 * turns every result RED (the test beside the registry fails first).
 */
export function integrityProblems(
  declared: { rule_table_sha256: string; catalogs_sha256: string } = ENGINES.feasibility,
  actual = { rule_table_sha256: ACTUAL_RULE_TABLE_SHA256, catalogs_sha256: ACTUAL_CATALOGS_SHA256 },
): string[] {
  const problems: string[] = [];
  if (declared.rule_table_sha256 !== actual.rule_table_sha256) {
    problems.push('feasibility rule table does not match the engine version the registry declares');
  }
  if (declared.catalogs_sha256 !== actual.catalogs_sha256) {
    problems.push('feasibility catalogs do not match the engine version the registry declares');
  }
  return problems;
}
