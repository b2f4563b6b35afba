import { TOOLPATH_PARAMETERS } from './parameters.js';
import type { OperationPlan, RingOperation } from './plan.js';
import { mmForComment as mm } from './post/number-format.js';

/**
 * The machine program before posting: dialect-free operations, coordinates in
 * integer micrometres (X, Y, Z absolute; I, J arc-centre offsets from the start point).
 */
export type ProgramOp =
  | { op: 'comment'; text: string }
  | { op: 'setup' }
  | { op: 'rapid'; x?: number; y?: number; z?: number }
  | { op: 'linear'; x?: number; y?: number; z?: number; feed: number }
  | { op: 'arc'; dir: 'cw' | 'ccw'; x: number; y: number; z?: number; i: number; j: number; feed: number }
  | { op: 'spindle_on'; rpm: number }
  | { op: 'dwell'; seconds: number }
  | { op: 'spindle_off' }
  | { op: 'end' };

const toUm = (mm: number): number => Math.round(mm * 1000);
const HELIX_SLOPE = Math.tan((TOOLPATH_PARAMETERS.helix_ramp_angle_deg * Math.PI) / 180);
const DIR = TOOLPATH_PARAMETERS.arc_direction === 'ccw' ? 'ccw' : 'cw';

/** Half a turn about the origin, from (±r, 0) to (∓r, 0), optionally descending to `z`. */
function halfTurn(fromX: number, feed: number, z?: number): ProgramOp {
  return { op: 'arc', dir: DIR, x: -fromX, y: 0, ...(z === undefined ? {} : { z }), i: -fromX, j: 0, feed };
}

/** Helical entry at radius r from zFrom down to zTo: an even number of half turns, none steeper than the ramp angle. */
function helix(out: ProgramOp[], r: number, zFrom: number, zTo: number, feed: number): void {
  const maxDescentPerHalfTurn = Math.PI * r * HELIX_SLOPE;
  let halfTurns = Math.max(2, Math.ceil((zFrom - zTo) / maxDescentPerHalfTurn));
  if (halfTurns % 2 === 1) halfTurns += 1;
  let x = r;
  for (let h = 1; h <= halfTurns; h++) {
    out.push(halfTurn(x, feed, zFrom + Math.round(((zTo - zFrom) * h) / halfTurns)));
    x = -x;
  }
}

function fullCircle(out: ProgramOp[], r: number, feed: number): void {
  out.push(halfTurn(r, feed), halfTurn(-r, feed));
}

function ringComment(ring: RingOperation): string {
  return (
    `ring ${ring.ring_index + 1} ${ring.pattern}: channel r ${mm(ring.channel_inner_radius_mm)}-${mm(ring.channel_outer_radius_mm)} mm, ` +
    `depth ${mm(ring.cut_depth_mm)} mm, ${ring.passes} passes x ${ring.stepdowns} stepdowns`
  );
}

function clearRing(out: ProgramOp[], ring: RingOperation, plan: OperationPlan): void {
  const radii = ring.pass_radii_mm.map(toUm);
  const entry = radii[0];
  out.push({ op: 'comment', text: ringComment(ring) });
  out.push({ op: 'rapid', x: entry, y: 0 });
  let z = toUm(TOOLPATH_PARAMETERS.approach_clearance_mm);
  out.push({ op: 'rapid', z });
  ring.level_depths_mm.forEach((depth, level) => {
    const floor = -toUm(depth);
    helix(out, entry, z, floor, plan.plunge_feed_mm_per_min);
    z = floor;
    // A full circle at the entry radius clears the helix's sloped floor.
    fullCircle(out, entry, plan.feed_mm_per_min);
    for (const r of radii.slice(1)) {
      out.push({ op: 'linear', x: r, feed: plan.feed_mm_per_min });
      fullCircle(out, r, plan.feed_mm_per_min);
    }
    const last = level === ring.level_depths_mm.length - 1;
    // Back to the entry radius through cleared material, ready for the next helix.
    if (!last && radii.length > 1) out.push({ op: 'linear', x: entry, feed: plan.feed_mm_per_min });
  });
  out.push({ op: 'rapid', z: toUm(plan.safe_z_mm) });
}

export function buildProgram(plan: OperationPlan): ProgramOp[] {
  const safeZ = toUm(plan.safe_z_mm);
  const out: ProgramOp[] = [{ op: 'setup' }, { op: 'rapid', z: safeZ }, { op: 'spindle_on', rpm: plan.spindle_rpm }];
  if (TOOLPATH_PARAMETERS.spindle_spinup_dwell_s > 0) out.push({ op: 'dwell', seconds: TOOLPATH_PARAMETERS.spindle_spinup_dwell_s });
  for (const ring of plan.rings) clearRing(out, ring, plan);
  out.push({ op: 'spindle_off' }, { op: 'end' });
  return out;
}
