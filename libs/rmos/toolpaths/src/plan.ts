import type { Ring } from '@luthier/rmos-contracts';
import { ChannelNarrowerThanToolError, ToolpathError } from './errors.js';
import type { ToolpathInputs } from './inputs.js';
import { TOOLPATH_PARAMETERS } from './parameters.js';
import { ceilUm, floorUm, umToMm } from './units.js';

/** How one ring's annular channel is cleared. Radii are tool-centre radii unless named channel_. */
export interface RingOperation {
  ring_index: number;
  pattern: Ring['pattern'];
  channel_inner_radius_mm: number;
  channel_outer_radius_mm: number;
  /** The design depth, and the depth actually cut (the design depth floored to the 1 µm grid). */
  depth_mm: number;
  cut_depth_mm: number;
  entry: 'helix';
  helix_radius_mm: number;
  /** Concentric tool-centre radii, inner to outer: inner+r … outer−r. */
  pass_radii_mm: number[];
  passes: number;
  /** Floor of each stepdown, shallow to deep (positive depths below Z0). */
  level_depths_mm: number[];
  stepdowns: number;
}

export interface OperationPlan {
  tool_id: string;
  tool_diameter_mm: number;
  material_id: string;
  machine_id: string;
  spindle_rpm: number;
  feed_mm_per_min: number;
  plunge_feed_mm_per_min: number;
  /** Effective limits: never above the material's max depth per pass, never above 50% of the tool. */
  max_stepdown_mm: number;
  max_stepover_mm: number;
  safe_z_mm: number;
  stock_radius_mm: number;
  rings: RingOperation[];
}

/** Evenly spaced integer points from `from` to `to` (both included), no gap above `maxGap`. */
function evenSteps(from: number, to: number, maxGap: number): number[] {
  const span = to - from;
  if (span <= 0) return [from];
  const count = Math.ceil(span / maxGap);
  const points: number[] = [];
  for (let i = 0; i <= count; i++) points.push(from + Math.round((span * i) / count));
  return points;
}

// Cutting parameters come from cuttingParameters, not from the client: a bad one is an
// internal failure (500, an ERROR run), not a refusal of the request.
function wholePerMinute(name: string, value: number): number {
  const whole = Math.floor(positiveFinite(name, value));
  if (whole < 1) throw new ToolpathError('INVALID_CUTTING_PARAMETERS', `${name} rounds down to 0`, 500, { [name]: value });
  return whole;
}

function positiveFinite(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ToolpathError('INVALID_CUTTING_PARAMETERS', `${name} must be a positive finite number, got ${value}`, 500, { [name]: value });
  }
  return value;
}

export function planOperations(inputs: ToolpathInputs): OperationPlan {
  const { design, tool, material, machine, cutting } = inputs;
  const diameter = positiveFinite('tool.diameter_mm', tool.diameter_mm);
  const toolRadiusUm = ceilUm(diameter / 2);
  const stepdownUm = floorUm(
    Math.min(positiveFinite('stepdown_mm', cutting.stepdown_mm), positiveFinite('material.max_depth_per_pass_mm', material.max_depth_per_pass_mm)),
  );
  const stepoverUm = floorUm(Math.min(positiveFinite('stepover_mm', cutting.stepover_mm), diameter * TOOLPATH_PARAMETERS.max_stepover_ratio));
  if (stepdownUm < 1 || stepoverUm < 1) {
    throw new ToolpathError('INVALID_CUTTING_PARAMETERS', 'stepdown and stepover must be at least 1 µm', 500);
  }

  const rings = design.rings.map((ring, ringIndex): RingOperation => {
    const channelInner = ring.radial_position_mm - ring.width_mm / 2;
    const channelOuter = ring.radial_position_mm + ring.width_mm / 2;
    // Tool-centre limits, rounded inward so the cutter never crosses a channel wall.
    const innerUm = ceilUm(channelInner) + toolRadiusUm;
    const outerUm = floorUm(channelOuter) - toolRadiusUm;
    if (outerUm < innerUm) throw new ChannelNarrowerThanToolError(ringIndex, ring.width_mm, diameter);
    const depthUm = floorUm(ring.depth_mm);
    const levels = evenSteps(0, depthUm, stepdownUm).slice(1);
    const passRadii = evenSteps(innerUm, outerUm, stepoverUm);
    return {
      ring_index: ringIndex,
      pattern: ring.pattern,
      channel_inner_radius_mm: channelInner,
      channel_outer_radius_mm: channelOuter,
      depth_mm: ring.depth_mm,
      cut_depth_mm: umToMm(depthUm),
      entry: 'helix',
      helix_radius_mm: umToMm(innerUm),
      pass_radii_mm: passRadii.map(umToMm),
      passes: passRadii.length,
      level_depths_mm: levels.map(umToMm),
      stepdowns: levels.length,
    };
  });

  return {
    tool_id: tool.id,
    tool_diameter_mm: diameter,
    material_id: material.id,
    machine_id: machine.id,
    spindle_rpm: wholePerMinute('rpm', cutting.rpm),
    feed_mm_per_min: wholePerMinute('feed_mm_per_min', cutting.feed_mm_per_min),
    plunge_feed_mm_per_min: wholePerMinute('plunge_feed_mm_per_min', cutting.plunge_feed_mm_per_min),
    max_stepdown_mm: umToMm(stepdownUm),
    max_stepover_mm: umToMm(stepoverUm),
    safe_z_mm: umToMm(floorUm(positiveFinite('machine.safe_z_mm', machine.safe_z_mm))),
    stock_radius_mm: design.outer_diameter_mm / 2,
    rings,
  };
}
