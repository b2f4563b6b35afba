import { existsSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Policy } from '../policy/schema.js';
import type { Violation } from '../runner/types.js';
import { integrityViolation } from './types.js';
import { aliasesOf, type Workspace } from '../workspace/projects.js';

/** Where GitHub looks for the CODEOWNERS file, in its order (the first found is the one in effect). */
export const CODEOWNERS_FILES = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS'];

/**
 * The files that decide what the boundary check checks and how: review by the policy's owner is what keeps a
 * contributor from rewriting the policy, the tool, the hook or the ownership itself in the same change.
 * Folders are checked file by file (a later, narrower pattern may give part of one to someone else).
 */
const GUARDED_FILES = ['security/boundary-policy.json', 'SECURITY.md', 'eslint.config.mjs', '.lintstagedrc.mjs', '.husky/pre-commit'];
const GUARDED_DIRS = ['tools/boundaries/'];

interface Rule {
  line: number;
  pattern: string;
  owners: string[];
  re: RegExp;
}

/** A CODEOWNERS pattern (gitignore syntax) as a regular expression over workspace-relative paths. */
function patternRegExp(pattern: string): RegExp {
  const anchored = pattern.startsWith('/') || pattern.slice(0, -1).includes('/');
  let p = pattern.replace(/^\//, '');
  const dir = p.endsWith('/');
  if (dir) p = p.slice(0, -1);
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === '*' && p[i + 1] === '*') {
      re += '.*';
      i++;
      if (p[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  // a pattern names a file or a folder (everything under it); a folder-only pattern names folders only
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${re}${dir ? '/.*' : '(?:/.*)?'}$`);
}

function parse(text: string): Rule[] {
  const rules: Rule[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) return;
    const [pattern, ...owners] = line.split(/\s+/);
    rules.push({ line: i + 1, pattern: pattern!, owners, re: patternRegExp(pattern!) });
  });
  return rules;
}

/**
 * The CODEOWNERS check: the policy's owner must own (by GitHub's rule: the last matching pattern wins) the
 * policy, SECURITY.md, the ESLint config, the pre-commit hook and its lint-staged config, the boundary tool's
 * every file, and CODEOWNERS itself. A workspace with no CODEOWNERS at all is not checked (see below).
 */
export function checkCodeowners(root: string, policy: Policy, sources: readonly string[]): Violation[] {
  const owner = policy.owner;
  const rel = CODEOWNERS_FILES.find((f) => existsSync(path.join(root, f)));
  // No CODEOWNERS is a repository's set-up, not a change to judge (a workspace copied for a check, a
  // fixture): removing this repository's is itself a change to a file CODEOWNERS gives the owner.
  if (!rel) return [];
  const rules = parse(readFileSync(path.join(root, rel), 'utf8'));
  const guarded = [...GUARDED_FILES, rel, ...sources.filter((s) => GUARDED_DIRS.some((d) => s.startsWith(d)))];
  const out: Violation[] = [];
  const reported = new Set<string>();
  for (const file of guarded) {
    const rule = rules.findLast((r) => r.re.test(file));
    if (rule?.owners.includes(owner)) continue;
    // one report per deciding line (or per file no line covers)
    const key = rule ? `line ${rule.line}` : file;
    if (reported.has(key)) continue;
    reported.add(key);
    out.push(
      integrityViolation(
        rel,
        rule?.line ?? 1,
        rule
          ? `${file} is owned by ${rule.owners.join(' ') || 'nobody'} (the last matching pattern, "${rule.pattern}", wins), not by ${owner}: a change to it would need no security review; give it to ${owner} after that line`
          : `no pattern in ${rel} covers ${file}, so a change to it needs no review by ${owner}: add "/${file} ${owner}"`,
      ),
    );
  }
  return out;
}

/**
 * ESLint 10 takes each file's config from the nearest eslint.config.* above it: one inside a project replaces the
 * root config (the boundary rules) for every file under it when ESLint runs. The boundary CLI does not read them,
 * but a plain `eslint` run would pass such files unchecked, so a nested config is refused.
 */
export function checkNestedEslintConfigs(sources: readonly string[]): Violation[] {
  return sources
    .filter((s) => /(?:^|\/)eslint\.config\.(?:[cm]?[jt]s)$/i.test(s) && s.includes('/'))
    .map((s) =>
      integrityViolation(s, 1, `${s} is an ESLint config below the root: ESLint uses it instead of the root eslint.config.mjs for every file under ${path.posix.dirname(s)}/, which then runs without the boundary rules; remove it (project-specific rules go in the root config)`),
    );
}

/**
 * A TypeScript config below the root whose path aliases or baseUrl differ from the root's: an editor, `tsc -p`
 * or a test runner given that config resolves the project's imports through its aliases ("helper" to an
 * advisory file), while the boundary check resolves them as tsx does, through the root's. Refused; aliases
 * live in tsconfig.base.json. A config that only extends the root's (or sets other options) is fine.
 */
export function checkNestedTsconfigs(root: string, ws: Pick<Workspace, 'aliases' | 'baseUrl'>, configs: readonly string[]): Violation[] {
  const same = (a: Pick<Workspace, 'aliases' | 'baseUrl'>) => JSON.stringify([a.aliases, a.baseUrl]) === JSON.stringify([ws.aliases, ws.baseUrl]);
  const out: Violation[] = [];
  for (const rel of configs) {
    if (!/(?:^|\/)tsconfig[^/]*\.json$/.test(rel) || !rel.includes('/')) continue;
    let own: Pick<Workspace, 'aliases' | 'baseUrl'>;
    try {
      own = aliasesOf(root, path.join(root, rel));
    } catch (err) {
      out.push(integrityViolation(rel, 1, `${rel} cannot be read, so the path aliases it gives its files are unknown: ${(err as Error).message}`));
      continue;
    }
    if (!same(own))
      out.push(integrityViolation(rel, 1, `${rel} gives the files under ${path.posix.dirname(rel)}/ path aliases or a baseUrl of its own: TypeScript tools using it resolve their imports differently from the boundary check (and from tsx); put aliases in tsconfig.base.json, and let this config only extend it`));
  }
  return out;
}

/**
 * A link committed into the code folders that leads into the data root (its default folder) or one of its
 * protected folders turns an ordinary path (out/x.json) into a write there, which no write check can see
 * from the source. The link is refused; code names the data root through RMOS_DATA_DIR.
 */
export function checkDataRootLinks(root: string, policy: Policy, links: readonly string[], protectedNames: readonly string[]): Violation[] {
  const dataRoot = path.resolve(root, policy.dataRoot.default);
  const out: Violation[] = [];
  for (const link of links) {
    let target: string;
    try {
      target = path.resolve(path.dirname(path.join(root, link)), readlinkSync(path.join(root, link)));
    } catch {
      continue;
    }
    const real = (() => {
      try {
        return realpathSync(target);
      } catch {
        return target;
      }
    })();
    for (const t of new Set([target, real])) {
      const rel = path.relative(dataRoot, t).split(path.sep);
      if (rel[0] === '..' || path.isAbsolute(rel.join('/'))) continue;
      const first = (rel[0] ?? '').toLowerCase();
      if (first !== '' && !protectedNames.some((n) => n.toLowerCase() === first)) continue;
      out.push(integrityViolation(link, 1, `${link} is a link to ${path.relative(root, t) || '.'}, ${first ? `under ${first}/ of the data root` : 'the data root'}: writes through it land there unseen by boundaries/write-paths; remove the link and name the data root through ${policy.dataRoot.env}`));
      break;
    }
  }
  return out;
}
