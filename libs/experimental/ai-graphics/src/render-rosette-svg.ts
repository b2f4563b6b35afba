import type { RingPattern, RosetteDesign } from '@luthier/rmos-contracts';
import { escapeXml, fmt } from './escape.js';

/** One fill per pattern so a preview shows which inlay goes where. */
const PATTERN_COLOURS: Record<RingPattern, string> = {
  herringbone: '#8b5a2b',
  spiral: '#b5651d',
  hexagonal: '#556b2f',
  radial: '#4682b4',
  solid: '#2f2f2f',
};

export interface RosettePreviewOptions {
  /** Shown as the SVG <title>; escaped. */
  title?: string;
  /** Rendered size in px (the viewBox is always in mm). */
  size_px?: number;
}

/**
 * A deterministic SVG preview of a rosette: the soundhole, the outer edge and
 * each ring channel as an annulus (a circle stroked with the channel width),
 * coloured by pattern, deeper channels drawn more opaque. Same design, same bytes.
 * Every string that comes from input is escaped; numbers are validated finite
 * by the design schema and printed with fixed precision.
 */
export function renderRosetteSvg(design: RosetteDesign, options: RosettePreviewOptions = {}): string {
  const r = design.outer_diameter_mm / 2;
  const margin = Math.max(1, r * 0.05);
  const half = r + margin;
  const size = Math.max(16, Math.min(4096, Math.round(options.size_px ?? 512)));
  const maxDepth = Math.max(...design.rings.map((ring) => ring.depth_mm));
  const lines = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="${fmt(-half)} ${fmt(-half)} ${fmt(2 * half)} ${fmt(2 * half)}">`,
    `<title>${escapeXml(options.title ?? 'Rosette preview (advisory)')}</title>`,
    `<circle cx="0" cy="0" r="${fmt(r)}" fill="#f5deb3" stroke="#000" stroke-width="${fmt(r / 200)}"/>`,
    `<circle cx="0" cy="0" r="${fmt(design.inner_diameter_mm / 2)}" fill="#fff" stroke="#000" stroke-width="${fmt(r / 200)}"/>`,
  ];
  design.rings.forEach((ring, i) => {
    const opacity = 0.35 + 0.65 * (ring.depth_mm / maxDepth);
    lines.push(
      `<circle data-ring="${i}" data-pattern="${escapeXml(ring.pattern)}" cx="0" cy="0" r="${fmt(ring.radial_position_mm)}" fill="none" stroke="${PATTERN_COLOURS[ring.pattern] ?? '#000'}" stroke-width="${fmt(ring.width_mm)}" stroke-opacity="${fmt(opacity)}"/>`,
    );
  });
  lines.push('</svg>');
  return lines.join('\n') + '\n';
}
