// Geometry is kept in integer micrometres: exact to print in every dialect and free of float drift.

/** Absorbs binary float noise (e.g. 1.005 * 1000 = 1004.9999999999999) without moving a real value. */
const FLOAT_NOISE_UM = 1e-6;

/** Nearest micrometre at or below `mm` (never past a limit on the high side). */
export function floorUm(mm: number): number {
  return Math.floor(mm * 1000 + FLOAT_NOISE_UM);
}

/** Nearest micrometre at or above `mm` (never past a limit on the low side). */
export function ceilUm(mm: number): number {
  return Math.ceil(mm * 1000 - FLOAT_NOISE_UM);
}

export function umToMm(um: number): number {
  return um / 1000;
}
