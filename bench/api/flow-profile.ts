// `npx tsx bench/api/flow-profile.ts [--concurrency N] [--by-store]`: where a full flow's
// time goes, in-process on the embedded store: wall time per flow and per use case.
// --by-store also wraps the store calls with timers and prints the share of each; the
// wrapped stores are no longer recognised as one connection, so a session change and
// its artifact then take two commits instead of one. Figures only (CPU per flow from process.cpuUsage).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { openStores, type RunStore, type SessionStore } from '@luthier/rmos-runs';
import { approveWorkflow, openSession, requestToolpaths } from '@luthier/rmos-workflow';

const { values } = parseArgs({
  options: { concurrency: { type: 'string', default: '1' }, flows: { type: 'string', default: '300' }, 'by-store': { type: 'boolean', default: false } },
});
const concurrency = Number(values.concurrency);
const flows = Number(values.flows);

const spent = new Map<string, number>();
function timedObject<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const t0 = performance.now();
        try {
          return await value.apply(obj, args);
        } finally {
          const label = `${name}.${String(key)}`;
          spent.set(label, (spent.get(label) ?? 0) + performance.now() - t0);
        }
      };
    },
  });
}

const dir = await mkdtemp(path.join(tmpdir(), 'flow-profile-'));
const stores = await openStores({ dataDir: dir });
const deps = values['by-store']
  ? { sessions: timedObject<SessionStore>('sessions', stores.sessions), runs: timedObject<RunStore>('runs', stores.runs) }
  : { sessions: stores.sessions, runs: stores.runs };
const timedCall = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    spent.set(label, (spent.get(label) ?? 0) + performance.now() - t0);
  }
};
const operator = { actor_id: 'bench-operator', role: 'operator' as const };
const approver = { actor_id: 'bench-approver', role: 'approver' as const };
const ids: string[] = [];
for (let i = 0; i < flows; i++) ids.push((await openSession(deps, REFERENCE_GREEN_REQUEST, operator)).session_id);
spent.clear();
let next = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < ids.length) {
      const id = ids[next++];
      await timedCall('approveWorkflow', () => approveWorkflow(deps, { session_id: id }, approver));
      await timedCall('requestToolpaths', () => requestToolpaths(deps, { session_id: id }, operator));
    }
  }),
);
const total = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
console.log(
  `${flows} flows, concurrency ${concurrency}: ${(total / flows).toFixed(2)} ms wall per flow, ${((flows / total) * 1000).toFixed(0)} flows/s, ${((cpu.user + cpu.system) / 1000 / flows).toFixed(2)} ms CPU per flow`,
);
for (const [label, ms] of [...spent].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${label.padEnd(32)} ${(ms / flows).toFixed(2)} ms per flow (summed over concurrent callers)`);
}
await stores.close();
await rm(dir, { recursive: true, force: true });
