import type { RuleId } from './table.js';
import { GEOMETRY_POLICY, PATTERN_COMPLEXITY_FACTORS, PATTERN_HEAT_FACTORS } from './table.js';
import type { FeasibilityJob, ResolvedJob } from './job.js';

/** A calculator's answer: the value in the rule's unit, and for band rules the GREEN range. */
export interface Calculation {
  value: number;
  range?: readonly [low: number, high: number];
  /** What the value was computed from, for the verdict message. */
  detail: string;
}

export type Calculator =
  | { needs_catalogs: false; compute(job: FeasibilityJob): Calculation }
  | { needs_catalogs: true; compute(job: ResolvedJob): Calculation };

const onResolved = (compute: (job: ResolvedJob) => Calculation): Calculator => ({ needs_catalogs: true, compute });
const onAny = (compute: (job: FeasibilityJob) => Calculation): Calculator => ({ needs_catalogs: false, compute });

// Plain loops throughout: per-call closures cost a helper call each under tsx (keepNames), and this runs per evaluation.
function maxDepth(job: FeasibilityJob): number {
  let m = 0;
  for (const r of job.design.rings) if (r.depth_mm > m) m = r.depth_mm;
  return m;
}

function minWidth(job: FeasibilityJob): number {
  let m = Infinity;
  for (const r of job.design.rings) if (r.width_mm < m) m = r.width_mm;
  return m;
}

function patternSum(job: FeasibilityJob, factors: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const r of job.design.rings) sum += factors[r.pattern];
  return sum;
}

function byInnerThenOuterEdge(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Walls (between neighbouring channels, and between the innermost channel and the soundhole) thinner than the policy minimum. */
export function thinWallCount(job: FeasibilityJob): number {
  const channels: (readonly [number, number])[] = [];
  for (const r of job.design.rings) channels.push([r.radial_position_mm - r.width_mm / 2, r.radial_position_mm + r.width_mm / 2]);
  channels.sort(byInnerThenOuterEdge);
  let thin = 0;
  if (job.design.inner_diameter_mm > 0 && channels[0][0] - job.design.inner_diameter_mm / 2 < GEOMETRY_POLICY.thin_wall_mm) thin++;
  let reach = channels[0][1];
  for (let i = 1; i < channels.length; i++) {
    if (channels[i][0] - reach < GEOMETRY_POLICY.thin_wall_mm) thin++;
    reach = Math.max(reach, channels[i][1]);
  }
  return thin;
}

/** One calculator per rule id. evaluateFeasibility fails closed (RED) for a rule without one. */
export const CALCULATORS: Readonly<Record<RuleId, Calculator>> = {
  F001: onResolved(({ tool, params }) => ({
    value: params.feed_mm_per_min / (params.rpm * tool.flutes),
    range: [tool.chipload_min_mm, tool.chipload_max_mm],
    detail: `${params.feed_mm_per_min} mm/min at ${params.rpm} rpm with ${tool.flutes} flutes; ${tool.id} range ${tool.chipload_min_mm}–${tool.chipload_max_mm} mm`,
  })),
  F002: onAny((job) => ({
    value: patternSum(job, PATTERN_HEAT_FACTORS),
    detail: `${job.design.rings.length} rings`,
  })),
  F003: onResolved((job) => {
    const { tool, params } = job;
    const slenderness = tool.stickout_mm / tool.diameter_mm;
    const engagement = Math.min(params.stepdown_mm, maxDepth(job));
    return {
      value: slenderness * slenderness * slenderness * (engagement / tool.diameter_mm),
      detail: `stickout ${tool.stickout_mm} mm, diameter ${tool.diameter_mm} mm, axial engagement ${engagement} mm`,
    };
  }),
  F004: onResolved(({ tool, params }) => ({
    value: (Math.PI * tool.diameter_mm * params.rpm) / 1000,
    detail: `${tool.diameter_mm} mm at ${params.rpm} rpm`,
  })),
  F005: onAny((job) => {
    const thin = thinWallCount(job);
    return {
      value: patternSum(job, PATTERN_COMPLEXITY_FACTORS) + thin * GEOMETRY_POLICY.thin_wall_penalty,
      detail: `${job.design.rings.length} rings, ${thin} walls under ${GEOMETRY_POLICY.thin_wall_mm} mm`,
    };
  }),
  F006: onResolved((job) => ({
    value: minWidth(job) / job.tool.diameter_mm,
    detail: `narrowest channel ${minWidth(job)} mm, tool ${job.tool.diameter_mm} mm`,
  })),
  F007: onResolved((job) => ({
    value: maxDepth(job) / job.tool.flute_length_mm,
    detail: `deepest channel ${maxDepth(job)} mm, flute length ${job.tool.flute_length_mm} mm`,
  })),
  F008: onResolved((job) => ({
    value: maxDepth(job) / job.material.max_depth_per_pass_mm,
    detail: `deepest channel ${maxDepth(job)} mm, ${job.material.id} max ${job.material.max_depth_per_pass_mm} mm per pass`,
  })),
  F009: onResolved(({ material, tool, machine }) => {
    const ceiling = Math.min(material.rpm_max, tool.max_rpm, machine.max_rpm);
    return { value: material.rpm_min / ceiling, detail: `${material.id} needs ≥ ${material.rpm_min} rpm; ceiling ${ceiling} rpm` };
  }),
  F010: onResolved(({ tool, machine, params }) => {
    const ceiling = Math.min(tool.max_rpm, machine.max_rpm);
    return { value: params.rpm / ceiling, detail: `${params.rpm} rpm against ${ceiling} rpm` };
  }),
  F011: onResolved(({ machine, params }) => ({
    value: Math.max(params.feed_mm_per_min, params.plunge_feed_mm_per_min) / machine.max_feed_mm_per_min,
    detail: `feed ${params.feed_mm_per_min}, plunge ${params.plunge_feed_mm_per_min} against ${machine.max_feed_mm_per_min} mm/min`,
  })),
  F012: onResolved((job) => {
    const { design, tool, machine } = job;
    const xy = (design.outer_diameter_mm + tool.diameter_mm) / Math.min(machine.travel_x_mm, machine.travel_y_mm);
    const z = (maxDepth(job) + machine.safe_z_mm) / machine.travel_z_mm;
    return {
      value: Math.max(xy, z),
      detail: `${design.outer_diameter_mm + tool.diameter_mm} mm across against ${Math.min(machine.travel_x_mm, machine.travel_y_mm)} mm of travel`,
    };
  }),
  F013: onAny(({ unknown_ids }) => ({
    value: unknown_ids.length,
    detail: unknown_ids.length ? `unknown ${unknown_ids.join(', ')}` : 'material, tool and machine are in the catalogs',
  })),
};
