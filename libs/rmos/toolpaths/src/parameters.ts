/**
 * The toolpath engine's parameters: every constant that shapes the generated
 * paths. Its canonical hash is declared in @luthier/rmos-engines
 * (`ENGINES.toolpaths.parameters_sha256`) and a test holds the two together, so
 * changing a value here without bumping the toolpaths engine version fails.
 * Cutting parameters (rpm, feeds, stepdown, stepover) are NOT here: they are
 * chosen in one place only, `cuttingParameters` of @luthier/rmos-feasibility.
 */
export const TOOLPATH_PARAMETERS = Object.freeze({
  /** Work origin: the rosette centre at X0 Y0, Z0 on the top of the stock. */
  origin: 'rosette_centre_xy0_stock_top_z0',
  /** Geometry is computed on this integer grid (1 µm) so every post prints it exactly. */
  resolution_um: 1,
  /** Upper bound on the radial stepover as a fraction of the tool diameter. */
  max_stepover_ratio: 0.5,
  /** Helical entry: the steepest descent angle of the helix, in degrees. */
  helix_ramp_angle_deg: 3,
  /** Height above the stock top the tool rapids down to before the helical entry. */
  approach_clearance_mm: 1,
  /** Dwell after the spindle start so it reaches its rpm before the first cut. */
  spindle_spinup_dwell_s: 2,
  /** Every circular pass runs counter-clockwise (G3) as two half arcs. */
  arc_direction: 'ccw',
  /** Cycle-time estimate: rapids are counted at the machine's maximum feed. */
  rapid_rate_source: 'machine.max_feed_mm_per_min',
  /** Cycle-time estimate rounding, in seconds. */
  cycle_time_resolution_s: 0.1,
});

export type ToolpathParameters = typeof TOOLPATH_PARAMETERS;
