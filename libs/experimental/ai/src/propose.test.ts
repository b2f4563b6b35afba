import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeasibilityPort, FeasibilityResult, RiskBucket, RosetteDesign, SandboxStorePort } from '@luthier/rmos-contracts';
import { feasibilityResultSchema } from '@luthier/rmos-contracts';
import { channelsOverlap, proposalResponseSchema, proposeDesignChanges } from '@luthier/experimental-ai';

// A port with a small rule table of its own, so the search is tested against
// known verdicts: depth over 2 mm is RED, over 1 mm YELLOW; spiral is YELLOW.
function rulePort(): FeasibilityPort & { calls: number } {
  const port = {
    calls: 0,
    evaluate(design: RosetteDesign): FeasibilityResult {
      port.calls++;
      const maxDepth = Math.max(...design.rings.map((r) => r.depth_mm));
      const depth: RiskBucket = maxDepth > 2 ? 'RED' : maxDepth > 1 ? 'YELLOW' : 'GREEN';
      const heat: RiskBucket = design.rings.some((r) => r.pattern === 'spiral') ? 'YELLOW' : 'GREEN';
      const bucket: RiskBucket = depth === 'RED' ? 'RED' : depth === 'YELLOW' || heat === 'YELLOW' ? 'YELLOW' : 'GREEN';
      return {
        score: Math.max(0, Math.round(100 - maxDepth * 20 - (heat === 'YELLOW' ? 15 : 0))),
        risk_bucket: bucket,
        warnings: [],
        rules: [
          { rule_id: 'F001', name: 'depth_mm', verdict: depth, value: maxDepth, message: '' },
          { rule_id: 'F002', name: 'heat', verdict: heat, value: null, message: '' },
        ],
        engine_version: 'test',
        design_hash: '0'.repeat(64),
        context_hash: '0'.repeat(64),
      };
    },
  };
  return port;
}

const context = { material_id: 'maple_hard', tool_id: 'flat_1mm', machine_profile_id: 'grbl_hobby_router' };
const redDesign: RosetteDesign = {
  outer_diameter_mm: 120,
  inner_diameter_mm: 90,
  rings: [
    { radial_position_mm: 50, width_mm: 2, depth_mm: 3, pattern: 'spiral' },
    { radial_position_mm: 55, width_mm: 2, depth_mm: 0.8, pattern: 'solid' },
  ],
};

test('a RED design gets GREEN proposals, each PROPOSED with its rationale and the port-computed feasibility', async () => {
  const port = rulePort();
  const result = await proposeDesignChanges({ design: redDesign, context }, { feasibility: port });
  proposalResponseSchema.parse(result);
  assert.deepEqual(result.baseline, { risk_bucket: 'RED', score: 25 });
  assert.ok(result.proposals.length > 0 && result.proposals.length <= 3);
  const best = result.proposals[0];
  assert.equal(best.status, 'PROPOSED');
  assert.equal(best.feasibility.risk_bucket, 'GREEN');
  // the attached feasibility is exactly what the port says about the proposed design
  assert.deepEqual(best.feasibility, rulePort().evaluate(best.design, context));
  feasibilityResultSchema.parse(best.feasibility);
  assert.ok(best.changes.some((c) => c.field === 'depth_mm' && c.ring_index === 0));
  assert.ok(best.changes.some((c) => c.field === 'pattern' && c.from === 'spiral'));
  assert.match(best.rationale, /from RED \(score 25\) to GREEN/);
  assert.match(best.rationale, /F001 depth_mm: RED to GREEN/);
  assert.equal(result.evaluations, port.calls);
  // the input was not mutated
  assert.equal(redDesign.rings[0].depth_mm, 3);
});

test('no proposal makes two ring channels overlap', async () => {
  const result = await proposeDesignChanges({ design: redDesign, context, max_proposals: 10 }, { feasibility: rulePort() });
  assert.ok(result.proposals.length > 0);
  for (const p of result.proposals) assert.equal(channelsOverlap(p.design), false, JSON.stringify(p.design.rings));
  assert.equal(channelsOverlap({ ...redDesign, rings: [redDesign.rings[0], { ...redDesign.rings[0], radial_position_mm: 51 }] }), true);
});

test('the search is deterministic', async () => {
  const a = await proposeDesignChanges({ design: redDesign, context, max_proposals: 5 }, { feasibility: rulePort() });
  const b = await proposeDesignChanges({ design: structuredClone(redDesign), context, max_proposals: 5 }, { feasibility: rulePort() });
  assert.deepEqual(a, b);
  assert.equal(new Set(a.proposals.map((p) => p.proposal_id)).size, a.proposals.length);
});

test('a GREEN design needs no proposal', async () => {
  const green = structuredClone(redDesign);
  green.rings[0] = { ...green.rings[0], depth_mm: 0.5, pattern: 'solid' };
  const result = await proposeDesignChanges({ design: green, context }, { feasibility: rulePort() });
  assert.equal(result.baseline.risk_bucket, 'GREEN');
  assert.deepEqual(result.proposals, []);
});

test('the evaluation budget is a hard cap', async () => {
  const port = rulePort();
  const result = await proposeDesignChanges({ design: redDesign, context }, { feasibility: port }, { max_evaluations: 5 });
  assert.equal(port.calls, 6); // baseline + 5
  assert.equal(result.evaluations, 6);
});

test('large designs get a smaller evaluation budget (evaluations x rings is capped)', async () => {
  const rings = Array.from({ length: 40 }, (_, i) => ({ radial_position_mm: 20 + i * 3, width_mm: 2, depth_mm: 3, pattern: 'spiral' as const }));
  const big: RosetteDesign = { outer_diameter_mm: 300, inner_diameter_mm: 30, rings };
  const port = rulePort();
  await proposeDesignChanges({ design: big, context }, { feasibility: port }, { max_ring_evaluations: 4000 });
  assert.equal(port.calls, 1 + 100);
});

test('previews and proposal copies are written through the sandbox store only', async () => {
  const files = new Map<string, string>();
  const sandbox: SandboxStorePort = {
    async write(p, data) {
      files.set(p, String(data));
      return p;
    },
    async read(p) {
      return new TextEncoder().encode(files.get(p));
    },
  };
  const result = await proposeDesignChanges({ design: redDesign, context, max_proposals: 2 }, { feasibility: rulePort(), sandbox });
  for (const p of result.proposals) {
    assert.equal(p.preview_path, `previews/${p.proposal_id}.svg`);
    assert.match(files.get(p.preview_path!)!, /^<svg/);
    assert.deepEqual(JSON.parse(files.get(`proposals/${p.proposal_id}.json`)!), p);
  }
  assert.equal(files.size, result.proposals.length * 2);
});
