import type { RosetteDesign } from '@luthier/rmos-contracts';
// String(x)'s text, without V8's slow path for values like 60 or 1.5 (see canonicalNumber).
import { canonicalNumber as n } from '@luthier/shared-hashing';
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

/** What the rules read off the rings, gathered in one pass per evaluation rather than once per rule. */
export interface RingSummary {
  readonly max_depth_mm: number;
  readonly min_width_mm: number;
  /** Sum of the rings' heat factors (F002). */
  readonly heat_index: number;
  /** Sum of the rings' complexity factors (F005, before the thin-wall penalty). */
  readonly pattern_complexity: number;
  /** Walls (between neighbouring channels, and between the innermost channel and the soundhole) thinner than the policy minimum. */
  readonly thin_walls: number;
}

// Plain loops throughout: per-call closures cost a helper call each under tsx (keepNames), and this runs per evaluation.
export function summariseRings(design: RosetteDesign): RingSummary {
  const rings = design.rings;
  let maxDepth = 0;
  let minWidth = Infinity;
  let heat = 0;
  let complexity = 0;
  // Walls are counted in channel order (inner edge, then outer edge). Rings usually come in that
  // order already; then they are counted here, and only rings out of order pay for the sort.
  let inOrder = true;
  let thin = 0;
  let prevInner = 0;
  let prevOuter = 0;
  let reach = 0;
  for (let i = 0; i < rings.length; i++) {
    const r = rings[i];
    if (r.depth_mm > maxDepth) maxDepth = r.depth_mm;
    if (r.width_mm < minWidth) minWidth = r.width_mm;
    heat += PATTERN_HEAT_FACTORS[r.pattern];
    complexity += PATTERN_COMPLEXITY_FACTORS[r.pattern];
    const inner = r.radial_position_mm - r.width_mm / 2;
    const outer = r.radial_position_mm + r.width_mm / 2;
    if (i === 0) {
      if (design.inner_diameter_mm > 0 && inner - design.inner_diameter_mm / 2 < GEOMETRY_POLICY.thin_wall_mm) thin++;
      reach = outer;
    } else if (inOrder) {
      if (inner < prevInner || (inner === prevInner && outer < prevOuter)) inOrder = false;
      if (inner - reach < GEOMETRY_POLICY.thin_wall_mm) thin++;
      reach = Math.max(reach, outer);
    }
    prevInner = inner;
    prevOuter = outer;
  }
  return {
    max_depth_mm: maxDepth,
    min_width_mm: minWidth,
    heat_index: heat,
    pattern_complexity: complexity,
    thin_walls: inOrder ? thin : thinWallsSorted(design),
  };
}

function byInnerThenOuterEdge(a: readonly [number, number], b: readonly [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** RingSummary.thin_walls for rings in any order. */
function thinWallsSorted(design: RosetteDesign): number {
  const channels: (readonly [number, number])[] = [];
  for (const r of design.rings) channels.push([r.radial_position_mm - r.width_mm / 2, r.radial_position_mm + r.width_mm / 2]);
  channels.sort(byInnerThenOuterEdge);
  let thin = 0;
  if (design.inner_diameter_mm > 0 && channels[0][0] - design.inner_diameter_mm / 2 < GEOMETRY_POLICY.thin_wall_mm) thin++;
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
    detail: `${n(params.feed_mm_per_min)} mm/min at ${n(params.rpm)} rpm with ${n(tool.flutes)} flutes; ${tool.id} range ${n(tool.chipload_min_mm)}–${n(tool.chipload_max_mm)} mm`,
  })),
  F002: onAny((job) => ({
    value: job.rings.heat_index,
    detail: `${job.design.rings.length} rings`,
  })),
  F003: onResolved((job) => {
    const { tool, params } = job;
    const slenderness = tool.stickout_mm / tool.diameter_mm;
    const engagement = Math.min(params.stepdown_mm, job.rings.max_depth_mm);
    return {
      value: slenderness * slenderness * slenderness * (engagement / tool.diameter_mm),
      detail: `stickout ${n(tool.stickout_mm)} mm, diameter ${n(tool.diameter_mm)} mm, axial engagement ${n(engagement)} mm`,
    };
  }),
  F004: onResolved(({ tool, params }) => ({
    value: (Math.PI * tool.diameter_mm * params.rpm) / 1000,
    detail: `${n(tool.diameter_mm)} mm at ${n(params.rpm)} rpm`,
  })),
  F005: onAny((job) => {
    const thin = job.rings.thin_walls;
    return {
      value: job.rings.pattern_complexity + thin * GEOMETRY_POLICY.thin_wall_penalty,
      detail: `${job.design.rings.length} rings, ${thin} walls under ${GEOMETRY_POLICY.thin_wall_mm} mm`,
    };
  }),
  F006: onResolved((job) => ({
    value: job.rings.min_width_mm / job.tool.diameter_mm,
    detail: `narrowest channel ${n(job.rings.min_width_mm)} mm, tool ${n(job.tool.diameter_mm)} mm`,
  })),
  F007: onResolved((job) => ({
    value: job.rings.max_depth_mm / job.tool.flute_length_mm,
    detail: `deepest channel ${n(job.rings.max_depth_mm)} mm, flute length ${n(job.tool.flute_length_mm)} mm`,
  })),
  F008: onResolved((job) => ({
    value: job.rings.max_depth_mm / job.material.max_depth_per_pass_mm,
    detail: `deepest channel ${n(job.rings.max_depth_mm)} mm, ${job.material.id} max ${n(job.material.max_depth_per_pass_mm)} mm per pass`,
  })),
  F009: onResolved(({ material, tool, machine }) => {
    const ceiling = Math.min(material.rpm_max, tool.max_rpm, machine.max_rpm);
    return { value: material.rpm_min / ceiling, detail: `${material.id} needs ≥ ${n(material.rpm_min)} rpm; ceiling ${n(ceiling)} rpm` };
  }),
  F010: onResolved(({ tool, machine, params }) => {
    const ceiling = Math.min(tool.max_rpm, machine.max_rpm);
    return { value: params.rpm / ceiling, detail: `${n(params.rpm)} rpm against ${n(ceiling)} rpm` };
  }),
  F011: onResolved(({ machine, params }) => ({
    value: Math.max(params.feed_mm_per_min, params.plunge_feed_mm_per_min) / machine.max_feed_mm_per_min,
    detail: `feed ${n(params.feed_mm_per_min)}, plunge ${n(params.plunge_feed_mm_per_min)} against ${n(machine.max_feed_mm_per_min)} mm/min`,
  })),
  F012: onResolved((job) => {
    const { design, tool, machine } = job;
    const xy = (design.outer_diameter_mm + tool.diameter_mm) / Math.min(machine.travel_x_mm, machine.travel_y_mm);
    const z = (job.rings.max_depth_mm + machine.safe_z_mm) / machine.travel_z_mm;
    return {
      value: Math.max(xy, z),
      detail: `${n(design.outer_diameter_mm + tool.diameter_mm)} mm across against ${n(Math.min(machine.travel_x_mm, machine.travel_y_mm))} mm of travel`,
    };
  }),
  F013: onAny(({ unknown_ids }) => ({
    value: unknown_ids.length,
    detail: unknown_ids.length ? `unknown ${unknown_ids.join(', ')}` : 'material, tool and machine are in the catalogs',
  })),
};
