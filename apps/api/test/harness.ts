import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '@luthier/rmos-contracts';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { openStores, type Stores } from '@luthier/rmos-runs';
import { createSandboxStore } from '@luthier/shared-sandbox';
import { buildApp } from '../src/app.js';
import { generateToken, hashToken } from '../src/auth/token-hash.js';
import { registryFromEntries } from '../src/auth/token-registry.js';
import { feasibilityPortFrom } from '../src/ports/advisory-ports.js';

export const ROLE_LIST: Role[] = ['operator', 'approver', 'advisor', 'auditor'];

export interface Harness {
  app: FastifyInstance;
  stores: Stores;
  dataDir: string;
  tokens: Record<Role, string>;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: string[];
  call(method: string, url: string, role: Role | null, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The real app on the real embedded store in a temp data dir, one token per role. */
export async function startHarness(options: { rateLimitPerMinute?: number; bodyLimitBytes?: number } = {}): Promise<Harness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'api-test-'));
  const stores = await openStores({ dataDir });
  const tokens = Object.fromEntries(ROLE_LIST.map((role) => [role, generateToken()])) as Record<Role, string>;
  const registry = registryFromEntries(
    ROLE_LIST.map((role) => ({ id: `test-${role}`, role, sha256: hashToken(tokens[role]).toString('hex'), created_at: '' })),
  );
  const rawLogs: string[] = [];
  const logs: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        rawLogs.push(line);
        logs.push(JSON.parse(line));
      }
      done();
    },
  });
  const app = await buildApp({
    deps: { sessions: stores.sessions, runs: stores.runs },
    tokens: registry,
    feasibilityPort: feasibilityPortFrom(evaluateFeasibility),
    sandbox: await createSandboxStore({ dataRoot: dataDir }),
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1_000_000,
    bodyLimitBytes: options.bodyLimitBytes,
    logger: { level: 'info', stream },
  });
  await app.ready();
  return {
    app,
    stores,
    dataDir,
    tokens,
    logs,
    rawLogs,
    call(method, url, role, body) {
      const headers: Record<string, string> = role ? { authorization: `Bearer ${tokens[role]}` } : {};
      // A string body is sent as raw JSON text (malformed-input tests); anything else is serialized.
      if (typeof body === 'string') headers['content-type'] = 'application/json';
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      if (payload !== undefined && typeof body !== 'string') headers['content-type'] = 'application/json';
      return app.inject({ method: method as 'GET', url, headers, payload });
    },
    async close() {
      await app.close();
      await stores.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Opens a session as the operator and returns its id. */
export async function openSessionFor(h: Harness, request: unknown): Promise<string> {
  const res = await h.call('POST', '/api/workflow/sessions', 'operator', request);
  if (res.statusCode !== 201) throw new Error(`open session: ${res.statusCode} ${res.body}`);
  return res.json().session_id;
}

/** All run artifacts, as the auditor sees them. */
export async function allRuns(h: Harness): Promise<Record<string, any>[]> {
  const items: Record<string, any>[] = [];
  let cursor: string | null = null;
  do {
    const res = await h.call('GET', `/api/runs?limit=500${cursor ? `&cursor=${cursor}` : ''}`, 'auditor');
    if (res.statusCode !== 200) throw new Error(`list runs: ${res.statusCode} ${res.body}`);
    const page = res.json();
    items.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return items;
}
