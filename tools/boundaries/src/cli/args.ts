import { parseArgs } from 'node:util';

export type Format = 'text' | 'json' | 'sarif';

export interface CliOptions {
  format: Format;
  output?: string;
  explain?: string;
  root?: string;
  cache: boolean;
  staged: boolean;
  writeSecurityDoc: boolean;
  help: boolean;
  paths: string[];
}

export class UsageError extends Error {
  readonly code = 'BOUNDARY_USAGE';
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `usage: npm run boundaries -- [options] [FILE|DIR ...]

Checks every import, call and write under libs/, apps/ and tools/ against security/boundary-policy.json
(or only the given files and folders). Exit 0 clean, 1 on any violation, 2 on a usage or policy error.

  --format text|json|sarif   report format (default text)
  --output FILE              write the report to FILE (the text report still goes to stdout)
  --explain FILE             print FILE's zone and what it may import, call and write, with the reasons
  --root DIR                 check another workspace (default: this one)
  --no-cache                 check every file afresh
  --staged                   check the staged (git index) content of the given files: the pre-commit hook
  --write-security-doc       regenerate SECURITY.md's generated sections and security/boundary-policy.schema.json
  -h, --help                 this text`;

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        output: { type: 'string' },
        explain: { type: 'string' },
        root: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        staged: { type: 'boolean', default: false },
        'write-security-doc': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const v = parsed.values;
  if (!['text', 'json', 'sarif'].includes(v.format!)) throw new UsageError(`--format must be text, json or sarif, not "${v.format}"`);
  if (v.staged && parsed.positionals.length === 0) throw new UsageError('--staged needs the staged files as arguments');
  return {
    format: v.format as Format,
    ...(v.output ? { output: v.output } : {}),
    ...(v.explain ? { explain: v.explain } : {}),
    ...(v.root ? { root: v.root } : {}),
    cache: !v['no-cache'],
    staged: !!v.staged,
    writeSecurityDoc: !!v['write-security-doc'],
    help: !!v.help,
    paths: parsed.positionals,
  };
}
