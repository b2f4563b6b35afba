import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Policy } from '../policy/schema.js';
import type { Violation } from '../runner/types.js';
import type { Project } from '../workspace/projects.js';
import { integrityViolation } from './types.js';
import { zoneOfLocation } from './zone-paths.js';

/**
 * The Nx tag check: each project carries exactly one zone tag, the policy knows it, and it is the zone
 * the policy assigns to the project's folder (a lib under libs/experimental is zone:advisory, whatever it claims).
 */
export function checkProjectTags(root: string, policy: Policy, projects: readonly Project[]): Violation[] {
  const out: Violation[] = [];
  // a project taking another's name would be the writer, the authority library or the import target the policy names
  const claimed = new Map<string, Project[]>();
  for (const p of projects) for (const n of new Set([p.name, p.nxName])) claimed.set(n, [...(claimed.get(n) ?? []), p]);
  for (const [name, claimants] of claimed) {
    const distinct = [...new Set(claimants)];
    if (distinct.length < 2) continue;
    const dirs = distinct.map((p) => path.relative(root, p.root).split(path.sep).join('/'));
    for (const dir of dirs)
      out.push(integrityViolation(`${dir}/project.json`, 1, `the name ${name} is claimed by several projects (${dirs.join(', ')}), so neither is reached by it and policy entries naming it match no project: give each project its own name in package.json and project.json`));
  }
  for (const project of projects) {
    const relDir = path.relative(root, project.root).split(path.sep).join('/');
    const file = `${relDir}/project.json`;
    const zoneTags = project.tags.filter((t) => t.startsWith('zone:'));
    const expected = zoneOfLocation(policy, relDir);
    const expectedTag = expected ? `zone:${expected}` : null;
    const fix = expectedTag ? `tag it "${expectedTag}"` : 'move it under a folder the policy assigns to a zone';
    if (zoneTags.length === 0) {
      out.push(integrityViolation(file, 1, `project ${project.name} has no zone tag, so no boundary rule applies to it: ${fix}`));
      continue;
    }
    if (zoneTags.length > 1) {
      out.push(integrityViolation(file, 1, `project ${project.name} has several zone tags (${zoneTags.join(', ')}): a project is in exactly one zone; ${fix}`));
      continue;
    }
    const tag = zoneTags[0]!;
    if (!policy.zones.some((z) => z.tag === tag))
      out.push(integrityViolation(file, 1, `project ${project.name} is tagged ${tag}, a zone the policy does not define: ${fix}`));
    else if (!expected)
      out.push(integrityViolation(file, 1, `project ${project.name} lies in ${relDir}, which no zone's paths cover: add the folder to a zone in security/boundary-policy.json or move the project`));
    else if (tag !== expectedTag)
      out.push(
        integrityViolation(file, 1, `project ${project.name} is tagged ${tag} but lies in ${relDir}, which the policy puts in ${expectedTag}: ${fix}`, {
          zones: [tag.slice(5), expected],
        }),
      );
  }
  return out;
}

/** Every path a package.json field may give (exports with any subpath and condition, main, module, types, browser). */
function packageTargets(pkg: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object' && depth < 6) for (const x of Array.isArray(v) ? v : Object.values(v)) walk(x, depth + 1);
  };
  for (const field of ['exports', 'main', 'module', 'types', 'typings', 'browser', 'imports']) walk(pkg[field], 0);
  return out;
}

/**
 * A project's package.json may only point into the project: an entry, a subpath export, a condition or a
 * #subpath import that leads into another project would make importing this project load that one, under
 * this project's name and zone (Node and bundlers follow the map; the check follows the name).
 */
export function checkPackageTargets(root: string, projects: readonly Project[]): Violation[] {
  const out: Violation[] = [];
  for (const project of projects) {
    const file = path.join(project.root, 'package.json');
    let pkg: Record<string, unknown>;
    try {
      pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      continue;
    }
    const rel = path.relative(root, file).split(path.sep).join('/');
    for (const target of packageTargets(pkg)) {
      // package names (#x -> a dependency) are resolved and checked where they are imported
      if (!target.startsWith('.') && !path.isAbsolute(target)) continue;
      const abs = path.resolve(project.root, target.replace(/\*/g, 'x'));
      if (abs === project.root || abs.startsWith(project.root + path.sep)) continue;
      out.push(integrityViolation(rel, 1, `${rel} maps "${target}", which lies outside ${project.name}: importing the project would load another project's code under its name; a package points only into its own folder`));
    }
  }
  return out;
}

/** Policy references to projects (authority functions' libraries, writers, the sandbox store) must name real projects. */
export function checkPolicyReferences(policy: Policy, projects: readonly Project[], policyFile: string, policyText: string, lineOf: (t: string, n: string) => number): Violation[] {
  const names = new Set(projects.map((p) => p.name));
  const out: Violation[] = [];
  const refs = [
    ...policy.authorityFunctions.map((f) => ({ name: f.definedIn, what: `authority function ${f.name}` })),
    ...policy.protectedPaths.flatMap((p) => p.writers.map((w) => ({ name: w, what: `the writers of ${p.pattern}` }))),
    { name: policy.sandbox.store, what: 'the sandbox store' },
  ];
  for (const ref of refs)
    if (!names.has(ref.name))
      out.push(integrityViolation(policyFile, lineOf(policyText, `"${ref.name}"`), `the policy names ${ref.name} for ${ref.what}, but no project is named ${ref.name}`));
  return out;
}
