// @ts-check
// The dependency-cruiser rules, derived from security/boundary-policy.json when .dependency-cruiser.js loads:
// no rule is written twice by hand. Plain JavaScript, because dependency-cruiser loads its config with plain Node.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `text` as a regular expression source that matches it literally. */
const escapeRegExp = (text) => text.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');

/** A zone path pattern (`libs/experimental/*`) as a regular expression source for one project folder. */
export function zonePathSource(pattern) {
  return pattern
    .replace(/\/+$/, '')
    .split('/')
    .map((seg) => seg.split('*').map(escapeRegExp).join('[^/]*'))
    .join('/');
}

/** Fails closed: a policy without the fields the rules are built from gives no config at all. */
function assertPolicy(policy, file) {
  const missing = ['version', 'zones', 'imports', 'forbiddenModules'].filter((key) => !(key in policy));
  if (missing.length) throw new Error(`${file}: the boundary policy lacks ${missing.join(', ')}`);
  for (const zone of policy.zones)
    if (!Array.isArray(zone.paths) || zone.paths.length === 0) throw new Error(`${file}: zone ${zone.id} has no paths`);
}

function adviceFor(policy, from, to) {
  const a = policy.importAdvice ?? {};
  return a[`${from}->${to}`] ?? a[`${from}->*`] ?? a[`*->${to}`] ?? '';
}

/** Project folders (those holding a project.json) below libs/, apps/ and tools/, relative to root. */
function projectDirs(root) {
  const out = [];
  const skip = new Set(['node_modules', 'dist', 'coverage', 'fixtures', '__fixtures__', 'data', 'tmp']);
  const visit = (rel) => {
    let entries;
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.isFile() && e.name === 'project.json')) out.push(rel);
    for (const e of entries) if (e.isDirectory() && !skip.has(e.name) && !e.name.startsWith('.')) visit(`${rel}/${e.name}`);
  };
  for (const top of ['libs', 'apps', 'tools']) visit(top);
  return out.sort();
}

/**
 * The `forbidden` rules: each zone pair the import matrix disallows, deep imports (a file of another project other
 * than its entry point), and the forbidden modules per zone.
 */
export function dependencyCruiserRules(root, policyFile = path.join(root, 'security/boundary-policy.json')) {
  const policy = JSON.parse(readFileSync(policyFile, 'utf8'));
  assertPolicy(policy, policyFile);
  const zoneSource = (zone) => `(?:${zone.paths.map(zonePathSource).join('|')})`;
  const forbidden = [];

  for (const from of policy.zones)
    for (const to of policy.zones) {
      if ((policy.imports[from.id] ?? []).includes(to.id)) continue;
      const advice = adviceFor(policy, from.id, to.id);
      forbidden.push({
        name: `zone-${from.id}-to-${to.id}`,
        severity: 'error',
        comment: `zone ${from.id} may not import zone ${to.id} (policy ${policy.version}, ${from.securityRef})${advice ? `: ${advice}` : ''}`,
        // $1 (the importing project) may always import its own files
        from: { path: `^(${zoneSource(from)})/` },
        to: { path: `^${zoneSource(to)}/`, pathNot: '^$1/' },
      });
    }

  // A project is entered only through its package entry point (src/index.ts); nothing else crosses a project root.
  const projects = projectDirs(root);
  const anyProject = `(?:${projects.map(escapeRegExp).join('|')})`;
  forbidden.push({
    name: 'deep-import',
    severity: 'error',
    comment: `import another project only through its package alias (@luthier/NAME), which lands on its src/index.ts; never a deep or relative path into it (policy ${policy.version})`,
    from: { path: `^(${anyProject})/` },
    to: { path: `^${anyProject}/`, pathNot: ['^$1/', `^${anyProject}/src/index\\.ts$`] },
  });

  forbidden.push({
    name: 'relative-cross-project',
    severity: 'error',
    comment: `a relative path that leaves a project's root bypasses its package entry: import it through its alias (@luthier/NAME) (policy ${policy.version})`,
    from: { path: `^(${anyProject})/` },
    to: { path: `^${anyProject}/`, pathNot: '^$1/', dependencyTypesNot: ['aliased', 'aliased-workspace', 'aliased-tsconfig', 'npm', 'npm-dev', 'npm-no-pkg'] },
  });

  for (const fm of policy.forbiddenModules) {
    const zone = policy.zones.find((z) => z.id === fm.zone);
    if (!zone) throw new Error(`${policyFile}: forbiddenModules names unknown zone ${fm.zone}`);
    forbidden.push({
      name: `forbidden-module-${fm.zone}-${fm.modules[0].replace(/[^a-z0-9]+/gi, '-')}`,
      severity: 'error',
      comment: `zone ${fm.zone} may not load ${fm.modules.join(', ')}: ${fm.reason}. Instead: ${fm.allowedWay}`,
      from: { path: `^${zoneSource(zone)}/` },
      to: { path: `^(?:node:)?(?:${fm.modules.map(escapeRegExp).join('|')})$` },
    });
  }

  for (const ap of policy.allowedPackages ?? []) {
    const zone = policy.zones.find((z) => z.id === ap.zone);
    if (!zone) throw new Error(`${policyFile}: allowedPackages names unknown zone ${ap.zone}`);
    const listed = ap.packages.map(escapeRegExp).join('|');
    forbidden.push({
      name: `unlisted-package-${ap.zone}`,
      severity: 'error',
      comment: `zone ${ap.zone} loads only the packages ${ap.packages.join(', ') || '(none)'} from outside the workspace: ${ap.reason}. Instead: ${ap.allowedWay}`,
      from: { path: `^${zoneSource(zone)}/` },
      to: { path: '(?:^|/)node_modules/', ...(listed ? { pathNot: `(?:^|/)node_modules/(?:${listed})/` } : {}), dependencyTypesNot: ['type-only'] },
    });
  }

  // packages that exist only as type declarations (node_modules/@types/NAME): a type import of them has nothing to resolve
  let typesOnly = [];
  try {
    typesOnly = readdirSync(path.join(root, 'node_modules/@types')).filter((name) => !name.startsWith('.'));
  } catch {
    /* no @types */
  }
  forbidden.push({
    name: 'not-to-unresolvable',
    severity: 'error',
    comment: 'a dependency that does not resolve cannot be checked against the policy',
    from: { path: `^${anyProject}/` },
    to: { couldNotResolve: true, ...(typesOnly.length ? { pathNot: `^(?:${typesOnly.map(escapeRegExp).join('|')})$` } : {}) },
  });
  return forbidden;
}
