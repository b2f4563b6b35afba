// Median time per design of evaluateFeasibility for a 3-ring and a 40-ring rosette (target < 50 µs).
// Run: npm run bench:feasibility. Figures only: the machine is shared, so nothing here asserts a time.
// Both wall-clock and process CPU time are printed: under load the CPU figure is the steadier one.
import { loadavg } from 'node:os';
import { evaluateFeasibility, manyRingRequest, REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import type { DesignRequest } from '@luthier/rmos-contracts';

const TARGET_US = 50;
const BATCH = 200;
const BATCHES = 101;

interface Figures {
  wall: number;
  cpu: number;
  wallP10: number;
  wallP90: number;
}

function measure({ design, context }: DesignRequest): Figures {
  for (let i = 0; i < 3000; i++) evaluateFeasibility(design, context); // warm-up: let the JIT settle
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    for (let i = 0; i < BATCH; i++) evaluateFeasibility(design, context);
    wall.push(Number(process.hrtime.bigint() - start) / 1000 / BATCH);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / BATCH);
  }
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
  return { wall: q(wall, 0.5), cpu: q(cpu, 0.5), wallP10: q(wall, 0.1), wallP90: q(wall, 0.9) };
}

const cases: [string, DesignRequest][] = [
  ['3 rings', REFERENCE_GREEN_REQUEST],
  ['40 rings', manyRingRequest(40)],
];
console.log(`feasibility: median of ${BATCHES} batches of ${BATCH} calls; node ${process.version}; load average ${loadavg()[0].toFixed(2)}`);
for (const [label, request] of cases) {
  const f = measure(request);
  console.log(
    `  ${label.padEnd(9)} wall ${f.wall.toFixed(2).padStart(7)} µs/design (p10 ${f.wallP10.toFixed(2)}, p90 ${f.wallP90.toFixed(2)})` +
      `  cpu ${f.cpu.toFixed(2).padStart(7)} µs/design  target < ${TARGET_US} µs: ${f.wall < TARGET_US ? 'met' : 'MISSED'}`,
  );
}
