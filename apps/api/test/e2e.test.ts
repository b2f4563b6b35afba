import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deriveRunId } from '@luthier/rmos-contracts';
import { REFERENCE_GREEN_REQUEST, REFERENCE_RED_REQUEST } from '@luthier/rmos-feasibility';
import { hashCanonical } from '@luthier/shared-hashing';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

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

interface Server {
  child: ChildProcess;
  stderr: string;
  base: string;
}

/** `npm start`'s command, on a free port with a temp data dir; resolves once the server answers. */
async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const server: Server = { child, stderr: '', base: `http://127.0.0.1:${port}` };
  child.stderr!.on('data', (chunk) => (server.stderr += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${server.stderr}`);
    try {
      if ((await fetch(`${server.base}/docs/json`)).ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start: ${server.stderr}`);
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

describe('end to end: the real server on a free port with a temp data dir', () => {
  let dir: string;
  let env: Record<string, string>;
  let server: Server;
  let tokens: Record<string, string>;

  const call = async (method: string, url: string, role: string, body?: unknown) => {
    const res = await fetch(server.base + url, {
      method,
      headers: { authorization: `Bearer ${tokens[role]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'api-e2e-'));
    env = { RMOS_DATA_DIR: path.join(dir, 'data'), TOKENS_FILE: path.join(dir, 'tokens.json') };
    server = await startServer(env);
    // a fresh data dir without a tokens file: the server created one and printed a dev token per role, once
    tokens = Object.fromEntries([...server.stderr.matchAll(/^\s+(operator|approver|advisor|auditor)\s+(lt_\S+)$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(Object.keys(tokens).sort(), ['advisor', 'approver', 'auditor', 'operator'], server.stderr);
  });
  after(async () => {
    if (server) await stopServer(server);
    await rm(dir, { recursive: true, force: true });
  });

  test('open a session, feasibility, approve, toolpaths, then fetch and verify the artifacts', async () => {
    const opened = await call('POST', '/api/workflow/sessions', 'operator', REFERENCE_GREEN_REQUEST);
    assert.equal(opened.status, 201);
    const id = opened.body.session_id;
    assert.equal(opened.body.state, 'FEASIBILITY_READY');

    const feasibility = await call('POST', '/api/rmos/feasibility', 'operator', REFERENCE_GREEN_REQUEST);
    assert.equal(feasibility.status, 200);
    assert.equal(feasibility.body.risk_bucket, 'GREEN');
    assert.deepEqual(opened.body.feasibility, feasibility.body);

    const approved = await call('POST', '/api/workflow/approve', 'approver', { session_id: id });
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'OK');

    const toolpaths = await call('POST', '/api/rmos/toolpaths', 'operator', { session_id: id });
    assert.equal(toolpaths.status, 200);
    assert.equal(toolpaths.body.status, 'OK');
    assert.ok(toolpaths.body.gcode.length > 100);

    for (const runId of [approved.body.run_id, toolpaths.body.run_id]) {
      const artifact = await call('GET', `/api/runs/${runId}`, 'auditor');
      assert.equal(artifact.status, 200);
      assert.equal(artifact.body.status, 'OK');
      assert.equal(artifact.body.session_id, id);
      // anyone can recompute the content address from the artifact alone
      assert.equal(deriveRunId(artifact.body as never), runId);
      assert.equal(artifact.body.request_hash, hashCanonical(artifact.body.request));
      assert.equal(artifact.body.output_hash, hashCanonical(artifact.body.output));
      const verify = await call('GET', `/api/runs/${runId}/verify`, 'auditor');
      assert.equal(verify.status, 200);
      assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
    }
    const toolpathArtifact = (await call('GET', `/api/runs/${toolpaths.body.run_id}`, 'auditor')).body;
    assert.equal(toolpathArtifact.attachments[0].sha256, toolpaths.body.gcode_sha256);
    assert.deepEqual(toolpathArtifact.actor, { actor_id: 'dev-operator', role: 'operator' });
  });

  test('a RED design is refused at approve (409) with a BLOCKED artifact', async () => {
    const opened = await call('POST', '/api/workflow/sessions', 'operator', REFERENCE_RED_REQUEST);
    const refused = await call('POST', '/api/workflow/approve', 'approver', { session_id: opened.body.session_id });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'FEASIBILITY_NOT_GREEN');
    const artifact = await call('GET', `/api/runs/${refused.body.run_id}`, 'auditor');
    assert.equal(artifact.body.status, 'BLOCKED');
    const toolpaths = await call('POST', '/api/rmos/toolpaths', 'operator', { session_id: opened.body.session_id });
    assert.equal(toolpaths.status, 409);
  });

  test('a restart loses nothing: sessions and runs live in the same database', async () => {
    const opened = await call('POST', '/api/workflow/sessions', 'operator', REFERENCE_GREEN_REQUEST);
    const runsBefore = (await call('GET', '/api/runs?limit=500', 'auditor')).body.items;
    await stopServer(server);
    server = await startServer(env);
    assert.ok(!/lt_/.test(server.stderr), 'tokens are printed only when the file is created');
    const session = await call('GET', `/api/workflow/sessions/${opened.body.session_id}`, 'operator');
    assert.equal(session.status, 200);
    assert.deepEqual(session.body, opened.body);
    assert.deepEqual((await call('GET', '/api/runs?limit=500', 'auditor')).body.items, runsBefore);
  });
});
