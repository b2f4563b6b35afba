import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FeasibilityGateError } from '@luthier/rmos-gates';
import { ChannelNarrowerThanToolError, ToolpathError } from '@luthier/rmos-toolpaths';
import { ToolpathGenerationError } from '../src/errors.js';
import { asGenerationOutcome } from '../src/generation-failure.js';

test('refusals from inside the engine stay refusals (recorded BLOCKED)', () => {
  for (const refusal of [
    new FeasibilityGateError(null, 'not GREEN'),
    new ChannelNarrowerThanToolError(0, 1.5, 2),
    new ToolpathError('UNKNOWN_CATALOG_ENTRY', 'unknown tool', 409),
  ]) {
    assert.equal(asGenerationOutcome(refusal), refusal);
  }
});

test('anything else is a generation failure: TOOLPATHS_FAILED, 500 (recorded ERROR), keeping its cause', () => {
  const typeError = new TypeError("Cannot read properties of undefined (reading 'x')");
  for (const failure of [typeError, new RangeError('Invalid array length'), 'a thrown string', null, { code: 'X', status: 409 }, Object.assign(new Error('disk'), { code: 'EIO', status: 507 })]) {
    const outcome = asGenerationOutcome(failure);
    assert.ok(outcome instanceof ToolpathGenerationError, String(failure));
    assert.equal((outcome as ToolpathGenerationError).code, 'TOOLPATHS_FAILED');
    assert.equal((outcome as ToolpathGenerationError).status, 500);
    assert.equal(outcome.cause, failure);
  }
  assert.match(asGenerationOutcome(typeError).message, /Cannot read properties/);
});
