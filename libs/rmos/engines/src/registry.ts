/**
 * The one place the engines' versions are declared. Every artifact is stamped
 * from here (versionStamps) and every stamp read back is checked against it
 * (assertKnownStamps).
 *
 * The hashes pin each engine's parameter table to its version: a test beside
 * the engine recomputes the hash and fails when a threshold changes without a
 * version bump. To change a table: bump `version`, move the old version into
 * RETIRED_ENGINE_VERSIONS, and paste the new hash the failing test prints.
 */
export const ENGINES = {
  feasibility: {
    version: '1.0.0',
    /** hashCanonical(FEASIBILITY_RULE_TABLE) from @luthier/rmos-feasibility. */
    rule_table_sha256: 'ddb1ab7bee4722116fbb39ccad6ce730cad748c6fa0566749454c1e5b9a30e85',
    /** hashCanonical of the material, tool and machine catalogs feasibility scores against. */
    catalogs_sha256: 'fe46ee79ef2f2431fd1303b8c82d3a67d59ddd5fc7a84c2e90ed3dc3a6e4b4f2',
  },
  toolpaths: {
    version: '1.0.0',
    /** hashCanonical of the toolpath engine's parameter table (owned by @luthier/rmos-toolpaths). */
    parameters_sha256: '3c3086f3fafacdca4ebf909a54efd051bcf4237614b9943b548f640225e826a0',
  },
  'post.grbl': { version: '1.0.0' },
  'post.linuxcnc': { version: '1.0.0' },
  'post.fanuc': { version: '1.0.0' },
} as const satisfies Record<string, { readonly version: string; readonly [hash: `${string}_sha256`]: string }>;

export type EngineId = keyof typeof ENGINES;
export const ENGINE_IDS = Object.keys(ENGINES) as EngineId[];

/**
 * Versions an engine used to have, still accepted when an old artifact is read
 * back (verification), never written on a new one.
 */
export const RETIRED_ENGINE_VERSIONS: Readonly<Record<EngineId, readonly string[]>> = {
  feasibility: [],
  toolpaths: [],
  'post.grbl': [],
  'post.linuxcnc': [],
  'post.fanuc': [],
};

export function isEngineId(id: string): id is EngineId {
  return Object.prototype.hasOwnProperty.call(ENGINES, id);
}
