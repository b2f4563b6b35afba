import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { evaluateFeasibility, REFERENCE_GREEN_REQUEST, REFERENCE_RED_REQUEST, REFERENCE_YELLOW_REQUEST } from '@luthier/rmos-feasibility';
import { feasibilityPortFrom, proposeWithServerFeasibility, sandboxPortFrom } from '../src/ports/advisory-ports.js';
import { allRuns, startHarness, type Harness } from './harness.js';

describe('POST /api/ai/proposals', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  for (const [label, request] of [
    ['YELLOW', REFERENCE_YELLOW_REQUEST],
    ['RED', REFERENCE_RED_REQUEST],
  ] as const) {
    test(`a ${label} design gets PROPOSED changes whose feasibility is the server's; nothing executes`, async () => {
      const runsBefore = await allRuns(h);
      const res = await h.call('POST', '/api/ai/proposals', 'advisor', request);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.baseline.risk_bucket, label);
      for (const proposal of body.proposals) {
        assert.equal(proposal.status, 'PROPOSED');
        assert.ok(proposal.rationale.length > 0);
        // the attached verdict is exactly what the server computes for the proposed design
        const server = await h.call('POST', '/api/rmos/feasibility', 'advisor', { design: proposal.design, context: proposal.context });
        assert.deepEqual(proposal.feasibility, server.json());
        const svg = await readFile(path.join(h.dataDir, 'sandbox', proposal.preview_path), 'utf8');
        assert.match(svg, /^<svg /);
      }
      if (label === 'YELLOW') {
        assert.ok(body.proposals.length > 0);
        assert.equal(body.proposals[0].feasibility.risk_bucket, 'GREEN');
      }
      assert.deepEqual(await allRuns(h), runsBefore, 'proposals never write run artifacts');
    });
  }

  test('a GREEN design gets no proposal', async () => {
    const res = await h.call('POST', '/api/ai/proposals', 'advisor', REFERENCE_GREEN_REQUEST);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json().proposals, []);
  });
});

describe('the ports the advisory code is handed', () => {
  test('the feasibility port is frozen, has no prototype and exposes evaluate only', () => {
    const port = feasibilityPortFrom(evaluateFeasibility);
    assert.ok(Object.isFrozen(port));
    assert.equal(Object.getPrototypeOf(port), null);
    assert.deepEqual(Reflect.ownKeys(port), ['evaluate']);
    assert.ok(Object.isFrozen(port.evaluate));
    assert.throws(() => {
      (port as unknown as Record<string, unknown>).evaluate = () => null;
    }, TypeError);
    assert.throws(() => {
      (port as unknown as Record<string, unknown>).approveWorkflow = () => null;
    }, TypeError);
    assert.equal(port.evaluate.name, '', 'not the engine function itself');
    assert.notEqual(port.evaluate, evaluateFeasibility);
    const { design, context } = REFERENCE_YELLOW_REQUEST;
    assert.deepEqual(port.evaluate(design, context), evaluateFeasibility(design, context));
    // a detached method still works: nothing depends on `this`
    const { evaluate } = port;
    assert.equal(evaluate(design, context).risk_bucket, 'YELLOW');
  });

  test('the sandbox port is frozen and exposes write and read only', () => {
    const store = { write: async (p: string) => p, read: async () => new Uint8Array(), secret: 'x' };
    const port = sandboxPortFrom(store);
    assert.ok(Object.isFrozen(port));
    assert.equal(Object.getPrototypeOf(port), null);
    assert.deepEqual(Reflect.ownKeys(port).sort(), ['read', 'write']);
  });
});

describe('the app takes only server-computed verdicts from the advisory code', () => {
  const port = feasibilityPortFrom(evaluateFeasibility);
  const ports = { feasibility: port };
  const green = REFERENCE_GREEN_REQUEST;
  const red = REFERENCE_RED_REQUEST;
  const answer = (feasibility: unknown, design = red.design, baseline = port.evaluate(red.design, red.context)) => async () => ({
    baseline: { risk_bucket: baseline.risk_bucket, score: baseline.score },
    proposals: [{ proposal_id: 'prop_x', status: 'PROPOSED' as const, design, context: red.context, changes: [], rationale: 'r', feasibility, preview_path: null }],
    evaluations: 1,
    note: 'n',
  });
  const refused = { code: 'ADVISORY_OUTPUT_REFUSED' };

  test('the real advisory code passes', async () => {
    const response = await proposeWithServerFeasibility(REFERENCE_YELLOW_REQUEST, ports);
    assert.ok(response.proposals.length > 0);
  });

  test('a verdict the advisory code made, copied, or moved to another design is refused', async () => {
    const real = port.evaluate(red.design, red.context);
    await assert.rejects(proposeWithServerFeasibility(red, ports, answer({ ...real, risk_bucket: 'GREEN', score: 100 }) as never), refused);
    await assert.rejects(proposeWithServerFeasibility(red, ports, answer(structuredClone(real)) as never), refused, 'an equal copy is not the server’s object');
    const greenVerdict = port.evaluate(green.design, green.context);
    await assert.rejects(proposeWithServerFeasibility(red, ports, answer(greenVerdict, red.design) as never), refused, 'a GREEN verdict of another design');
    const other = feasibilityPortFrom(evaluateFeasibility);
    await assert.rejects(proposeWithServerFeasibility(red, ports, answer(other.evaluate(red.design, red.context)) as never), refused, 'a verdict of another port');
    await assert.rejects(proposeWithServerFeasibility(red, ports, answer(real, red.design, greenVerdict) as never), refused, 'a baseline that is not the request’s');
    await assert.doesNotReject(proposeWithServerFeasibility(red, ports, answer(port.evaluate(red.design, red.context)) as never));
  });

  test('a verdict the port answers cannot be changed in place', () => {
    const real = port.evaluate(red.design, red.context) as unknown as Record<string, unknown> & { rules: unknown[] };
    assert.throws(() => {
      real.risk_bucket = 'GREEN';
    }, TypeError);
    assert.throws(() => real.rules.push({}), TypeError);
    assert.equal(real.risk_bucket, 'RED');
  });
});
