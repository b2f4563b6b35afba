import { runInstantSchema, runKindSchema, runStatusSchema, sessionIdSchema, type RunArtifact } from '@luthier/rmos-contracts';
import { z } from 'zod';
import { RunStoreInputError } from '../errors.js';
import { decodeCursor } from './cursor.js';
import type { RunListFilter } from './run-store.js';

const filterSchema = z.strictObject({
  session_id: sessionIdSchema.optional(),
  status: runStatusSchema.optional(),
  kind: runKindSchema.optional(),
  created_from: runInstantSchema.optional(),
  created_to: runInstantSchema.optional(),
  limit: z.number().int().min(1).max(500).optional(),
  cursor: z.string().max(64).optional(),
});

export interface ParsedListFilter {
  session_id?: string;
  status?: string;
  kind?: string;
  created_from?: string;
  created_to?: string;
  limit: number;
  after_seq: number;
}

export function parseListFilter(filter: RunListFilter = {}): ParsedListFilter {
  const parsed = filterSchema.safeParse(filter);
  if (!parsed.success) throw new RunStoreInputError(`bad list filter: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { cursor, limit, ...rest } = parsed.data;
  return { ...rest, limit: limit ?? 50, after_seq: decodeCursor(cursor) };
}

/** The index is derived data: an artifact is listed only if the artifact itself matches the filter. */
export function artifactMatches(a: Pick<RunArtifact, 'session_id' | 'status' | 'kind' | 'created_at'>, f: ParsedListFilter): boolean {
  return (
    (f.session_id === undefined || a.session_id === f.session_id) &&
    (f.status === undefined || a.status === f.status) &&
    (f.kind === undefined || a.kind === f.kind) &&
    (f.created_from === undefined || a.created_at >= f.created_from) &&
    (f.created_to === undefined || a.created_at < f.created_to)
  );
}
