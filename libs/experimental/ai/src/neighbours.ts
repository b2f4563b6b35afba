import { RING_PATTERNS, type Ring, type RosetteDesign } from '@luthier/rmos-contracts';
import type { DesignChange } from './proposal.js';

export interface Candidate {
  design: RosetteDesign;
  changes: DesignChange[];
}

const DEPTH_FACTORS = [0.5, 0.75];
const WIDTH_FACTORS = [0.5, 0.75, 1.5, 2];
const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Every design one move away, in a fixed order (so the search is deterministic):
 * the same change applied to every ring, then per ring: shallower channels, narrower or wider channels, a ring moved
 * to the middle of the free band, and each other inlay pattern. Designs the
 * contract schema would refuse are filtered out by the caller.
 */
export function neighbours(candidate: Candidate): Candidate[] {
  const out: Candidate[] = [];
  const { design } = candidate;
  const withRing = (i: number, field: DesignChange['field'], to: number | string): Candidate => {
    const ring = design.rings[i];
    const rings = design.rings.map((r, j) => (j === i ? { ...r, [field]: to } : r));
    return { design: { ...design, rings }, changes: [...candidate.changes, { ring_index: i, field, from: ring[field], to }] };
  };
  const withAllRings = (field: DesignChange['field'], to: (ring: Ring) => number | string): Candidate | null => {
    const changes: DesignChange[] = [];
    const rings = design.rings.map((ring, i) => {
      const next = to(ring);
      if (next !== ring[field]) changes.push({ ring_index: i, field, from: ring[field], to: next });
      return { ...ring, [field]: next };
    });
    return changes.length > 1 ? { design: { ...design, rings }, changes: [...candidate.changes, ...changes] } : null;
  };
  // Rosette-wide moves first: a rule that fails on every ring (channel narrower
  // than the cutter, say) is fixed only by changing every ring together.
  const global: (Candidate | null)[] = [
    ...DEPTH_FACTORS.map((f) => withAllRings('depth_mm', (r) => Math.max(0.05, round(r.depth_mm * f)))),
    ...WIDTH_FACTORS.map((f) => withAllRings('width_mm', (r) => Math.max(0.1, round(r.width_mm * f)))),
    ...RING_PATTERNS.map((pattern) => withAllRings('pattern', () => pattern)),
  ];
  for (const c of global) if (c) out.push(c);
  design.rings.forEach((ring, i) => {
    for (const f of DEPTH_FACTORS) out.push(withRing(i, 'depth_mm', Math.max(0.05, round(ring.depth_mm * f))));
    for (const f of WIDTH_FACTORS) out.push(withRing(i, 'width_mm', Math.max(0.1, round(ring.width_mm * f))));
    const middle = round((design.inner_diameter_mm / 2 + design.outer_diameter_mm / 2) / 2);
    if (middle !== ring.radial_position_mm) out.push(withRing(i, 'radial_position_mm', middle));
    for (const pattern of RING_PATTERNS) if (pattern !== ring.pattern) out.push(withRing(i, 'pattern', pattern));
  });
  return out;
}
