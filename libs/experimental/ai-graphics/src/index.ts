// Advisory graphics: deterministic SVG previews of proposed rosettes, written only to the sandbox store.
export { renderRosetteSvg, type RosettePreviewOptions } from './render-rosette-svg.js';
export { saveRosettePreview } from './save-preview.js';
export { escapeXml } from './escape.js';
