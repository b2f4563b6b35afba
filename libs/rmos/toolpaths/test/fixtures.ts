import fc from 'fast-check';
import {
  RING_PATTERNS,
  type ManufacturingContext,
  type RosetteDesign,
  type WorkflowSession,
} from '@luthier/rmos-contracts';
import { REFERENCE_GREEN_REQUEST, catalogs, evaluateFeasibility } from '@luthier/rmos-feasibility';
import { hashCanonical } from '@luthier/shared-hashing';

export const APPROVER = { actor_id: 'approver-ada', role: 'approver' as const };
const AT = '2026-01-02T03:04:05.000Z';

/**
 * A session as the workflow leaves it after a GREEN approval: APPROVED, approved by an
 * approver, on the hash of the feasibility result recomputed now. `overrides` forges it.
 */
export function approvedSession(design: RosetteDesign, context: ManufacturingContext, overrides: Partial<WorkflowSession> = {}): WorkflowSession {
  const feasibility = evaluateFeasibility(design, context);
  return {
    session_id: `ses_${hashCanonical({ design, context }).slice(0, 32)}`,
    state: 'APPROVED',
    design,
    context,
    feasibility,
    approval: { approved_by: APPROVER, approved_at: AT, feasibility_hash: hashCanonical(feasibility) },
    created_at: AT,
    updated_at: AT,
    revision: 4,
    history: [],
    ...overrides,
  };
}

export const isGreen = (design: RosetteDesign, context: ManufacturingContext): boolean =>
  evaluateFeasibility(design, context).risk_bucket === 'GREEN';

/** The feasibility engineer's GREEN reference (a mutable copy): three rings in hard maple, 3 mm cutter, GRBL. */
export const GREEN_REFERENCE: { design: RosetteDesign; context: ManufacturingContext } = structuredClone(REFERENCE_GREEN_REQUEST);

/** Contexts (material × small tool × machine) in which a plain one-ring probe design is GREEN. */
export const GREEN_CONTEXTS: ManufacturingContext[] = [...catalogs.materials.keys()].flatMap((material_id) =>
  ['flat_1mm', 'flat_1_5mm', 'flat_2mm', 'flat_3mm'].flatMap((tool_id) =>
    [...catalogs.machines.keys()].flatMap((machine_profile_id) => {
      const context = { material_id, tool_id, machine_profile_id };
      const d = catalogs.getTool(tool_id)!.diameter_mm;
      const probe: RosetteDesign = {
        outer_diameter_mm: 100,
        inner_diameter_mm: 40,
        rings: [{ radial_position_mm: 30, width_mm: 2.5 * d, depth_mm: 0.3, pattern: 'solid' }],
      };
      return isGreen(probe, context) ? [context] : [];
    }),
  ),
);

const hundredths = (min: number, max: number) => fc.integer({ min: Math.round(min * 100), max: Math.round(max * 100) }).map((n) => n / 100);

/**
 * Random rosettes in GREEN bounds, varied from the reference (and its context among
 * the GREEN contexts): ring count, soundhole
 * radius, gaps, widths (≥ 1.1 × tool), depths and patterns, laid out inner to outer;
 * kept only when the feasibility engine says GREEN.
 */
export const greenRequest = (maxRings = 8) =>
  fc
    .constantFrom(...GREEN_CONTEXTS)
    .chain((context) => {
      const d = catalogs.getTool(context.tool_id)!.diameter_mm;
      const ring = fc.record({
        gap_mm: hundredths(0.2, 3),
        width_mm: hundredths(1.1 * d, 4 * d),
        depth_mm: hundredths(0.1, 2),
        pattern: fc.constantFrom(...RING_PATTERNS),
      });
      return fc.record({
        context: fc.constant(context),
        soundhole_radius_mm: hundredths(3, 45),
        rings: fc.array(ring, { minLength: 1, maxLength: maxRings }),
        margin_mm: hundredths(0, 10),
      });
    })
    .map(({ context, soundhole_radius_mm, rings, margin_mm }) => {
      let edge = soundhole_radius_mm;
      const laidOut = rings.map((r) => {
        const inner = edge + r.gap_mm;
        edge = inner + r.width_mm;
        return { radial_position_mm: inner + r.width_mm / 2, width_mm: r.width_mm, depth_mm: r.depth_mm, pattern: r.pattern };
      });
      const design: RosetteDesign = { outer_diameter_mm: 2 * (edge + margin_mm) + 0.02, inner_diameter_mm: 2 * soundhole_radius_mm, rings: laidOut };
      return { design, context };
    })
    .filter(({ design, context }) => isGreen(design, context));
