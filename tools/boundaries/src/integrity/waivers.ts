import type { Policy } from '../policy/schema.js';
import { todayIso } from '../policy/waivers.js';
import type { Violation } from '../runner/types.js';
import { integrityViolation } from './types.js';

/** An expired waiver fails the check: it no longer exempts, and it must be renewed by its owner or removed. */
export function checkWaivers(policy: Policy, policyFile: string, lineOf: (needle: string) => number, today = todayIso()): Violation[] {
  return policy.waivers
    .filter((w) => w.expires < today)
    .map((w) =>
      integrityViolation(
        policyFile,
        lineOf(`"${w.expires}"`),
        `the waiver of ${w.rule} for ${w.file} (owner ${w.owner}) expired on ${w.expires}: it no longer exempts anything; fix the code, or have ${w.owner} renew it`,
      ),
    );
}
