import path from 'node:path';
import type { Policy } from '../policy/schema.js';
import type { Violation } from '../runner/types.js';
import type { Workspace } from '../workspace/projects.js';
import { scanExports } from './exports.js';
import { integrityViolation } from './types.js';

export interface AuthorityScan {
  /** authority function name -> the authoritative libraries whose entry exports it */
  exportedBy: Map<string, string[]>;
  /** files read, relative to the root */
  files: string[];
}

/** Which authoritative library entries export each authority function. */
export function scanAuthorityExports(ws: Workspace, policy: Policy): AuthorityScan {
  const exportedBy = new Map<string, string[]>(policy.authorityFunctions.map((f) => [f.name, []]));
  const files = new Set<string>();
  for (const project of ws.projects.filter((p) => p.zone === 'authoritative')) {
    const scan = scanExports(ws, project.entry);
    scan.files.forEach((f) => files.add(path.relative(ws.root, f).split(path.sep).join('/')));
    for (const [name, libs] of exportedBy) if (scan.names.has(name)) libs.push(project.name);
  }
  return { exportedBy, files: [...files].sort() };
}

/**
 * A policy authority function that no authoritative library exports guards nothing: the forbidden-calls
 * rule would look for a name nobody can call. That fails the check until the library exports it.
 */
export function checkAuthorityExports(policy: Policy, scan: AuthorityScan, policyFile: string, lineOf: (needle: string) => number): Violation[] {
  const out: Violation[] = [];
  for (const fn of policy.authorityFunctions) {
    const libs = scan.exportedBy.get(fn.name) ?? [];
    if (libs.length === 0)
      out.push(
        integrityViolation(
          policyFile,
          lineOf(`"${fn.name}"`),
          `the policy names authority function ${fn.name} (in ${fn.definedIn}), but no authoritative library exports it from its entry point: export it from ${fn.definedIn}'s src/index.ts, or correct the policy`,
          { zones: ['authoritative'] },
        ),
      );
    else if (!libs.includes(fn.definedIn))
      out.push(
        integrityViolation(policyFile, lineOf(`"${fn.name}"`), `the policy says ${fn.name} is defined in ${fn.definedIn}, but only ${libs.join(', ')} export it: correct "definedIn"`, {
          zones: ['authoritative'],
        }),
      );
  }
  return out;
}
