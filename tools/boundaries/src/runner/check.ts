import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LoadedPolicy } from '../policy/load.js';
import { ResultCache } from './cache.js';
import { globalCacheKey } from './fingerprint.js';
import { hashBytes, hashFile, MISSING } from './hash.js';
import { checkInPool } from './pool.js';
import { selectTargets } from './targets.js';
import type { FileResult, Violation } from './types.js';
import { assumeStableFileSystem } from '../workspace/stable-fs.js';
import { walkWorkspace } from './walk.js';

export interface CheckOptions {
  root: string;
  policy: LoadedPolicy;
  /** file or folder arguments; absent = the whole workspace */
  paths?: readonly string[];
  useCache?: boolean;
  /** read each file's content from the git index (the pre-commit check) instead of the work tree */
  contentOf?: (rel: string) => Buffer | null;
  /** waiver expiry date override (tests) */
  today?: string;
}

export interface CheckOutcome {
  violations: Violation[];
  filesChecked: number;
  filesFromCache: number;
  skipped: string[];
  missing: string[];
  /** the whole workspace's source files (for the integrity checks) */
  allSources: string[];
  /** the symbolic links found in the scanned folders (for the integrity checks) */
  allLinks: string[];
  /** the node_modules folders found in the scanned folders (for the integrity checks) */
  allInstalled: string[];
  /** the project, package and TypeScript configs found in the scanned folders (for the integrity checks) */
  allConfigs: string[];
  wholeWorkspace: boolean;
}

/** Below this many files a worker pool costs more than it saves (start-up of ESLint and the parser per thread). */
const IN_PROCESS_LIMIT = 40;

/** Checks the selected files with the boundary rules, reusing cached results that are provably still valid. */
export async function checkFiles(opts: CheckOptions): Promise<CheckOutcome> {
  const root = path.resolve(opts.root);
  const wholeWorkspace = !opts.paths || opts.paths.length === 0;
  const useCache = (opts.useCache ?? true) && !opts.contentOf && !opts.today;
  // the pre-commit check (staged files, no cache) needs no walk of the whole tree: that keeps one file under a second
  const needWalk = wholeWorkspace || useCache || opts.paths!.some((p) => isDirectory(p));
  const walk = needWalk ? walkWorkspace(root) : { sources: [], configs: [], links: [], installed: [] };
  const targets = wholeWorkspace ? { files: walk.sources, skipped: [], missing: [] } : selectTargets(root, opts.paths!, walk.sources);
  const cache = useCache ? ResultCache.open(root, globalCacheKey(root, opts.policy, walk.configs)) : null;

  const hashes = new Map<string, string>();
  const currentHash = (rel: string) => {
    let h = hashes.get(rel);
    if (h === undefined) hashes.set(rel, (h = cache ? cache.hashOf(rel, path.join(root, rel)) : hashFile(path.join(root, rel))));
    return h;
  };

  const results = new Map<string, Violation[]>();
  const misses: string[] = [];
  for (const rel of targets.files) {
    const cached = cache?.lookup(rel, currentHash(rel), currentHash);
    if (cached) results.set(rel, cached);
    else misses.push(rel);
  }
  const fromCache = results.size;

  const record = (rel: string, hash: string, result: FileResult) => {
    results.set(rel, result.violations);
    // store under the hash of the bytes checked, and only when they are still the bytes on disk
    if (cache && hash !== MISSING && hash === currentHash(rel)) cache.store(rel, hash, result, currentHash);
  };

  if (misses.length > 0) {
    if (opts.contentOf || misses.length <= IN_PROCESS_LIMIT) {
      const { createFileLinter } = await import('./lint-file.js');
      const lint = createFileLinter({ root, policy: opts.policy.policy, ...(opts.today ? { today: opts.today } : {}) });
      const release = assumeStableFileSystem(); // for this check only
      try {
        for (const rel of misses) {
          const bytes = opts.contentOf ? opts.contentOf(rel) : readOrNull(path.join(root, rel));
          if (!bytes) {
            results.set(rel, [{ file: rel, line: 1, column: 1, rule: 'boundaries/internal-error', message: 'cannot read the file' }]);
            continue;
          }
          record(rel, opts.contentOf ? MISSING : hashBytes(bytes), lint(rel, bytes.toString('utf8')));
        }
      } finally {
        release();
      }
    } else {
      const checked = await checkInPool(
        { root, policy: opts.policy.policy, ...(opts.today ? { today: opts.today } : {}) },
        misses,
      );
      for (const { rel, hash, result } of checked) record(rel, hash, result);
    }
  }

  if (cache) {
    cache.retainOnly(walk.sources, wholeWorkspace);
    cache.save();
  }
  const violations = targets.files.flatMap((rel) => results.get(rel) ?? []);
  return {
    violations,
    filesChecked: targets.files.length,
    filesFromCache: fromCache,
    skipped: targets.skipped,
    missing: targets.missing,
    allSources: walk.sources,
    allLinks: walk.links,
    allInstalled: walk.installed,
    allConfigs: walk.configs,
    wholeWorkspace,
  };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readOrNull(abs: string): Buffer | null {
  try {
    return readFileSync(abs);
  } catch {
    return null;
  }
}
