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
  if (x >= 1e-6 && x < 1e9) {
    for (let k = 0, p = 1; k <= 6; k++, p *= 10) {
      const m = Math.round(x * p);
      if (m / p !== x) continue;
      // `| 0` keeps both parts small integers, which V8 turns into text without its double path.
      const whole = Math.floor(x) | 0;
      if (k === 0) return '' + whole;
      // p + fraction has k + 1 digits and starts with 1: dropping it leaves the zero-padded fraction.
      return whole + '.' + ('' + ((p + m - whole * p) | 0)).slice(1);
    }
  }
  return x === 0 ? '0' : String(x);
}
