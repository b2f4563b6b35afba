import type { RingPattern } from '@luthier/rmos-contracts';
import { CUTTING_POLICY } from '../cutting-policy.js';

/**
 * How a rule's value is bucketed:
 * - above: value > red_above → RED, else value > yellow_above → YELLOW, else GREEN;
 * - below: value < red_below → RED, else value < yellow_below → YELLOW, else GREEN;
 * - band:  inside the calculator's [low, high] range → GREEN; inside
 *          [low × yellow_low_factor, high × yellow_high_factor] → YELLOW; else RED.
 */
export type RuleThresholds =
  | { readonly kind: 'above'; readonly yellow_above: number; readonly red_above: number }
  | { readonly kind: 'below'; readonly yellow_below: number; readonly red_below: number }
  | { readonly kind: 'band'; readonly yellow_low_factor: number; readonly yellow_high_factor: number };

export interface RuleDefinition {
  readonly id: string;
  readonly name: string;
  readonly unit: string;
  readonly weight: number;
  readonly thresholds: RuleThresholds;
  readonly why: string;
}

const rule = <const T extends RuleDefinition>(r: T): T => r;

/** The feasibility rules, in evaluation order. Ids are stable: never renumber, only add. */
export const FEASIBILITY_RULES = [
  rule({
    id: 'F001',
    name: 'chipload_mm_per_tooth',
    unit: 'mm/tooth',
    weight: 3,
    thresholds: { kind: 'band', yellow_low_factor: 0.5, yellow_high_factor: 1.25 },
    why: "feed / (rpm × flutes) against the tool's chipload range: too thin rubs and burns, too thick breaks small cutters",
  }),
  rule({
    id: 'F002',
    name: 'heat_index',
    unit: 'index',
    weight: 2,
    thresholds: { kind: 'above', yellow_above: 24, red_above: 48 },
    why: 'ring count × pattern factor (summed over the rings): dense patterned rings keep the cutter in the cut and scorch the wood',
  }),
  rule({
    id: 'F003',
    name: 'tool_deflection_index',
    unit: 'index',
    weight: 3,
    thresholds: { kind: 'above', yellow_above: 100, red_above: 200 },
    why: '(stickout / diameter)³ × (axial engagement / diameter): cantilever deflection grows with the cube of the slenderness and with the load',
  }),
  rule({
    id: 'F004',
    name: 'rim_speed_m_per_min',
    unit: 'm/min',
    weight: 1,
    thresholds: { kind: 'above', yellow_above: 500, red_above: 750 },
    why: 'π × diameter × rpm: beyond a solid carbide cutter’s rated surface speed in hardwood it overheats',
  }),
  rule({
    id: 'F005',
    name: 'geometry_complexity_index',
    unit: 'index',
    weight: 1,
    thresholds: { kind: 'above', yellow_above: 60, red_above: 120 },
    why: 'pattern complexity summed over the rings plus a penalty per wall between channels thinner than the minimum',
  }),
  rule({
    id: 'F006',
    name: 'channel_width_to_tool_ratio',
    unit: 'ratio',
    weight: 3,
    thresholds: { kind: 'below', yellow_below: 1.1, red_below: 1 },
    why: 'the narrowest channel over the tool diameter: a channel narrower than the cutter cannot be cut to size',
  }),
  rule({
    id: 'F007',
    name: 'channel_depth_to_flute_ratio',
    unit: 'ratio',
    weight: 3,
    thresholds: { kind: 'above', yellow_above: 0.8, red_above: 1 },
    why: 'the deepest channel over the flute length: deeper than the flutes, the shank rubs and burns the wall',
  }),
  rule({
    id: 'F008',
    name: 'channel_depth_to_pass_depth_ratio',
    unit: 'ratio',
    weight: 2,
    thresholds: { kind: 'above', yellow_above: 1, red_above: 2 },
    why: "the deepest channel over the material's max depth per pass: deep channels in brittle woods chip out",
  }),
  rule({
    id: 'F009',
    name: 'rpm_floor_to_ceiling_ratio',
    unit: 'ratio',
    weight: 2,
    thresholds: { kind: 'above', yellow_above: 0.9, red_above: 1 },
    why: "the material's minimum rpm over the highest rpm the tool, machine and material allow: above 1 the material cannot be cut at its speed",
  }),
  rule({
    id: 'F010',
    name: 'rpm_to_ceiling_ratio',
    unit: 'ratio',
    weight: 2,
    thresholds: { kind: 'above', yellow_above: 1, red_above: 1 },
    why: "the chosen rpm over the tool's and machine's maximum rpm",
  }),
  rule({
    id: 'F011',
    name: 'feed_to_machine_max_ratio',
    unit: 'ratio',
    weight: 1,
    thresholds: { kind: 'above', yellow_above: 0.95, red_above: 1 },
    why: "the chosen feed (and plunge feed) over the machine's maximum feed: at the limit a hobby machine loses steps",
  }),
  rule({
    id: 'F012',
    name: 'travel_to_machine_ratio',
    unit: 'ratio',
    weight: 3,
    thresholds: { kind: 'above', yellow_above: 0.9, red_above: 1 },
    why: "(outer diameter + tool diameter) over the machine's smaller XY travel; the deepest channel + safe Z over its Z travel",
  }),
  rule({
    id: 'F013',
    name: 'unknown_catalog_ids_count',
    unit: 'count',
    weight: 5,
    thresholds: { kind: 'above', yellow_above: 0, red_above: 0 },
    why: 'a material, tool or machine the catalogs do not know: nothing can be computed for it, so it is never fine',
  }),
] as const satisfies readonly RuleDefinition[];

export type RuleId = (typeof FEASIBILITY_RULES)[number]['id'];

/** Heat contributed by one ring of each pattern (F002). */
export const PATTERN_HEAT_FACTORS: Readonly<Record<RingPattern, number>> = {
  solid: 1,
  radial: 1.25,
  spiral: 1.5,
  hexagonal: 1.75,
  herringbone: 2,
};

/** Geometric complexity contributed by one ring of each pattern (F005). */
export const PATTERN_COMPLEXITY_FACTORS: Readonly<Record<RingPattern, number>> = {
  solid: 1,
  radial: 2,
  spiral: 3,
  hexagonal: 3,
  herringbone: 4,
};

export const GEOMETRY_POLICY = {
  /** A wall between two channels (or a channel and the soundhole) thinner than this is fragile. */
  thin_wall_mm: 1,
  /** Complexity points per thin wall (F005). */
  thin_wall_penalty: 5,
} as const;

/** Score points per verdict; the score is informative only, the bucket comes from the verdicts. */
export const VERDICT_POINTS = { GREEN: 1, YELLOW: 0.5, RED: 0 } as const;

/** Values are rounded to this many decimals before bucketing, so the reported value is the one judged. */
export const VALUE_DECIMALS = 6;

/**
 * Everything that decides a verdict, hashed into the engine registry
 * (ENGINES.feasibility.rule_table_sha256).
 */
export const FEASIBILITY_RULE_TABLE = {
  rules: FEASIBILITY_RULES,
  pattern_heat_factors: PATTERN_HEAT_FACTORS,
  pattern_complexity_factors: PATTERN_COMPLEXITY_FACTORS,
  geometry_policy: GEOMETRY_POLICY,
  verdict_points: VERDICT_POINTS,
  value_decimals: VALUE_DECIMALS,
  cutting_policy: CUTTING_POLICY,
} as const;
