/**
 * String(x), for every number x: for a finite one that is the JCS (RFC 8785) number form (String
 * gives "0" for -0 too), and any text that shows numbers may use it.
 *
 * Hand-written for speed alone. V8's String(x) for a number held as a double (22.5, or a computed
 * 60) looks in a number-string cache indexed by the low mantissa bits, which all short binary
 * fractions and whole numbers share (they land in one slot), so such numbers miss it and re-run
 * dtoa on every call: 100-300 ns each, most of the cost of hashing a design. Decimals with at most
 * six fractional digits below 1e9 (millimetres, ratios, feeds) are spelled out here with integer
 * arithmetic instead, and everything else goes to String(x).
 *
 * Why it is exact: let k be the fewest fractional digits for which m = round(x × 10^k) gives
 * m / 10^k === x (division is correctly rounded, so the decimal m·10^-k reads back as x). Any
 * decimal with j < k fractional digits that read back as x would have passed at j (for x < 1e9
 * and j ≤ 6, x × 10^j is within 0.13 of it), so no shorter spelling exists; and one ulp of x
 * (≤ 1.2e-7) is narrower than 10^-6, so at k exactly one decimal reads back as x. That decimal,
 * written out in full with no trailing zero, is Number::toString's "shortest round-trip" choice,
 * and 1e-6 ≤ x < 1e21 is where it uses plain decimal notation.
 */
export function canonicalNumber(x: number): string {
  if (x < 0) return '-' + canonicalNumber(-x);
  const k = decimalPlaces(x);
  if (k === 0) return '' + (x | 0);
  if (k > 0) {
    // `| 0` keeps both parts small integers, which V8 turns into text without its double path.
    const p = POW10[k];
    const whole = Math.floor(x) | 0;
    // p + fraction has k + 1 digits and starts with 1: dropping it leaves the zero-padded fraction.
    return whole + '.' + ('' + ((p + Math.round(x * p) - whole * p) | 0)).slice(1);
  }
  return x === 0 ? '0' : String(x);
}

/** The longest text String(x) gives for a number: 25 characters (-0.0000012345678901234567). */
export const MAX_NUMBER_LENGTH = 25;

/**
 * Writes canonicalNumber(x) as ASCII bytes into `out` at `at` and returns where it ends; `out`
 * needs MAX_NUMBER_LENGTH bytes of room there. For encoders that build their bytes directly:
 * joining many small strings costs V8 a flattening pass before they can be hashed.
 */
export function writeCanonicalNumber(x: number, out: Uint8Array, at: number): number {
  const k = x > 0 ? decimalPlaces(x) : -1;
  if (k < 0) {
    const text = canonicalNumber(x);
    for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
    return at + text.length;
  }
  const p = POW10[k];
  let whole = Math.floor(x) | 0;
  let fraction = (Math.round(x * p) - whole * p) | 0;
  const digits = whole < 10 ? 1 : whole < 100 ? 2 : whole < 1e3 ? 3 : whole < 1e4 ? 4 : whole < 1e5 ? 5 : whole < 1e6 ? 6 : whole < 1e7 ? 7 : whole < 1e8 ? 8 : 9;
  let i = at + digits;
  do {
    out[--i] = 0x30 + (whole % 10);
    whole = (whole / 10) | 0;
  } while (whole > 0);
  at += digits;
  if (k === 0) return at;
  out[at] = 0x2e; // '.'
  for (let j = at + k; j > at; j--) {
    out[j] = 0x30 + (fraction % 10);
    fraction = (fraction / 10) | 0;
  }
  return at + k + 1;
}

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000];

/** The fewest fractional digits (at most 6) that spell x exactly when 1e-6 ≤ x < 1e9 (see above), else -1. */
function decimalPlaces(x: number): number {
  if (x >= 1e-6 && x < 1e9) {
    for (let k = 0; k <= 6; k++) if (Math.round(x * POW10[k]) / POW10[k] === x) return k;
  }
  return -1;
}
