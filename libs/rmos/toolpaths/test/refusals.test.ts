import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WORKFLOW_STATES, type RosetteDesign } from '@luthier/rmos-contracts';
import { REFERENCE_RED_REQUEST, REFERENCE_YELLOW_REQUEST, evaluateFeasibility } from '@luthier/rmos-feasibility';
import { hashCanonical } from '@luthier/shared-hashing';
import { DIALECTS, generateToolpaths, type Dialect } from '@luthier/rmos-toolpaths';
import { GREEN_REFERENCE, approvedSession } from './fixtures.js';

const { design, context } = GREEN_REFERENCE;
const refused = (code: string, status = 409) => (error: unknown) => {
  assert.equal((error as { code?: string }).code, code, String(error));
  assert.equal((error as { status?: number }).status, status);
  return true;
};

/** The reference with its middle channel narrowed below the 3 mm tool: RED (channel fit). */
const RED_DESIGN: RosetteDesign = { ...design, rings: design.rings.map((r, i) => (i === 1 ? { ...r, width_mm: 2.4 } : r)) };

describe('generateToolpaths refuses what the gates refuse', () => {
  test('control: the approved GREEN reference generates in every dialect', () => {
    assert.equal(evaluateFeasibility(design, context).risk_bucket, 'GREEN');
    for (const dialect of DIALECTS) assert.match(generateToolpaths(approvedSession(design, context), { dialect }).gcode, /M30/);
  });

  for (const state of WORKFLOW_STATES.filter((s) => s !== 'APPROVED')) {
    test(`a session in ${state} is refused (SESSION_NOT_APPROVED)`, () => {
      assert.throws(() => generateToolpaths(approvedSession(design, context, { state }), { dialect: 'grbl' }), refused('SESSION_NOT_APPROVED'));
    });
  }

  test('APPROVED without an approval, or approved by a non-approver, is refused', () => {
    assert.throws(() => generateToolpaths(approvedSession(design, context, { approval: null }), { dialect: 'grbl' }), refused('SESSION_NOT_APPROVED'));
    const session = approvedSession(design, context);
    const byOperator = { ...session, approval: { ...session.approval!, approved_by: { actor_id: 'op', role: 'operator' as const } } };
    assert.throws(() => generateToolpaths(byOperator, { dialect: 'grbl' }), refused('SESSION_NOT_APPROVED'));
  });

  test('a forged GREEN feasibility on a RED design is refused: feasibility is recomputed', () => {
    assert.equal(evaluateFeasibility(RED_DESIGN, context).risk_bucket, 'RED');
    const green = evaluateFeasibility(design, context);
    const forged = approvedSession(RED_DESIGN, context, {
      feasibility: green,
      approval: { approved_by: { actor_id: 'approver-ada', role: 'approver' }, approved_at: '2026-01-02T03:04:05.000Z', feasibility_hash: hashCanonical(green) },
    });
    assert.throws(
      () => generateToolpaths(forged, { dialect: 'fanuc' }),
      (error: unknown) => refused('FEASIBILITY_NOT_GREEN')(error) && (error as { feasibility: { risk_bucket: string } }).feasibility.risk_bucket === 'RED',
    );
  });

  test('a YELLOW design is refused even when approved', () => {
    const { design: yellow, context: yellowContext } = structuredClone(REFERENCE_YELLOW_REQUEST);
    assert.equal(evaluateFeasibility(yellow, yellowContext).risk_bucket, 'YELLOW');
    assert.throws(() => generateToolpaths(approvedSession(yellow, yellowContext), { dialect: 'linuxcnc' }), refused('FEASIBILITY_NOT_GREEN'));
  });

  test('the RED reference (a cutter wider than its channels) is refused even when approved', () => {
    const { design: red, context: redContext } = structuredClone(REFERENCE_RED_REQUEST);
    assert.throws(() => generateToolpaths(approvedSession(red, redContext), { dialect: 'grbl' }), refused('FEASIBILITY_NOT_GREEN'));
  });

  test('an unknown catalog id is refused by the gate, never defaulted', () => {
    const unknown = { ...context, tool_id: 'flat_99mm' };
    assert.throws(() => generateToolpaths(approvedSession(design, unknown), { dialect: 'grbl' }), refused('FEASIBILITY_NOT_GREEN'));
  });

  test('an approval given on another feasibility result is stale', () => {
    const session = approvedSession(design, context);
    const stale = { ...session, approval: { ...session.approval!, feasibility_hash: 'f'.repeat(64) } };
    assert.throws(() => generateToolpaths(stale, { dialect: 'grbl' }), refused('APPROVAL_STALE'));
  });

  test('an unknown dialect is refused before anything else', () => {
    assert.throws(() => generateToolpaths(approvedSession(design, context), { dialect: 'haas' as Dialect }), refused('UNKNOWN_DIALECT', 400));
    assert.throws(() => generateToolpaths(approvedSession(design, context), undefined as never), refused('UNKNOWN_DIALECT', 400));
  });
});
