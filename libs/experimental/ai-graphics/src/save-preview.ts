import type { RosetteDesign, SandboxStorePort } from '@luthier/rmos-contracts';
import { renderRosetteSvg, type RosettePreviewOptions } from './render-rosette-svg.js';

/** Renders a preview and writes it through the sandbox store the caller was handed; returns the sandbox path. */
export async function saveRosettePreview(
  sandbox: SandboxStorePort,
  name: string,
  design: RosetteDesign,
  options: RosettePreviewOptions = {},
): Promise<string> {
  return sandbox.write(`previews/${name}.svg`, renderRosetteSvg(design, options));
}
