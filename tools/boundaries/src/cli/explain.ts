import path from 'node:path';
import type { Policy } from '../policy/schema.js';
import { callRulesApply } from '../rules/forbidden-calls.js';
import type { Workspace } from '../workspace/projects.js';

function adviceFor(policy: Policy, from: string, to: string): string | undefined {
  const a = policy.importAdvice;
  return a[`${from}->${to}`] ?? a[`${from}->*`] ?? a[`*->${to}`];
}

/** What the policy lets one file do: its project and zone, what it may import, call and write, each with the reason. */
export function explainFile(ws: Workspace, policy: Policy, file: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(ws.root, abs).split(path.sep).join('/');
  const project = ws.projectOfFile(abs);
  const lines: string[] = [`${rel}`];
  if (!project) {
    lines.push('  project: none. The file belongs to no project, so no zone rule can clear it: files under libs/, apps/ and tools/ must live in a tagged project.');
    return lines.join('\n') + '\n';
  }
  const zone = policy.zones.find((z) => z.id === project.zone);
  lines.push(`  project: ${project.name} (${path.relative(ws.root, project.root).split(path.sep).join('/')}), tags ${project.tags.join(', ') || '(none)'}`);
  if (!zone) {
    lines.push('  zone: none the policy knows. Every boundary check treats the file as unzoned; tag the project with its zone.');
    return lines.join('\n') + '\n';
  }
  lines.push(`  zone: ${zone.id}: ${zone.description} (${zone.securityRef})`);

  const allowed = policy.imports[zone.id] ?? [];
  lines.push('', '  may import (through each project\'s package entry point, never a deep or relative path into it):');
  lines.push(`    - its own project's files (${project.name})`);
  for (const to of allowed) {
    const projects = ws.projects.filter((p) => p.zone === to && p !== project).map((p) => p.name);
    lines.push(`    - zone ${to}: ${projects.join(', ') || '(no project yet)'}`);
  }
  lines.push('  may not import:');
  for (const z of policy.zones.filter((z) => !allowed.includes(z.id))) {
    const advice = adviceFor(policy, zone.id, z.id);
    lines.push(`    - zone ${z.id}${advice ? `: ${advice}` : ''}`);
  }

  const packages = policy.allowedPackages.find((a) => a.zone === zone.id);
  if (packages) lines.push(`  packages from outside the workspace: only ${packages.packages.join(', ') || '(none)'} (type imports aside): ${packages.reason}; instead, ${packages.allowedWay}`);

  const modules = policy.forbiddenModules.filter((f) => f.zone === zone.id);
  const globals = policy.forbiddenGlobals.filter((f) => f.zone === zone.id);
  const callsChecked = callRulesApply(policy, zone.id);
  lines.push('', '  may not call:');
  if (!callsChecked && modules.length === 0) lines.push('    - nothing is forbidden to this zone by name');
  if (callsChecked === 'all') {
    for (const fn of policy.authorityFunctions) lines.push(`    - ${fn.name} (${fn.definedIn}), however reached: ${fn.allowedWay}`);
    for (const ep of policy.authorityEndpoints) lines.push(`    - a request to ${ep.path}: ${ep.allowedWay}`);
  }
  if (callsChecked) for (const g of globals) lines.push(`    - ${g.names.join(', ')}: ${g.reason}; instead, ${g.allowedWay}`);
  if (callsChecked !== 'all' && (policy.imports[zone.id] ?? []).includes('advisory'))
    lines.push('    - advisory code with an authority function in its arguments (itself, a function calling one, an object holding one): advisory code only proposes; hand it only the ports of the RMOS public API');
  for (const m of modules) lines.push(`    - the modules ${m.modules.join(', ')} (with or without node:): ${m.reason}; instead, ${m.allowedWay}`);

  lines.push('', `  may write (data root ${policy.dataRoot.env}, default ${policy.dataRoot.default}):`);
  for (const p of policy.protectedPaths) {
    const may = p.writers.some((w) => ws.projectByName(w) === project);
    lines.push(`    - ${p.pattern}: ${may ? 'yes, as its owner' : `no, only ${p.writers.join(', ')}`}: ${p.reason}${may ? '' : `; instead, ${p.allowedWay}`}`);
  }
  if (policy.sandbox.zones.includes(zone.id))
    lines.push(`    - ${policy.sandbox.path}**: only through the sandbox store (${policy.sandbox.store}) it is handed: ${policy.sandbox.reason}`);
  if (modules.some((m) => m.modules.includes('fs'))) lines.push('    - nothing else: the zone loads no file-system module');
  else lines.push('    - elsewhere: no boundary rule restricts it');

  const waivers = policy.waivers.filter((w) => w.file === rel);
  if (waivers.length) {
    lines.push('', '  waivers:');
    for (const w of waivers) lines.push(`    - ${w.rule}, owner ${w.owner}, until ${w.expires}: ${w.reason}`);
  }
  return lines.join('\n') + '\n';
}
