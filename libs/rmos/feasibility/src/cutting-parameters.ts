import type { Machine, Material, Tool } from './catalogs/schemas.js';
import { CUTTING_POLICY } from './cutting-policy.js';

export interface CuttingParameters {
  rpm: number;
  feed_mm_per_min: number;
  plunge_feed_mm_per_min: number;
  stepdown_mm: number;
  stepover_mm: number;
}

/**
 * The one place cutting parameters are chosen: feasibility scores them and
 * toolpaths cuts with them. Deterministic, integer rpm and feeds.
 *
 * - rpm: the speed that puts the chipload mid-range at the material's feed,
 *   clamped to the material's rpm range and to the tool's and machine's maximum
 *   (when those maxima are below the material's minimum, the maximum is used and
 *   feasibility rule F009 turns RED).
 * - feed: the material's feed, capped by the machine's max feed and by the
 *   tool's maximum chipload at that rpm (small cutters must not be overfed).
 * - plunge: the material's plunge feed, capped at half the chosen feed.
 * - stepdown: ≤ the material's max depth per pass and ≤ half the tool diameter.
 * - stepover: 40% of the tool diameter (≤ 50%).
 */
export function cuttingParameters(material: Material, tool: Tool, machine: Machine): CuttingParameters {
  const { stepdown_diameter_factor, stepover_diameter_factor, plunge_feed_factor, rpm_step } = CUTTING_POLICY;

  const feedCeiling = Math.min(material.feed_mm_per_min, machine.max_feed_mm_per_min);
  const chiploadMid = (tool.chipload_min_mm + tool.chipload_max_mm) / 2;
  const rpmTarget = Math.round(feedCeiling / (tool.flutes * chiploadMid) / rpm_step) * rpm_step;
  const rpmCeiling = Math.min(material.rpm_max, tool.max_rpm, machine.max_rpm);
  const rpm = Math.min(rpmCeiling, Math.max(material.rpm_min, rpmTarget));

  const feed = Math.floor(Math.min(feedCeiling, rpm * tool.flutes * tool.chipload_max_mm));
  const plunge = Math.floor(Math.min(material.plunge_feed_mm_per_min, feed * plunge_feed_factor));

  return {
    rpm,
    feed_mm_per_min: feed,
    plunge_feed_mm_per_min: plunge,
    stepdown_mm: floorTo(Math.min(material.max_depth_per_pass_mm, tool.diameter_mm * stepdown_diameter_factor), 100),
    stepover_mm: floorTo(tool.diameter_mm * stepover_diameter_factor, 1000),
  };
}

/** Rounds down to 1/scale so that a limit is never exceeded by rounding. */
function floorTo(value: number, scale: number): number {
  const floored = Math.floor(value * scale) / scale;
  // value * scale can round up across an integer; step back so the limit still holds.
  return floored > value ? (Math.floor(value * scale) - 1) / scale : floored;
}
