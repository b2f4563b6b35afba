import type { ManufacturingContext, RosetteDesign } from '@luthier/rmos-contracts';
import { sha256Hex } from '@luthier/shared-hashing';

/**
 * canonicalJson for a schema-parsed design and context, spelled out field by
 * field: the generic encoder walks paths and sorts keys on every call, which
 * alone cost several times the 50 µs feasibility budget on a 40-ring design.
 * Only valid for values the contract schemas have parsed (strict objects, every
 * key present, finite numbers); a property test holds it byte-identical to
 * canonicalJson.
 */
export function canonicalDesignJson(design: RosetteDesign): string {
  let rings = '';
  for (let i = 0; i < design.rings.length; i++) {
    const r = design.rings[i];
    rings +=
      (i ? ',' : '') +
      `{"depth_mm":${num(r.depth_mm)},"pattern":${JSON.stringify(r.pattern)},"radial_position_mm":${num(r.radial_position_mm)},"width_mm":${num(r.width_mm)}}`;
  }
  return `{"inner_diameter_mm":${num(design.inner_diameter_mm)},"outer_diameter_mm":${num(design.outer_diameter_mm)},"rings":[${rings}]}`;
}

export function canonicalContextJson(context: ManufacturingContext): string {
  return `{"machine_profile_id":${JSON.stringify(context.machine_profile_id)},"material_id":${JSON.stringify(context.material_id)},"tool_id":${JSON.stringify(context.tool_id)}}`;
}

export const hashDesign = (design: RosetteDesign): string => sha256Hex(canonicalDesignJson(design));
export const hashContext = (context: ManufacturingContext): string => sha256Hex(canonicalContextJson(context));

/** JCS number form, as canonicalJson writes it (finite only: the schemas guarantee it). */
function num(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}
