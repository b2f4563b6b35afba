import type { RunArtifactInput, WorkflowSession } from '@luthier/rmos-contracts';
import { versionStamps } from '@luthier/rmos-engines';

export const SESSION_A = `ses_${'a'.repeat(32)}`;
export const SESSION_B = `ses_${'b'.repeat(32)}`;

/** A well-formed input; `overrides` replace fields. */
export function runInput(overrides: Partial<RunArtifactInput> = {}): RunArtifactInput {
  return {
    kind: 'approval',
    status: 'OK',
    reason: null,
    session_id: SESSION_A,
    actor: { actor_id: 'alice', role: 'approver' },
    request: { session_id: SESSION_A, note: 'approve rosette 7' },
    output: { risk_bucket: 'GREEN', score: 91.5 },
    versions: versionStamps('feasibility'),
    ...overrides,
  };
}

export function session(overrides: Partial<WorkflowSession> = {}): WorkflowSession {
  const at = '2026-11-23T10:00:00.000Z';
  return {
    session_id: SESSION_A,
    state: 'DRAFT',
    design: { outer_diameter_mm: 120, inner_diameter_mm: 90, rings: [{ radial_position_mm: 52, width_mm: 4, depth_mm: 1.5, pattern: 'herringbone' }] },
    context: { material_id: 'maple_hard', tool_id: 'flat_1mm', machine_profile_id: 'grbl_hobby_router' },
    feasibility: null,
    approval: null,
    created_at: at,
    updated_at: at,
    revision: 0,
    history: [],
    ...overrides,
  };
}
