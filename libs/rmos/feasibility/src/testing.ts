import type { DesignRequest } from '@luthier/rmos-contracts';

/**
 * Reference requests for other libraries' tests (deep-frozen: structuredClone to
 * vary one). Their buckets are asserted in feasibility's own tests, so a rule
 * change that moves them fails here first.
 */

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/** GREEN: a three-ring classical-guitar rosette in hard maple, 3 mm cutter, GRBL router. */
export const REFERENCE_GREEN_REQUEST: DesignRequest = deepFreeze({
  design: {
    outer_diameter_mm: 130,
    inner_diameter_mm: 88,
    rings: [
      { radial_position_mm: 48, width_mm: 4, depth_mm: 1.5, pattern: 'solid' },
      { radial_position_mm: 55, width_mm: 6, depth_mm: 1.5, pattern: 'herringbone' },
      { radial_position_mm: 62, width_mm: 4, depth_mm: 1.5, pattern: 'solid' },
    ],
  },
  context: { material_id: 'maple_hard', tool_id: 'flat_3mm', machine_profile_id: 'grbl_hobby_router' },
});

/** YELLOW only: the same rosette with 3 mm channels, exactly the cutter's width (F006 caution). */
export const REFERENCE_YELLOW_REQUEST: DesignRequest = deepFreeze({
  design: {
    outer_diameter_mm: 130,
    inner_diameter_mm: 88,
    rings: [
      { radial_position_mm: 48, width_mm: 3, depth_mm: 1.5, pattern: 'solid' },
      { radial_position_mm: 55, width_mm: 3, depth_mm: 1.5, pattern: 'herringbone' },
      { radial_position_mm: 62, width_mm: 3, depth_mm: 1.5, pattern: 'solid' },
    ],
  },
  context: { material_id: 'maple_hard', tool_id: 'flat_3mm', machine_profile_id: 'grbl_hobby_router' },
});

/** RED: the GREEN rosette with a 6 mm cutter, wider than its 4 mm channels (F006). */
export const REFERENCE_RED_REQUEST: DesignRequest = deepFreeze({
  design: REFERENCE_GREEN_REQUEST.design,
  context: { material_id: 'maple_hard', tool_id: 'flat_6mm', machine_profile_id: 'grbl_hobby_router' },
});

/** A rosette of 1…64 rings (benchmarks, toolpath size tests); its bucket is not pinned. */
export function manyRingRequest(ringCount: number): DesignRequest {
  const inner = 40;
  // 3 mm pitch (2 mm channels, 1 mm walls), tightened when that would pass the 400 mm contract limit.
  const pitch = Math.min(3, Math.floor((170 / ringCount) * 1000) / 1000);
  const width = (pitch * 2) / 3;
  const rings = Array.from({ length: ringCount }, (_, i) => ({
    radial_position_mm: inner / 2 + 1.5 + width / 2 + i * pitch,
    width_mm: width,
    depth_mm: 1,
    pattern: (['solid', 'radial', 'spiral', 'hexagonal', 'herringbone'] as const)[i % 5],
  }));
  const outerRadius = rings[rings.length - 1].radial_position_mm + width / 2 + 1.5;
  return {
    design: { outer_diameter_mm: outerRadius * 2, inner_diameter_mm: inner, rings },
    context: { material_id: 'maple_hard', tool_id: 'flat_1_5mm', machine_profile_id: 'linuxcnc_router' },
  };
}
