// `npm run bench:api`: autocannon against the real server (`apps/api/src/main.ts`) on
// the embedded SQLite store in a temp data dir. Prints requests/s and latency for
// feasibility, and flows/s and flow p99 for approve + toolpaths (targets on 2 cores:
// ≥ 1,000 full flows/s, p99 < 50 ms), and the server process's CPU time per request and per
// flow (from /proc, steadier than wall figures on a shared machine). Figures only: nothing here asserts a speed.
// Options: BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 10), BENCH_LOG_LEVEL (default warn), BENCH_NODE_ARGS
// (extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { evaluateFeasibility, REFERENCE_GREEN_REQUEST } from '@luthier/rmos-feasibility';
import { openStores } from '@luthier/rmos-runs';
import { approveWorkflow, openSession, requestToolpaths } from '@luthier/rmos-workflow';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
/**
 * Concurrent client connections, one flow phase per count. 10 is autocannon's default;
 * there each connection spends most of a flow waiting for its two durable commits and
 * the server idles; 20 keeps both of the server's busy threads fed (the targets'
 * "flows/s at p99 < 50 ms" is a throughput under a latency bound, so both are shown).
 */
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '10,20').split(',').map(Number);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU time (user + system, ms) the server process has used so far, from /proc (Linux; NaN
 * elsewhere): on a shared machine CPU per request is a steadier figure than wall time.
 */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
  } catch {
    return NaN;
  }
}

/** CPU time (user and system, ms) of each thread of the server so far, by thread id (Linux; empty elsewhere). */
function threadCpuMs(pid: number | undefined): Map<string, { name: string; user: number; system: number }> {
  const threads = new Map<string, { name: string; user: number; system: number }>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      const name = tid === String(pid) ? 'main' : readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim();
      threads.set(tid, { name, user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 });
    }
  } catch {
    // not Linux, or the process is gone: no breakdown
  }
  return threads;
}

/** The threads that used CPU between two readings, busiest first: "main 1.05 (sys 0.10), node 0.40 (sys 0.22) ms/flow". */
function threadBreakdown(before: ReturnType<typeof threadCpuMs>, after: ReturnType<typeof threadCpuMs>, n: number): string {
  return [...after]
    .map(([tid, t]) => ({ name: `${t.name}[${tid}]`, user: t.user - (before.get(tid)?.user ?? 0), system: t.system - (before.get(tid)?.system ?? 0) }))
    .filter((t) => (t.user + t.system) / n >= 0.01)
    .sort((a, b) => b.user + b.system - (a.user + a.system))
    .map((t) => `${t.name} ${((t.user + t.system) / n).toFixed(2)} (sys ${(t.system / n).toFixed(2)})`)
    .join(', ');
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** The same use cases in-process and serial, without HTTP: the floor the router sits on. */
async function libraryFloor(dir: string): Promise<void> {
  const stores = await openStores({ dataDir: path.join(dir, 'floor') });
  const deps = { sessions: stores.sessions, runs: stores.runs };
  const operator = { actor_id: 'bench-operator', role: 'operator' as const };
  const approver = { actor_id: 'bench-approver', role: 'approver' as const };
  const n = 200;
  const time = async (fn: () => unknown) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return (performance.now() - t0) / n;
  };
  const feasibilityMs = await time(() => evaluateFeasibility(REFERENCE_GREEN_REQUEST.design, REFERENCE_GREEN_REQUEST.context));
  const ids: string[] = [];
  const openMs = await time(async () => ids.push((await openSession(deps, REFERENCE_GREEN_REQUEST, operator)).session_id));
  let i = 0;
  const approveMs = await time(() => approveWorkflow(deps, { session_id: ids[i++] }, approver));
  i = 0;
  const toolpathsMs = await time(() => requestToolpaths(deps, { session_id: ids[i++] }, operator));
  await stores.close();
  console.log(
    `library floor (in-process, serial): evaluateFeasibility ${feasibilityMs.toFixed(2)} ms, openSession ${openMs.toFixed(2)} ms, approveWorkflow ${approveMs.toFixed(2)} ms, requestToolpaths ${toolpathsMs.toFixed(2)} ms → at most ${(1000 / (approveMs + toolpathsMs)).toFixed(0)} serial flows/s`,
  );
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bench-api-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      RMOS_DATA_DIR: path.join(dir, 'data'),
      TOKENS_FILE: path.join(dir, 'tokens.json'),
      // warn by default: the figures are the server's own cost, not the terminal's; BENCH_LOG_LEVEL=info measures the production level.
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // One client makes every request here; the limit itself still runs on each.
      RATE_LIMIT_PER_MINUTE: '10000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += c));
  try {
    for (let i = 0; ; i++) {
      if (i > 300 || child.exitCode !== null) throw new Error(`server did not start: ${stderr}`);
      if (await fetch(`${base}/docs/json`).then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const tokens = Object.fromEntries([...stderr.matchAll(/^\s+(operator|approver|advisor|auditor)\s+(lt_\S+)$/gm)].map((m) => [m[1], m[2]]));
    const auth = (role: string) => ({ authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json' });
    const body = JSON.stringify(REFERENCE_GREEN_REQUEST);
    console.log(`bench:api  ${cpus().length} cpus (shared), load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`bench:api  ${cpus().length} cpus (shared), ${connectionCounts.join(' then ')} connections, ${seconds}s per phase, SQLite in ${dir}`);

    const cpu = (from: number, n: number) => `  server CPU ${((cpuMs(child.pid) - from) / n).toFixed(2)} ms/${n === 1 ? 'x' : 'req'}`;
    // 1. feasibility
    let cpu0 = cpuMs(child.pid);
    const feas = await autocannon({ url: `${base}/api/rmos/feasibility`, method: 'POST', headers: auth('advisor'), body, connections: connectionCounts[0], duration: seconds });
    console.log(
      `feasibility        ${feas.requests.average.toFixed(0)} req/s   p50 ${feas.latency.p50} ms  p99 ${feas.latency.p99} ms  max ${feas.latency.max} ms  non-2xx ${feas.non2xx}  errors ${feas.errors}${cpu(cpu0, feas.requests.total)}`,
    );

    // 2. per connection count: open sessions for the flow phase (measured too: it writes a session row), then the flows
    for (const connections of connectionCounts) {
      const sessionIds: string[] = [];
      cpu0 = cpuMs(child.pid);
      const open = await autocannon({
        url: base,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/workflow/sessions',
            headers: auth('operator'),
            body,
            onResponse: (status, text) => {
              if (status === 201) sessionIds.push(JSON.parse(text).session_id);
            },
          },
        ],
      });
      console.log(`open session  ${String(connections).padStart(3)}c ${open.requests.average.toFixed(0)} req/s   p50 ${open.latency.p50} ms  p99 ${open.latency.p99} ms  non-2xx ${open.non2xx}${cpu(cpu0, open.requests.total)}`);

      // 3. the full flow: approve then toolpaths, one fresh session each
      let next = 0;
      const flowMs: number[] = [];
      const statuses: Record<string, number> = {};
      const tally = (route: string, status: number, text: string) => {
        const key = `${route} ${status}${status >= 300 ? ` ${JSON.parse(text)?.error?.code}` : ''}`;
        statuses[key] = (statuses[key] ?? 0) + 1;
      };
      let flowsOk = 0;
      const started = Date.now();
      cpu0 = cpuMs(child.pid);
      const threads0 = threadCpuMs(child.pid);
      const client0 = process.cpuUsage();
      const flow = await autocannon({
        url: base,
        connections,
        // autocannon stops mid-sequence on some connections, so keep spare sessions: no id is approved twice.
        amount: Math.max(2, (sessionIds.length - 4 * connections) * 2),
        requests: [
          {
            method: 'POST',
            path: '/api/workflow/approve',
            headers: auth('approver'),
            onResponse: (status, text) => tally('approve', status, text),
            setupRequest: (req, context) => {
              context.sessionId = sessionIds[next++ % sessionIds.length];
              context.t0 = performance.now();
              return { ...req, body: JSON.stringify({ session_id: context.sessionId }) };
            },
          },
          {
            method: 'POST',
            path: '/api/rmos/toolpaths',
            headers: auth('operator'),
            setupRequest: (req, context) => ({ ...req, body: JSON.stringify({ session_id: context.sessionId }) }),
            onResponse: (status, text, context) => {
              tally('toolpaths', status, text);
              if (status === 200) flowsOk++;
              flowMs.push(performance.now() - (context.t0 as number));
            },
          },
        ],
      });
      const elapsed = (Date.now() - started) / 1000;
      const flowCpuMs = (cpuMs(child.pid) - cpu0) / flowsOk;
      flowMs.sort((a, b) => a - b);
      console.log(
        `approve+toolpaths ${String(connections).padStart(3)}c ${(flowsOk / elapsed).toFixed(0)} flows/s (${flowsOk} flows in ${elapsed.toFixed(1)}s)  flow p50 ${percentile(flowMs, 50).toFixed(1)} ms  p99 ${percentile(flowMs, 99).toFixed(1)} ms  per-request p99 ${flow.latency.p99} ms  non-2xx ${flow.non2xx}  server CPU ${flowCpuMs.toFixed(2)} ms/flow`,
      );
      const client = process.cpuUsage(client0);
      console.log(`server threads     ${threadBreakdown(threads0, threadCpuMs(child.pid), flowsOk)} ms/flow`);
      // The client shares the machine's two cores with the server: its CPU is what the server could not have.
      console.log(`client (this bench, autocannon) CPU ${((client.user + client.system) / 1000 / flowsOk).toFixed(2)} ms/flow, ${((client.user + client.system) / 1e6 / elapsed * 100).toFixed(0)}% of one core`);
      console.log(`flow statuses      ${JSON.stringify(statuses)}`);
    }
    console.log('targets (2 cores): >= 1000 flows/s, flow p99 < 50 ms');
    console.log(`load average now   ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    await libraryFloor(dir);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
