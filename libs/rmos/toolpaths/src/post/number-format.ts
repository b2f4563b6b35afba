// Numbers are printed from integer micrometres with integer arithmetic: no float
// rounding, no locale, the same bytes on every machine.

function parts(um: number): { sign: string; whole: string; frac: string } {
  if (!Number.isSafeInteger(um)) throw new RangeError(`coordinate ${um} µm is not an integer`);
  const abs = Math.abs(um);
  return { sign: um < 0 ? '-' : '', whole: String(Math.floor(abs / 1000)), frac: String(abs % 1000).padStart(3, '0') };
}

/** GRBL: up to 3 decimals, trailing zeros trimmed, no bare point (1.5, 2, -0.25). */
export function trimmedMm(um: number): string {
  const { sign, whole, frac } = parts(um);
  const trimmed = frac.replace(/0+$/, '');
  return `${sign}${whole}${trimmed ? `.${trimmed}` : ''}`;
}

/** LinuxCNC: always 4 decimals (1.5000); the geometry grid is 1 µm, so the 4th is 0. */
export function fixed4Mm(um: number): string {
  const { sign, whole, frac } = parts(um);
  return `${sign}${whole}.${frac}0`;
}

/** FANUC: a decimal point on every value, since "X10" means 10 least increments there (10., 1.5, -0.25). */
export function pointMm(um: number): string {
  const { sign, whole, frac } = parts(um);
  return `${sign}${whole}.${frac.replace(/0+$/, '')}`;
}

/** A length in mm for a comment: on the 1 µm grid, without float noise (4.3100000000000005 → 4.31). */
export function mmForComment(mm: number): string {
  return trimmedMm(Math.round(mm * 1000));
}
