import {
  rosetteDesignSchema,
  type FeasibilityPort,
  type FeasibilityResult,
  type ManufacturingContext,
  type RiskBucket,
  type RosetteDesign,
} from '@luthier/rmos-contracts';
import { canonicalJson } from '@luthier/shared-hashing';
import { neighbours, type Candidate } from './neighbours.js';
import { channelsOverlap } from './overlap.js';

export interface SearchOptions {
  /** Candidates kept per level of the beam search. */
  beam_width?: number;
  /** Most parameter changes in one proposal. */
  max_changes?: number;
  /** Hard cap on feasibility evaluations. */
  max_evaluations?: number;
  /**
   * Cap on evaluations × rings: an evaluation costs about linearly in the ring
   * count, so a 64-ring design gets fewer evaluations than a 3-ring one.
   */
  max_ring_evaluations?: number;
}

/** Evaluations between two yields to the event loop, so a search never stalls other requests. */
const YIELD_EVERY = 25;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface Evaluated extends Candidate {
  feasibility: FeasibilityResult;
}

const BUCKET_RANK: Record<RiskBucket, number> = { RED: 0, YELLOW: 1, GREEN: 2 };

/** Better first: safer bucket, higher score, fewer changes; ties keep generation order (sort is stable). */
export function compareEvaluated(a: Evaluated, b: Evaluated): number {
  return (
    BUCKET_RANK[b.feasibility.risk_bucket] - BUCKET_RANK[a.feasibility.risk_bucket] ||
    b.feasibility.score - a.feasibility.score ||
    a.changes.length - b.changes.length
  );
}

export function improves(candidate: FeasibilityResult, baseline: FeasibilityResult): boolean {
  const rank = BUCKET_RANK[candidate.risk_bucket] - BUCKET_RANK[baseline.risk_bucket];
  return rank > 0 || (rank === 0 && candidate.score > baseline.score);
}

/**
 * Deterministic beam search over the design parameters (yielding to the event
 * loop as it goes; the result does not depend on timing). Every candidate is
 * scored only by the feasibility port (the server's engine); the search itself
 * decides nothing. Returns every evaluated candidate that improves on the
 * baseline, best first, and the number of evaluations spent.
 */
export async function searchDesigns(
  design: RosetteDesign,
  context: ManufacturingContext,
  port: FeasibilityPort,
  baseline: FeasibilityResult,
  options: SearchOptions = {},
): Promise<{ improved: Evaluated[]; evaluations: number }> {
  const beamWidth = options.beam_width ?? 4;
  const maxChanges = options.max_changes ?? 3;
  const maxEvaluations = Math.min(
    options.max_evaluations ?? 1500,
    Math.max(1, Math.floor((options.max_ring_evaluations ?? 12_000) / design.rings.length)),
  );
  const seen = new Set<string>([canonicalJson(design)]);
  const overlapAllowed = channelsOverlap(design);
  const improved: Evaluated[] = [];
  let evaluations = 0;
  let beam: Candidate[] = [{ design, changes: [] }];

  for (let level = 0; level < maxChanges && beam.length > 0 && evaluations < maxEvaluations; level++) {
    const scored: Evaluated[] = [];
    for (const parent of beam) {
      for (const next of neighbours(parent)) {
        if (evaluations >= maxEvaluations) break;
        const key = canonicalJson(next.design);
        if (seen.has(key)) continue;
        seen.add(key);
        if (!rosetteDesignSchema.safeParse(next.design).success) continue;
        if (!overlapAllowed && channelsOverlap(next.design)) continue;
        evaluations++;
        if (evaluations % YIELD_EVERY === 0) await yieldToEventLoop();
        const feasibility = port.evaluate(next.design, context);
        scored.push({ ...next, feasibility });
      }
    }
    scored.sort(compareEvaluated);
    improved.push(...scored.filter((c) => improves(c.feasibility, baseline)));
    // A GREEN candidate needs no further change; keep searching from the others.
    beam = scored.filter((c) => c.feasibility.risk_bucket !== 'GREEN').slice(0, beamWidth);
  }
  improved.sort(compareEvaluated);
  return { improved, evaluations };
}
