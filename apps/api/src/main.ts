// `npm start`: the HTTP API over RMOS on the embedded store (or PostgreSQL with DATABASE_URL).
// First, before any module builds a schema: zod's global compile mode, so that every schema
// of the process (sessions, run artifacts, gates, toolpaths) parses through zod's AOT-compiled
// fast path — the same checks as straight-line code; an input it refuses is parsed again by
// the regular parser, so the issues do not change (https://zod.dev/compile).
import 'zod/compile';
import { evaluateFeasibility } from '@luthier/rmos-feasibility';
import { openStores } from '@luthier/rmos-runs';
import { ThreadToolpathEngine } from '@luthier/rmos-toolpaths';
import { createSandboxStore } from '@luthier/shared-sandbox';
import { buildApp } from './app.js';
import { ensureDevTokens } from './auth/dev-tokens.js';
import { registryFromFile } from './auth/token-registry.js';
import { readTokensFile } from './auth/tokens-file.js';
import { loadConfig } from './config.js';
import { feasibilityPortFrom } from './ports/advisory-ports.js';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.production && readTokensFile(config.tokensFile) === null) {
    throw new Error(`no tokens file at ${config.tokensFile}; create tokens with: npm run token -- create --role operator --id <name>`);
  }
  const devTokens = config.production ? null : ensureDevTokens(config.tokensFile);
  if (devTokens) {
    // Printed once to the terminal, never logged: only the digests are kept.
    process.stderr.write(
      `\nNo tokens file found: created ${config.tokensFile} with one development token per role.\n` +
        `These are shown once; store them now (or issue your own: npm run token -- create --role <role> --id <name>):\n` +
        Object.entries(devTokens)
          .map(([role, token]) => `  ${role.padEnd(9)} ${token}`)
          .join('\n') +
        '\n\n',
    );
  }

  // The writer thread: commits (and their fsyncs) never block the event loop that answers requests.
  const stores = await openStores({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, writerThread: true });
  // And G-code generation, the dearest step of a request, in a thread of its own (the same gated engine).
  const toolpaths = await ThreadToolpathEngine.start();
  const sandbox = await createSandboxStore({ dataRoot: config.dataDir });
  const app = await buildApp({
    deps: { sessions: stores.sessions, runs: stores.runs, toolpaths },
    tokens: registryFromFile(config.tokensFile, (msg) => app.log.warn({ security_event: 'tokens.reload' }, msg)),
    feasibilityPort: feasibilityPortFrom(evaluateFeasibility),
    sandbox,
    bodyLimitBytes: config.bodyLimitBytes,
    rateLimitPerMinute: config.rateLimitPerMinute,
    logger: { level: config.logLevel },
  });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await toolpaths.close();
    await stores.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  app.log.info({ data_dir: config.dataDir, store: config.databaseUrl ? 'postgres' : 'sqlite', docs: '/docs' }, 'RMOS API ready');
}

main().catch((error) => {
  process.stderr.write(`api: ${(error as Error).message}\n`);
  process.exit(1);
});
