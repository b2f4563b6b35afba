// The auditors' CLI: `npm run runs -- verify|export [options]`. See libs/rmos/runs/README.md.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env });
