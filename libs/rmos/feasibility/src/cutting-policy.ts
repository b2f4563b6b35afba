/**
 * How cuttingParameters chooses its figures. Part of the feasibility rule table
 * (and so of its hash): changing a factor changes every verdict downstream.
 */
export const CUTTING_POLICY = {
  /** Stepdown limit as a fraction of the tool diameter (full-width slotting in hardwood). */
  stepdown_diameter_factor: 0.5,
  /** Stepover as a fraction of the tool diameter; the contract ceiling is 0.5. */
  stepover_diameter_factor: 0.4,
  /** Plunge/ramp feed ceiling as a fraction of the chosen feed. */
  plunge_feed_factor: 0.5,
  /** Spindle speeds are chosen in steps of this many rpm. */
  rpm_step: 100,
} as const;
