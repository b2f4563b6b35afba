// Builds a valid chain with the public contract functions, for the verify benchmark.
import { RUN_GENESIS_HASH, deriveRunId, type RunArtifact, type RunArtifactInput } from '@luthier/rmos-contracts';
import { canonicalJson, hashCanonical } from '@luthier/shared-hashing';

export interface PopulatedRow {
  seq: number;
  run_id: string;
  body: string;
  kind: string;
  status: string;
  session_id: string | null;
  created_at: string;
}

export interface RawDb {
  /** ms for n autocommitted INSERTs of a row with a body of bodyBytes (and a blob of blobBytes). */
  bareInsertLoop(n: number, bodyBytes: number, blobBytes: number): Promise<number>;
  /**
   * ms for n rounds of the least work the file-based attachment design can do: a new
   * file of blobBytes written, fdatasynced, renamed into a directory that is then
   * fsynced, and a bare row INSERT committed. Not the target's ceiling (that is one
   * commit with the blob in the database); printed beside it to show how much of the
   * gap is the design's own fsyncs. Only where attachments are files (SQLite).
   */
  bareFileAttachmentLoop?(n: number, bodyBytes: number, blobBytes: number): Promise<number>;
  insertBatch(rows: PopulatedRow[]): Promise<void>;
  /** After bulk loading: checkpoint/analyse so verify reads a store at rest. */
  settle?(): Promise<void>;
  dropSchema?(): Promise<void>;
  close(): Promise<void>;
}

/** A realistic approval artifact: a design, a context and a feasibility verdict. */
export const BENCH_INPUT = (i: number): RunArtifactInput => ({
  kind: i % 2 ? 'toolpaths' : 'approval',
  status: i % 5 === 0 ? 'BLOCKED' : 'OK',
  reason: i % 5 === 0 ? 'feasibility is RED: F003 chipload' : null,
  session_id: `ses_${(i % 997).toString(16).padStart(32, '0')}`,
  actor: { actor_id: `operator-${i % 7}`, role: 'operator' },
  request: {
    session_id: `ses_${(i % 997).toString(16).padStart(32, '0')}`,
    design: { outer_diameter_mm: 120, inner_diameter_mm: 90, rings: [{ radial_position_mm: 52, width_mm: 4, depth_mm: 1.5, pattern: 'herringbone' }] },
    context: { material_id: 'maple_hard', tool_id: 'flat_1mm', machine_profile_id: 'grbl_hobby_router' },
  },
  output: { risk_bucket: i % 5 === 0 ? 'RED' : 'GREEN', score: 80 + (i % 20), warnings: [], i },
  versions: { feasibility: '1.0.0' },
});

export async function populateChain(db: RawDb, count: number): Promise<void> {
  let prev = RUN_GENESIS_HASH;
  const t0 = Date.parse('2026-01-01T00:00:00.000Z');
  let batch: PopulatedRow[] = [];
  for (let seq = 1; seq <= count; seq += 1) {
    const input = BENCH_INPUT(seq);
    const body = {
      kind: input.kind,
      status: input.status,
      reason: input.reason,
      session_id: input.session_id,
      actor: input.actor,
      request: input.request,
      output: input.output,
      request_hash: hashCanonical(input.request),
      output_hash: hashCanonical(input.output),
      versions: input.versions,
      created_at: new Date(t0 + seq * 1000).toISOString(),
      attachments: [],
      prev_hash: prev,
      seq,
    } as Omit<RunArtifact, 'run_id'>;
    const run_id = deriveRunId(body as RunArtifact);
    batch.push({ seq, run_id, body: canonicalJson({ ...body, run_id }), kind: body.kind, status: body.status, session_id: body.session_id, created_at: body.created_at });
    prev = run_id.slice(4);
    if (batch.length === 5000 || seq === count) {
      await db.insertBatch(batch);
      batch = [];
    }
  }
}
