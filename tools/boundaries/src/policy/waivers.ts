import path from 'node:path';
import type { Policy, Waiver } from './schema.js';

/** Today's date as YYYY-MM-DD (UTC), the format of a waiver's `expires`. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function globToRegExp(glob: string): RegExp {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') {
          i++;
          out += '(?:.*/)?';
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

/** Whether a waiver's file (a path or glob relative to the root) covers `relFile`. */
export function waiverCovers(waiver: Waiver, relFile: string): boolean {
  const rel = relFile.split(path.sep).join('/').replace(/^\.\//, '');
  const pattern = waiver.file.replace(/^\.\//, '');
  return pattern === rel || globToRegExp(pattern).test(rel);
}

function sameRule(waiverRule: string, ruleId: string): boolean {
  const bare = (id: string) => id.replace(/^boundaries\//, '');
  return bare(waiverRule) === bare(ruleId);
}

/** The waiver exempting `relFile` from `ruleId` today, if any: only while today <= expires. */
export function findWaiver(policy: Policy, ruleId: string, relFile: string, today = todayIso()): Waiver | null {
  return policy.waivers.find((w) => sameRule(w.rule, ruleId) && waiverCovers(w, relFile) && today <= w.expires) ?? null;
}

export function isWaived(policy: Policy, ruleId: string, relFile: string, today = todayIso()): boolean {
  return findWaiver(policy, ruleId, relFile, today) !== null;
}
