import type { RosetteDesign } from '@luthier/rmos-contracts';

/**
 * Whether two ring channels overlap. The contract schema does not refuse it, but
 * a proposal that merges two inlays is no proposal a luthier would want, so the
 * search skips candidates that introduce an overlap the original did not have.
 */
export function channelsOverlap(design: RosetteDesign): boolean {
  const spans = design.rings
    .map((r) => [r.radial_position_mm - r.width_mm / 2, r.radial_position_mm + r.width_mm / 2] as const)
    .sort((a, b) => a[0] - b[0]);
  return spans.some((span, i) => i > 0 && span[0] < spans[i - 1][1]);
}
