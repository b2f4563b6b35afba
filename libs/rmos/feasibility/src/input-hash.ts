import { RING_PATTERNS, type ManufacturingContext, type RosetteDesign } from '@luthier/rmos-contracts';
import { canonicalNumber, sha256Hex } from '@luthier/shared-hashing';

/**
 * canonicalJson for a schema-parsed design and context, spelled out field by
 * field: the generic encoder walks paths and sorts keys on every call, which
 * alone cost several times the 50 µs feasibility budget on a 40-ring design.
 * Only valid for values the contract schemas have parsed (strict objects, every
 * key present, finite numbers); a property test holds it byte-identical to
 * canonicalJson. Numbers go through canonicalNumber, as in canonicalJson: String(x)
 * is slow for short binary fractions such as 22.5 (see its comment).
 */
/** `,"pattern":"solid","radial_position_mm":` for each pattern: the text between a ring's first two numbers. */
const patternAndNextKey = (pattern: string) => `,"pattern":${JSON.stringify(pattern)},"radial_position_mm":`;
const PATTERN_AND_NEXT_KEY: ReadonlyMap<string, string> = new Map(RING_PATTERNS.map((p) => [p, patternAndNextKey(p)]));

export function canonicalDesignJson(design: RosetteDesign): string {
  let out = `{"inner_diameter_mm":${canonicalNumber(design.inner_diameter_mm)},"outer_diameter_mm":${canonicalNumber(design.outer_diameter_mm)},"rings":[`;
  const rings = design.rings;
  for (let i = 0; i < rings.length; i++) {
    const r = rings[i];
    out +=
      (i ? ',{"depth_mm":' : '{"depth_mm":') +
      canonicalNumber(r.depth_mm) +
      (PATTERN_AND_NEXT_KEY.get(r.pattern) ?? patternAndNextKey(r.pattern)) +
      canonicalNumber(r.radial_position_mm) +
      ',"width_mm":' +
      canonicalNumber(r.width_mm) +
      '}';
  }
  return out + ']}';
}

export function canonicalContextJson(context: ManufacturingContext): string {
  return `{"machine_profile_id":${quote(context.machine_profile_id)},"material_id":${quote(context.material_id)},"tool_id":${quote(context.tool_id)}}`;
}

/** Catalog ids are slugs, which JSON needs no escapes for: quoting them by hand saves a JSON.stringify call each. */
const NOTHING_TO_ESCAPE = /^[a-z0-9_.-]*$/;
const quote = (id: string) => (NOTHING_TO_ESCAPE.test(id) ? `"${id}"` : JSON.stringify(id));

export const hashDesign = (design: RosetteDesign): string => sha256Hex(canonicalDesignJson(design));
export const hashContext = (context: ManufacturingContext): string => sha256Hex(canonicalContextJson(context));
