import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WORKFLOW_STATES, type WorkflowState } from '@luthier/rmos-contracts';
import { InvalidTransitionError } from '../src/errors.js';
import { allowedTransitions, assertTransitionAllowed, WORKFLOW_TRANSITIONS } from '../src/transitions.js';

/** The specification, written out pair by pair and independently of the table under test. */
const LEGAL = new Set([
  'DRAFT→CONTEXT_READY',
  'DRAFT→ARCHIVED',
  'CONTEXT_READY→FEASIBILITY_REQUESTED',
  'CONTEXT_READY→ARCHIVED',
  'FEASIBILITY_REQUESTED→FEASIBILITY_READY',
  'FEASIBILITY_REQUESTED→ARCHIVED',
  'FEASIBILITY_READY→APPROVED',
  'FEASIBILITY_READY→DESIGN_REVISION_REQUIRED',
  'FEASIBILITY_READY→REJECTED',
  'FEASIBILITY_READY→ARCHIVED',
  'DESIGN_REVISION_REQUIRED→DRAFT',
  'DESIGN_REVISION_REQUIRED→REJECTED',
  'DESIGN_REVISION_REQUIRED→ARCHIVED',
  'APPROVED→TOOLPATHS_REQUESTED',
  'APPROVED→ARCHIVED',
  'TOOLPATHS_REQUESTED→TOOLPATHS_READY',
  'TOOLPATHS_REQUESTED→ARCHIVED',
  'TOOLPATHS_READY→ARCHIVED',
  'REJECTED→ARCHIVED',
]);

describe('the state-machine guard', () => {
  for (const from of WORKFLOW_STATES) {
    for (const to of WORKFLOW_STATES) {
      const legal = LEGAL.has(`${from}→${to}`);
      test(`${from} → ${to} is ${legal ? 'allowed' : 'refused'}`, () => {
        if (legal) {
          assert.doesNotThrow(() => assertTransitionAllowed(from, to));
          return;
        }
        const error = catchError(() => assertTransitionAllowed(from, to));
        assert.ok(error instanceof InvalidTransitionError);
        assert.equal(error.code, 'INVALID_TRANSITION');
        assert.equal(error.status, 409);
        assert.equal(error.from, from);
        assert.equal(error.to, to);
        assert.deepEqual(
          [...error.allowed].sort(),
          WORKFLOW_STATES.filter((s) => LEGAL.has(`${from}→${s}`)).sort(),
        );
        assert.match(error.message, new RegExp(`${from} → ${to}`));
      });
    }
  }

  test('the table has exactly the specified pairs', () => {
    const pairs = Object.entries(WORKFLOW_TRANSITIONS).flatMap(([from, tos]) => tos.map((to) => `${from}→${to}`));
    assert.deepEqual(pairs.sort(), [...LEGAL].sort());
  });

  test('APPROVED is entered only from FEASIBILITY_READY, TOOLPATHS_READY only from TOOLPATHS_REQUESTED, which only APPROVED enters', () => {
    const into = (to: WorkflowState) => WORKFLOW_STATES.filter((from) => allowedTransitions(from).includes(to));
    assert.deepEqual(into('APPROVED'), ['FEASIBILITY_READY']);
    assert.deepEqual(into('TOOLPATHS_READY'), ['TOOLPATHS_REQUESTED']);
    assert.deepEqual(into('TOOLPATHS_REQUESTED'), ['APPROVED']);
    assert.deepEqual(allowedTransitions('ARCHIVED'), []);
  });

  test('unknown states are refused in both directions, and an unknown source allows nothing', () => {
    assert.throws(() => assertTransitionAllowed('BOGUS' as WorkflowState, 'DRAFT'), { code: 'INVALID_TRANSITION' });
    assert.throws(() => assertTransitionAllowed('DRAFT', 'BOGUS' as WorkflowState), { code: 'INVALID_TRANSITION' });
    assert.throws(() => assertTransitionAllowed('__proto__' as WorkflowState, 'DRAFT'), { code: 'INVALID_TRANSITION' });
    assert.deepEqual(allowedTransitions('toString'), []);
  });

  test('the table cannot be widened at run time', () => {
    assert.throws(() => (WORKFLOW_TRANSITIONS.DRAFT as WorkflowState[]).push('APPROVED'), TypeError);
    assert.throws(() => {
      (WORKFLOW_TRANSITIONS as Record<string, readonly WorkflowState[]>).DRAFT = ['APPROVED'];
    }, TypeError);
    assert.throws(() => assertTransitionAllowed('DRAFT', 'APPROVED'), { code: 'INVALID_TRANSITION' });
  });
});

function catchError(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  assert.fail('expected a throw');
}
