import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { LoadedPolicy } from '../policy/load.js';
import { cacheDir } from '../runner/cache.js';
import { toolHash } from '../runner/fingerprint.js';
import { hashBytes } from '../runner/hash.js';
import type { Violation } from '../runner/types.js';
import { loadWorkspace } from '../workspace/projects.js';
import { checkAuthorityExports, scanAuthorityExports, type AuthorityScan } from './authority-exports.js';
import { checkCodeowners, checkDataRootLinks, checkNestedEslintConfigs, checkNestedTsconfigs } from './workspace-files.js';
import { checkGeneratedDrift } from './generated-drift.js';
import { checkInstalledSources, checkNestedPackages } from './installed-packages.js';
import { checkPackageTargets, checkPolicyReferences, checkProjectTags } from './project-tags.js';
import { integrityViolation, lineOf } from './types.js';
import { checkWaivers } from './waivers.js';
import { emptyZonePaths } from './zone-paths.js';

export interface IntegrityInput {
  root: string;
  policy: LoadedPolicy;
  /** every source file of the workspace, relative */
  sources: readonly string[];
  /** every symbolic link of the scanned folders, relative (found by the same walk) */
  links: readonly string[];
  /** every node_modules folder of the scanned folders, relative (found by the same walk) */
  installed?: readonly string[];
  /** every project.json, package.json and tsconfig*.json of the scanned folders, relative (found by the same walk) */
  configs?: readonly string[];
  filesChecked: number;
  /** content hash of a workspace file (memoised by the caller) */
  currentHash: (rel: string) => string;
  today?: string;
  useCache?: boolean;
}

/**
 * The "no vacuous pass" checks: a boundary check that looks at nothing, or at a policy that names things that
 * do not exist, must fail and say why, never pass.
 */
export function checkIntegrity(input: IntegrityInput): Violation[] {
  const { root, policy: loaded } = input;
  const policy = loaded.policy;
  const policyRel = path.relative(root, loaded.file).split(path.sep).join('/');
  const policyText = readFileSync(loaded.file, 'utf8');
  const at = (needle: string) => lineOf(policyText, needle);
  const out: Violation[] = [];

  if (input.filesChecked === 0)
    out.push(integrityViolation(policyRel, 1, 'zero files were checked: libs/, apps/ and tools/ hold no source file, so nothing was proven; check --root'));
  for (const { zone, pattern } of emptyZonePaths(policy, input.sources))
    out.push(
      integrityViolation(policyRel, at(`"${pattern}"`), `zone ${zone}'s path "${pattern}" matches no source file: the folder has moved or is empty, and its rules would pass vacuously; update the zone's paths`, {
        zones: [zone],
      }),
    );

  const ws = loadWorkspace(root, policy);
  out.push(...checkProjectTags(root, policy, ws.projects));
  out.push(...checkPackageTargets(root, ws.projects));
  out.push(...checkPolicyReferences(policy, ws.projects, policyRel, policyText, lineOf));
  out.push(...checkAuthorityExports(policy, authorityScan(input, () => scanAuthorityExports(ws, policy)), policyRel, at));
  out.push(...checkWaivers(policy, policyRel, at, input.today));
  out.push(...checkGeneratedDrift(root, policy));
  out.push(...checkCodeowners(root, policy, input.sources));
  out.push(...checkNestedEslintConfigs(input.sources));
  out.push(...checkNestedTsconfigs(root, ws, input.configs ?? []));
  out.push(...checkNestedPackages(root, input.installed ?? []));
  out.push(...checkInstalledSources(root, policy, ws.projects));
  out.push(...checkDataRootLinks(root, policy, input.links, policy.protectedPaths.map((p) => p.pattern.replace(/\/\*\*$/, ''))));
  return out;
}

/** The authority-export scan parses TypeScript; its result is reused while the files it read and the policy are unchanged. */
function authorityScan(input: IntegrityInput, scan: () => AuthorityScan): AuthorityScan {
  const file = path.join(cacheDir(input.root), `authority-${hashBytes(path.resolve(input.root)).slice(0, 16)}.json`);
  const key = hashBytes(`${input.policy.hash}\n${toolHash()}`);
  if (input.useCache !== false) {
    try {
      const memo = JSON.parse(readFileSync(file, 'utf8')) as { key: string; files: [string, string][]; exportedBy: [string, string[]][] };
      if (memo.key === key && memo.files.every(([rel, h]) => input.currentHash(rel) === h))
        return { exportedBy: new Map(memo.exportedBy), files: memo.files.map(([rel]) => rel) };
    } catch {
      /* no memo */
    }
  }
  const result = scan();
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ key, files: result.files.map((rel) => [rel, input.currentHash(rel)]), exportedBy: [...result.exportedBy] }));
    renameSync(tmp, file);
  } catch {
    /* a memo that cannot be written only costs time */
  }
  return result;
}
