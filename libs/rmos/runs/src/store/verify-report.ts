/** One thing verify found wrong, naming the artifact (run_id and/or chain position) it concerns. */
export interface VerifyProblem {
  code:
    | 'ARTIFACT_UNREADABLE'
    | 'ARTIFACT_INVALID'
    | 'ARTIFACT_NOT_CANONICAL'
    | 'ROW_MISMATCH'
    | 'SEQ_GAP'
    | 'CHAIN_BROKEN'
    | 'HEAD_MISMATCH'
    | 'ATTACHMENT_MISSING'
    | 'ATTACHMENT_CORRUPT'
    | 'NOT_FOUND';
  /** The run_id the stored row carries (null when even that is unreadable). */
  run_id: string | null;
  seq: number | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** How many artifacts were checked. */
  checked: number;
  problems: VerifyProblem[];
}

/** Verify stops listing after this many problems so a wrecked store still gives a readable report. */
export const MAX_REPORTED_PROBLEMS = 1000;
