import { TOOLPATH_PARAMETERS } from './parameters.js';
import type { ProgramOp } from './program.js';

/** Length of an arc about centre (cx, cy) from (x0, y0) to (x1, y1), with a helical Z change. */
function arcLength(op: Extract<ProgramOp, { op: 'arc' }>, x0: number, y0: number, dz: number): number {
  const cx = x0 + op.i;
  const cy = y0 + op.j;
  const r = Math.hypot(x0 - cx, y0 - cy);
  const a0 = Math.atan2(y0 - cy, x0 - cx);
  const a1 = Math.atan2(op.y - cy, op.x - cx);
  let sweep = op.dir === 'ccw' ? a1 - a0 : a0 - a1;
  if (sweep <= 0) sweep += 2 * Math.PI; // equal end points mean a full turn
  return Math.hypot(r * sweep, dz);
}

/**
 * Estimated cycle time in seconds: path lengths over their feeds, rapids at the
 * machine's maximum feed, plus dwells. Starts at X0 Y0 and the first Z moved to.
 */
export function estimateCycleTimeSeconds(program: ProgramOp[], rapidFeedMmPerMin: number): number {
  let x = 0;
  let y = 0;
  let z: number | undefined;
  let minutes = 0;
  let seconds = 0;
  for (const op of program) {
    if (op.op === 'rapid' || op.op === 'linear') {
      const nx = op.x ?? x;
      const ny = op.y ?? y;
      const nz = op.z ?? z ?? 0;
      const lengthMm = Math.hypot(nx - x, ny - y, nz - (z ?? nz)) / 1000;
      minutes += lengthMm / (op.op === 'rapid' ? rapidFeedMmPerMin : op.feed);
      x = nx;
      y = ny;
      z = nz;
    } else if (op.op === 'arc') {
      const nz = op.z ?? z ?? 0;
      minutes += arcLength(op, x, y, nz - (z ?? nz)) / 1000 / op.feed;
      x = op.x;
      y = op.y;
      z = nz;
    } else if (op.op === 'dwell') {
      seconds += op.seconds;
    }
  }
  const stepsPerSecond = Math.round(1 / TOOLPATH_PARAMETERS.cycle_time_resolution_s);
  return Math.round((minutes * 60 + seconds) * stepsPerSecond) / stepsPerSecond;
}
