// Median time per design of toolpath generation for a 3-ring and a 40-ring rosette (target: 40 rings < 20 ms).
// Run: npm run bench:toolpaths. Figures only: the machine is shared, so nothing here asserts a time.
//
// Two figures per design:
// - gated: generateToolpaths on an APPROVED session, the public path (gates + feasibility recompute + G-code);
// - core: planning, program, posting and hashing alone.
// A 40-ring rosette is never GREEN (F002 heat: 40 rings × pattern factor ≥ 40 > 24), so the gate refuses
// it by design; its figure is the core's, reached by a relative import because the package deliberately
// does not export an ungated generator.
import { loadavg } from 'node:os';
import type { DesignRequest, WorkflowSession } from '@luthier/rmos-contracts';
import { REFERENCE_GREEN_REQUEST, catalogs, cuttingParameters, evaluateFeasibility, manyRingRequest } from '@luthier/rmos-feasibility';
import { hashCanonical } from '@luthier/shared-hashing';
import { DIALECTS, generateToolpaths } from '@luthier/rmos-toolpaths';
import { renderToolpaths } from '../../libs/rmos/toolpaths/src/render.js';

const TARGET_40_RINGS_MS = 20;
const ROUNDS = 31;

function approved({ design, context }: DesignRequest): WorkflowSession {
  const feasibility = evaluateFeasibility(design, context);
  const at = '2026-01-01T00:00:00.000Z';
  return {
    session_id: `ses_${'0'.repeat(32)}`,
    state: 'APPROVED',
    design,
    context,
    feasibility,
    approval: { approved_by: { actor_id: 'bench', role: 'approver' }, approved_at: at, feasibility_hash: hashCanonical(feasibility) },
    created_at: at,
    updated_at: at,
    revision: 1,
    history: [],
  };
}

function core({ design, context }: DesignRequest) {
  const material = catalogs.getMaterial(context.material_id)!;
  const tool = catalogs.getTool(context.tool_id)!;
  const machine = catalogs.getMachine(context.machine_profile_id)!;
  const cutting = cuttingParameters(material, tool, machine);
  return (dialect: (typeof DIALECTS)[number]) => renderToolpaths({ design, material, tool, machine, cutting }, context, dialect);
}

/** Median and p90 wall time (ms) per call, one call per dialect per round, after a warm-up. */
function measure(run: (dialect: (typeof DIALECTS)[number]) => { gcode: string }): { median: number; p90: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < 5; i++) for (const d of DIALECTS) bytes = run(d).gcode.length;
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (const d of DIALECTS) {
      const start = process.hrtime.bigint();
      run(d);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p90: times[Math.floor(times.length * 0.9)], bytes };
}

const three = structuredClone(REFERENCE_GREEN_REQUEST);
const forty = manyRingRequest(40);
const threeSession = approved(three);
console.log(`toolpaths: median over ${ROUNDS} rounds x ${DIALECTS.length} dialects; node ${process.version}; load average ${loadavg()[0].toFixed(2)}`);
console.log(`  40-ring rosette feasibility: ${evaluateFeasibility(forty.design, forty.context).risk_bucket} (so only the core is timed for it)`);
const rows: [string, ReturnType<typeof measure>, number | null][] = [
  ['3 rings, gated', measure((dialect) => generateToolpaths(threeSession, { dialect })), null],
  ['3 rings, core', measure(core(three)), null],
  ['40 rings, core', measure(core(forty)), TARGET_40_RINGS_MS],
];
for (const [label, f, target] of rows) {
  const verdict = target === null ? '' : `  target < ${target} ms: ${f.median < target ? 'met' : 'MISSED'}`;
  console.log(`  ${label.padEnd(15)} median ${f.median.toFixed(3).padStart(8)} ms/design (p90 ${f.p90.toFixed(3)})  ~${f.bytes} bytes of G-code${verdict}`);
}
