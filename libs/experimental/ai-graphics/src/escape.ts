/** XML-escapes text for an SVG text node or attribute value (the five predefined entities). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);
}

/**
 * Fixed-precision numbers keep the output byte-identical across runs and platforms.
 * A value that is not a finite number (a design that skipped the schema) is refused,
 * never printed as `NaN` or as text.
 */
export function fmt(value: number): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RangeError(`the preview cannot draw ${String(value).slice(0, 40)}: not a finite number`);
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
