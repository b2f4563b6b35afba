import type { RiskBucket } from '@luthier/rmos-contracts';
// String(x)'s text, without V8's slow path for values like 60 or 0.125 (see canonicalNumber).
import { canonicalNumber as n } from '@luthier/shared-hashing';
import type { RuleThresholds } from './table.js';

/** Buckets a rule's value by its thresholds; the message says which limit decided it. */
export function classify(
  thresholds: RuleThresholds,
  value: number,
  range: readonly [number, number] | undefined,
): { verdict: RiskBucket; reason: string } {
  switch (thresholds.kind) {
    case 'above':
      if (value > thresholds.red_above) return { verdict: 'RED', reason: `above the limit ${n(thresholds.red_above)}` };
      if (value > thresholds.yellow_above) return { verdict: 'YELLOW', reason: `above the caution level ${n(thresholds.yellow_above)}` };
      return { verdict: 'GREEN', reason: `within the caution level ${n(thresholds.yellow_above)}` };
    case 'below':
      if (value < thresholds.red_below) return { verdict: 'RED', reason: `below the limit ${n(thresholds.red_below)}` };
      if (value < thresholds.yellow_below) return { verdict: 'YELLOW', reason: `below the caution level ${n(thresholds.yellow_below)}` };
      return { verdict: 'GREEN', reason: `at or above the caution level ${n(thresholds.yellow_below)}` };
    case 'band': {
      // A band rule without its range cannot be judged: fail closed.
      if (!range) return { verdict: 'RED', reason: 'no range to judge against' };
      const [low, high] = range;
      if (value >= low && value <= high) return { verdict: 'GREEN', reason: `within ${n(low)}–${n(high)}` };
      if (value >= low * thresholds.yellow_low_factor && value <= high * thresholds.yellow_high_factor) {
        return { verdict: 'YELLOW', reason: `outside ${n(low)}–${n(high)}, within the caution band` };
      }
      return { verdict: 'RED', reason: `far outside ${n(low)}–${n(high)}` };
    }
    default:
      return { verdict: 'RED', reason: 'unknown threshold kind' };
  }
}
