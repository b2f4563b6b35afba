import type { FeasibilityResult } from '@luthier/rmos-contracts';
import type { DesignChange } from './proposal.js';

function describeChange(change: DesignChange): string {
  const ring = `ring ${change.ring_index + 1}`;
  switch (change.field) {
    case 'depth_mm':
      return `cut ${ring} ${change.to} mm deep instead of ${change.from} mm`;
    case 'width_mm':
      return `make ${ring} ${change.to} mm wide instead of ${change.from} mm`;
    case 'radial_position_mm':
      return `move ${ring} to radius ${change.to} mm (was ${change.from} mm)`;
    case 'pattern':
      return `inlay ${ring} with ${change.to} instead of ${change.from}`;
  }
}

/** A plain-language reason: what changes, and which server-computed rule verdicts it moves. */
export function rationale(changes: DesignChange[], before: FeasibilityResult, after: FeasibilityResult): string {
  const beforeRules = new Map(before.rules.map((rule) => [rule.rule_id, rule]));
  const moved = after.rules
    .filter((rule) => beforeRules.has(rule.rule_id) && beforeRules.get(rule.rule_id)!.verdict !== rule.verdict)
    .map((rule) => `${rule.rule_id} ${rule.name}: ${beforeRules.get(rule.rule_id)!.verdict} to ${rule.verdict}`);
  const what = changes.map(describeChange).join('; ');
  const effect = `server-computed feasibility moves from ${before.risk_bucket} (score ${before.score}) to ${after.risk_bucket} (score ${after.score})`;
  return `${what.charAt(0).toUpperCase()}${what.slice(1)}: ${effect}${moved.length ? `; ${moved.join(', ')}` : ''}.`;
}
