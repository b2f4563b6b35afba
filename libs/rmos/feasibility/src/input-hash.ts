import { MAX_RINGS, RING_PATTERNS, type ManufacturingContext, type RosetteDesign } from '@luthier/rmos-contracts';
import { canonicalNumber, MAX_NUMBER_LENGTH, sha256Hex, writeCanonicalNumber } from '@luthier/shared-hashing';

/**
 * canonicalJson for a schema-parsed design and context, spelled out field by
 * field: the generic encoder walks paths and sorts keys on every call, which
 * alone cost several times the 50 µs feasibility budget on a 40-ring design.
 * Only valid for values the contract schemas have parsed (strict objects, every
 * key present, finite numbers); a property test holds it byte-identical to
 * canonicalJson. Numbers go through canonicalNumber, as in canonicalJson: String(x)
 * is slow for short binary fractions such as 22.5 (see its comment).
 */
export function canonicalDesignJson(design: RosetteDesign): string {
  let out = `{"inner_diameter_mm":${canonicalNumber(design.inner_diameter_mm)},"outer_diameter_mm":${canonicalNumber(design.outer_diameter_mm)},"rings":[`;
  const rings = design.rings;
  for (let i = 0; i < rings.length; i++) {
    const r = rings[i];
    out +=
      (i ? ',{"depth_mm":' : '{"depth_mm":') +
      canonicalNumber(r.depth_mm) +
      patternAndNextKey(r.pattern) +
      canonicalNumber(r.radial_position_mm) +
      ',"width_mm":' +
      canonicalNumber(r.width_mm) +
      '}';
  }
  return out + ']}';
}

/** `,"pattern":"solid","radial_position_mm":`: the text between a ring's first two numbers. */
const patternAndNextKey = (pattern: string) => `,"pattern":${JSON.stringify(pattern)},"radial_position_mm":`;

/** The constant parts of a design's canonical JSON, as bytes (all ASCII). */
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const DESIGN_START = ascii('{"inner_diameter_mm":');
const OUTER_KEY = ascii(',"outer_diameter_mm":');
const RINGS_KEY = ascii(',"rings":[');
const FIRST_RING_START = ascii('{"depth_mm":');
const RING_START = ascii(',{"depth_mm":');
const PATTERN_AND_NEXT_KEY: ReadonlyMap<string, Uint8Array> = new Map(RING_PATTERNS.map((p) => [p, ascii(patternAndNextKey(p))]));
const WIDTH_KEY = ascii(',"width_mm":');
const DESIGN_END = ascii(']}');
/** Upper bounds on the bytes a design's fixed part and each ring take (numbers at their longest). */
const DESIGN_ROOM = DESIGN_START.length + OUTER_KEY.length + RINGS_KEY.length + DESIGN_END.length + 2 * MAX_NUMBER_LENGTH;
const RING_ROOM = RING_START.length + Math.max(...[...PATTERN_AND_NEXT_KEY.values()].map((b) => b.length)) + WIDTH_KEY.length + 1 + 3 * MAX_NUMBER_LENGTH;

/** Reused between calls (evaluation is synchronous): every call writes its bytes before reading them. */
let scratch = new Uint8Array(DESIGN_ROOM + MAX_RINGS * RING_ROOM);

/**
 * The bytes of canonicalDesignJson(design), written straight into a buffer: hashing the string
 * costs V8 a pass to flatten its few hundred joined pieces, more than writing the bytes does.
 * A view of `scratch`, valid until the next call; undefined for a pattern the contract does not
 * have (the string encoder handles any).
 */
export function canonicalDesignBytes(design: RosetteDesign): Uint8Array | undefined {
  const rings = design.rings;
  const room = DESIGN_ROOM + rings.length * RING_ROOM;
  if (scratch.length < room) scratch = new Uint8Array(room);
  const out = scratch;
  // TypedArray.set is a bounds-checked copy; the room above keeps every digit write inside `out`.
  out.set(DESIGN_START, 0);
  let at = writeCanonicalNumber(design.inner_diameter_mm, out, DESIGN_START.length);
  out.set(OUTER_KEY, at);
  at = writeCanonicalNumber(design.outer_diameter_mm, out, at + OUTER_KEY.length);
  out.set(RINGS_KEY, at);
  at += RINGS_KEY.length;
  for (let i = 0; i < rings.length; i++) {
    const r = rings[i];
    const start = i ? RING_START : FIRST_RING_START;
    const middle = PATTERN_AND_NEXT_KEY.get(r.pattern);
    if (!middle) return undefined;
    out.set(start, at);
    at = writeCanonicalNumber(r.depth_mm, out, at + start.length);
    out.set(middle, at);
    at = writeCanonicalNumber(r.radial_position_mm, out, at + middle.length);
    out.set(WIDTH_KEY, at);
    at = writeCanonicalNumber(r.width_mm, out, at + WIDTH_KEY.length);
    out[at++] = 0x7d; // '}'
  }
  out.set(DESIGN_END, at);
  return out.subarray(0, at + DESIGN_END.length);
}

export function canonicalContextJson(context: ManufacturingContext): string {
  return `{"machine_profile_id":${quote(context.machine_profile_id)},"material_id":${quote(context.material_id)},"tool_id":${quote(context.tool_id)}}`;
}

/** Catalog ids are slugs, which JSON needs no escapes for: quoting them by hand saves a JSON.stringify call each. */
const NOTHING_TO_ESCAPE = /^[a-z0-9_.-]*$/;
const quote = (id: string) => (NOTHING_TO_ESCAPE.test(id) ? `"${id}"` : JSON.stringify(id));

export const hashDesign = (design: RosetteDesign): string => sha256Hex(canonicalDesignBytes(design) ?? canonicalDesignJson(design));
export const hashContext = (context: ManufacturingContext): string => sha256Hex(canonicalContextJson(context));
