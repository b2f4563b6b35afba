import type { RosetteDesign } from '@luthier/rmos-contracts';

// The catalog fields the toolpath engine reads. Structural, so the catalog entries
// of @luthier/rmos-feasibility fit as they are.
export interface ToolpathTool {
  id: string;
  diameter_mm: number;
}
export interface ToolpathMaterial {
  id: string;
  max_depth_per_pass_mm: number;
}
export interface ToolpathMachine {
  id: string;
  safe_z_mm: number;
  max_feed_mm_per_min: number;
}
/** What `cuttingParameters` of @luthier/rmos-feasibility returns: the one place they are chosen. */
export interface CuttingParameters {
  rpm: number;
  feed_mm_per_min: number;
  plunge_feed_mm_per_min: number;
  stepdown_mm: number;
  stepover_mm: number;
}

export interface ToolpathInputs {
  design: RosetteDesign;
  tool: ToolpathTool;
  material: ToolpathMaterial;
  machine: ToolpathMachine;
  cutting: CuttingParameters;
}
