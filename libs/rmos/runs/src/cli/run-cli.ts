import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { canonicalJson } from '@luthier/shared-hashing';
import { openStores, storeOptionsFromEnv, type OpenStoresOptions } from '../open-stores.js';
import type { VerifyReport } from '../store/verify-report.js';

export const USAGE = `usage: npm run runs -- <command> [options]

commands:
  verify            recompute every artifact's hashes, the whole chain and every attachment
                    (exit 0 when intact, 1 naming each problem, 2 when the store cannot be read)
  verify --run-id R check one artifact and its links to its neighbours
  export            write every artifact as one JSON line, in chain order
  rebuild-indexes   recreate the derived list index from the artifacts (after a restore, or when
                    list answers look wrong); the only write this CLI makes, and never to an artifact

options:
  --data-dir D      the data root holding runs/ and run_attachments/ (default: $RMOS_DATA_DIR or data)
  --database-url U  a PostgreSQL store instead (default: $DATABASE_URL when --data-dir is not given)
  --schema S        the PostgreSQL schema (default rmos_runs)
  --output F        export: write to F instead of stdout
  --full            verify: also re-run the artifact schema on every artifact (slower)
  --json            verify: print the report as JSON
`;

const COMMANDS = new Set(['verify', 'export', 'rebuild-indexes']);

export interface CliIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        schema: { type: 'string' },
        'run-id': { type: 'string' },
        output: { type: 'string' },
        json: { type: 'boolean' },
        full: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !COMMANDS.has(command ?? '') || positionals.length > 1) {
    (values.help ? io.stdout : io.stderr).write(USAGE);
    return values.help ? 0 : 2;
  }
  const fromEnv = storeOptionsFromEnv(io.env);
  const options: OpenStoresOptions = {
    dataDir: values['data-dir'] ?? fromEnv.dataDir,
    databaseUrl: values['database-url'] ?? (values['data-dir'] ? undefined : fromEnv.databaseUrl),
    schema: values.schema,
    readOnly: true,
  };
  const where = options.databaseUrl ? `PostgreSQL store${options.schema ? ` (schema ${options.schema})` : ''}` : `store in ${options.dataDir}`;
  let stores;
  try {
    stores = await openStores(options);
    // An auditor's commands never open the store for writing; rebuild-indexes reopens one
    // that exists (the read-only open just proved it), so a mistyped path creates nothing.
    if (command === 'rebuild-indexes') {
      await stores.close();
      stores = await openStores({ ...options, readOnly: false });
    }
  } catch (error) {
    io.stderr.write(`cannot open the ${where}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    if (command === 'verify') {
      const report = values['run-id'] ? await stores.runs.verify(values['run-id']) : await stores.runs.verifyAll({ full: values.full ?? false });
      printReport(report, where, io, values.json ?? false);
      return report.ok ? 0 : 1;
    }
    if (command === 'rebuild-indexes') {
      const { indexed } = await stores.runs.rebuildIndexes();
      io.stdout.write(`rebuilt the list index of the ${where}: ${indexed} artifact(s) indexed\n`);
      return 0;
    }
    const out = values.output ? createWriteStream(values.output, { flags: 'wx' }) : io.stdout;
    let count = 0;
    for await (const artifact of stores.runs.exportAll()) {
      if (!out.write(`${canonicalJson(artifact)}\n`)) await once(out, 'drain');
      count += 1;
    }
    if (values.output) {
      out.end();
      await once(out, 'finish');
    }
    io.stderr.write(`exported ${count} artifact(s) from the ${where}\n`);
    return 0;
  } catch (error) {
    io.stderr.write(`${command} failed: ${(error as Error).message}\n`);
    return 2;
  } finally {
    await stores.close();
  }
}

function printReport(report: VerifyReport, where: string, io: CliIo, json: boolean): void {
  if (json) {
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  for (const p of report.problems) {
    io.stdout.write(`${p.code}  seq ${p.seq ?? '?'}  ${p.run_id ?? '(unknown run_id)'}  ${p.message}\n`);
  }
  io.stdout.write(
    report.ok
      ? `OK: ${report.checked} artifact(s) verified in the ${where}\n`
      : `FAILED: ${report.problems.length} problem(s) in ${report.checked} artifact(s) checked in the ${where}\n`,
  );
}
