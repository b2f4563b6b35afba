// Reference designs, one per risk bucket, on hard maple with a 2 mm cutter on the GRBL router.
// They differ only in the width of one channel (F006, channel width over tool diameter),
// so the RED one still scores about 90: a score threshold would have let it through.
import type { DesignRequest } from '@luthier/rmos-contracts';

const context = { material_id: 'maple_hard', tool_id: 'flat_2mm', machine_profile_id: 'grbl_hobby_router' };

function withChannelWidth(width_mm: number): DesignRequest {
  return {
    design: { outer_diameter_mm: 120, inner_diameter_mm: 90, rings: [{ radial_position_mm: 50, width_mm, depth_mm: 1.5, pattern: 'solid' }] },
    context: { ...context },
  };
}

export const GREEN: DesignRequest = withChannelWidth(3);
export const YELLOW: DesignRequest = withChannelWidth(2.1);
export const RED: DesignRequest = withChannelWidth(1.5);
