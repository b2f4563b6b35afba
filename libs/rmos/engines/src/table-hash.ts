import { hashCanonical } from '@luthier/shared-hashing';

/**
 * Compares an engine table with the hash the registry declares for it. The
 * engine's own test calls this and fails with the message, which names the
 * new hash to paste after bumping the version.
 */
export function checkTableHash(
  engine: string,
  table: unknown,
  declaredSha256: string,
): { ok: true; actual: string } | { ok: false; actual: string; message: string } {
  const actual = hashCanonical(table);
  if (actual === declaredSha256) return { ok: true, actual };
  return {
    ok: false,
    actual,
    message:
      `${engine}: the table hashes to ${actual} but the registry declares ${declaredSha256}. ` +
      'A changed table is a new engine version: bump the version in libs/rmos/engines/src/registry.ts, ' +
      'list the old one as retired, and set the new hash.',
  };
}
