import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, checkTableHash } from '@luthier/rmos-engines';
import { TOOLPATH_PARAMETERS } from '@luthier/rmos-toolpaths';

test('the toolpath parameter table hashes to what the engine registry declares for this toolpaths version', () => {
  const check = checkTableHash(`toolpaths ${ENGINES.toolpaths.version}`, TOOLPATH_PARAMETERS, ENGINES.toolpaths.parameters_sha256);
  assert.ok(check.ok, check.ok ? '' : check.message);
});

test('the parameter table is frozen and keeps the stepover ceiling at 50% of the tool', () => {
  assert.ok(Object.isFrozen(TOOLPATH_PARAMETERS));
  assert.ok(TOOLPATH_PARAMETERS.max_stepover_ratio <= 0.5);
  assert.ok(TOOLPATH_PARAMETERS.helix_ramp_angle_deg > 0 && TOOLPATH_PARAMETERS.helix_ramp_angle_deg < 90);
});
