// The feasibility engineer's reference requests, one per risk bucket (their buckets are
// pinned in feasibility's own tests). The RED one still scores about 90: a score
// threshold would have let it through.
import { REFERENCE_GREEN_REQUEST, REFERENCE_RED_REQUEST, REFERENCE_YELLOW_REQUEST } from '@luthier/rmos-feasibility';
import type { DesignRequest } from '@luthier/rmos-contracts';

/** Mutable copies: the references are deep-frozen. */
export const GREEN: DesignRequest = structuredClone(REFERENCE_GREEN_REQUEST);
export const YELLOW: DesignRequest = structuredClone(REFERENCE_YELLOW_REQUEST);
export const RED: DesignRequest = structuredClone(REFERENCE_RED_REQUEST);
