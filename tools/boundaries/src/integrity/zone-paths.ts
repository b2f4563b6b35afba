import type { Policy } from '../policy/schema.js';

/** A zone path pattern (`libs/experimental/*`) as a regular expression over folder paths; `*` is one path segment. */
export function zonePathRegExp(pattern: string, prefixOnly: boolean): RegExp {
  const body = pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) => seg.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*'))
    .join('/');
  return new RegExp(prefixOnly ? `^${body}/` : `^${body}$`);
}

/** The zone whose paths contain a project folder (relative), by the policy; null when none does. */
export function zoneOfLocation(policy: Policy, relDir: string): string | null {
  for (const zone of policy.zones) if (zone.paths.some((p) => zonePathRegExp(p, false).test(relDir))) return zone.id;
  return null;
}

/** Every zone path pattern that matches no source file: a check over an empty folder would pass vacuously. */
export function emptyZonePaths(policy: Policy, sources: readonly string[]): Array<{ zone: string; pattern: string }> {
  const empty: Array<{ zone: string; pattern: string }> = [];
  for (const zone of policy.zones)
    for (const pattern of zone.paths) {
      const re = zonePathRegExp(pattern, true);
      if (!sources.some((s) => re.test(s))) empty.push({ zone: zone.id, pattern });
    }
  return empty;
}
