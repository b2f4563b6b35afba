import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { policyJsonSchema } from '../docs/json-schema.js';
import { renderSecurityMd, securityMdSkeleton } from '../docs/security-md.js';
import { SCHEMA_FILE, SECURITY_MD } from '../integrity/generated-drift.js';
import { loadPolicy, PolicyError, WORKSPACE_ROOT, type LoadedPolicy } from '../policy/load.js';
import { checkFiles } from '../runner/check.js';
import { hashFile } from '../runner/hash.js';
import type { Violation } from '../runner/types.js';
import { parseCliArgs, USAGE, UsageError, type CliOptions } from './args.js';
import { stagedContents } from './staged.js';

export const EXIT_CLEAN = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_USAGE = 2;

interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const TOOL_VERSION = '0.1.0';

export async function main(argv: readonly string[], io: Io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) }): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`boundaries: ${err.message}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
  if (opts.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT_CLEAN;
  }
  const root = path.resolve(opts.root ?? WORKSPACE_ROOT);
  let loaded: LoadedPolicy;
  try {
    loaded = loadPolicy(opts.root || !process.env.BOUNDARY_POLICY ? path.join(root, 'security/boundary-policy.json') : process.env.BOUNDARY_POLICY);
  } catch (err) {
    if (err instanceof PolicyError) {
      io.stderr(`boundaries: ${err.message}\n`);
      return EXIT_USAGE;
    }
    throw err;
  }

  if (opts.writeSecurityDoc) return writeGenerated(root, loaded, io);
  if (opts.explain) {
    const { loadWorkspace } = await import('../workspace/projects.js');
    const { explainFile } = await import('./explain.js');
    const target = path.resolve(opts.explain);
    if (hashFile(target) === '-') {
      io.stderr(`boundaries: --explain: no such file ${opts.explain}\n`);
      return EXIT_USAGE;
    }
    io.stdout(explainFile(loadWorkspace(root, loaded.policy), loaded.policy, target));
    return EXIT_CLEAN;
  }

  let contentOf: ((rel: string) => Buffer | null) | undefined;
  if (opts.staged) {
    const rels = opts.paths.map((p) => path.relative(root, path.resolve(p)).split(path.sep).join('/'));
    const staged = stagedContents(root, rels);
    contentOf = (rel) => staged.get(rel) ?? null;
  }
  const outcome = await checkFiles({ root, policy: loaded, paths: opts.paths, useCache: opts.cache, ...(contentOf ? { contentOf } : {}) });
  let violations: Violation[] = outcome.violations;
  if (opts.staged) {
    const { checkCommittedPackages } = await import('../integrity/installed-packages.js');
    violations = [...checkCommittedPackages(opts.paths.map((p) => path.relative(root, path.resolve(p)).split(path.sep).join('/'))), ...violations];
  }
  if (outcome.missing.length) {
    io.stderr(`boundaries: no such file or folder: ${outcome.missing.join(', ')}\n`);
    return EXIT_USAGE;
  }
  if (outcome.wholeWorkspace) {
    const { checkIntegrity } = await import('../integrity/index.js');
    const hashes = new Map<string, string>();
    const currentHash = (rel: string) => {
      let h = hashes.get(rel);
      if (h === undefined) hashes.set(rel, (h = hashFile(path.join(root, rel))));
      return h;
    };
    violations = [...checkIntegrity({ root, policy: loaded, sources: outcome.allSources, links: outcome.allLinks, installed: outcome.allInstalled, configs: outcome.allConfigs, filesChecked: outcome.filesChecked, currentHash, useCache: opts.cache }), ...violations];
  }

  if (opts.format !== 'text' || opts.output) {
    const { enrichViolation } = await import('../report/enrich.js');
    const { loadWorkspace } = await import('../workspace/projects.js');
    const ws = loadWorkspace(root, loaded.policy);
    violations = violations.map((v) => enrichViolation(v, loaded.policy, ws));
  }
  const text = (await import('../report/text.js')).formatText(violations);
  let report = text;
  if (opts.format === 'json')
    report = (await import('../report/json.js')).formatJson({
      policyVersion: loaded.policy.version,
      filesChecked: outcome.filesChecked,
      filesFromCache: outcome.filesFromCache,
      violationCount: violations.length,
      violations,
    });
  if (opts.format === 'sarif') report = `${JSON.stringify((await import('../report/sarif.js')).formatSarif(violations, loaded.policy, TOOL_VERSION), null, 2)}\n`;

  if (opts.output) {
    const out = path.resolve(opts.output);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, report);
    io.stdout(text);
  } else io.stdout(report);

  const skipped = outcome.skipped.length ? `, ${outcome.skipped.length} argument(s) outside the policy's scope skipped` : '';
  io.stderr(
    `boundaries: ${outcome.filesChecked} file(s) checked (${outcome.filesFromCache} from cache)${skipped}, policy ${loaded.policy.version}: ${violations.length ? `${violations.length} violation(s)` : 'clean'}\n`,
  );
  return violations.length ? EXIT_VIOLATIONS : EXIT_CLEAN;
}

function writeGenerated(root: string, loaded: LoadedPolicy, io: Io): number {
  const docFile = path.join(root, SECURITY_MD);
  let doc: string | null = null;
  try {
    doc = readFileSync(docFile, 'utf8');
  } catch {
    doc = null;
  }
  writeFileSync(docFile, doc === null ? securityMdSkeleton(loaded.policy) : renderSecurityMd(doc, loaded.policy));
  writeFileSync(path.join(root, SCHEMA_FILE), policyJsonSchema());
  io.stdout(`wrote ${SECURITY_MD} (generated sections) and ${SCHEMA_FILE}\n`);
  return EXIT_CLEAN;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href || process.env.BOUNDARIES_MAIN === '1') {
  // a run validates the policy once: zod's JIT (code generated per schema) costs more than that one parse saves
  z.config({ jitless: true });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`boundaries: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
