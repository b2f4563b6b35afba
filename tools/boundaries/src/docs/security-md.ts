import type { Policy } from '../policy/schema.js';

/** The generated sections of SECURITY.md, between these markers; the prose around them is hand-written. */
export const SECTIONS = ['zones', 'compliance'] as const;
export type SectionName = (typeof SECTIONS)[number];

export const startMarker = (name: SectionName) => `<!-- generated:${name}:start -->`;
export const endMarker = (name: SectionName) => `<!-- generated:${name}:end -->`;

const GENERATED_NOTE = '<!-- Generated from security/boundary-policy.json by `npm run boundaries -- --write-security-doc`. Do not edit: the check fails when this drifts. -->';
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function adviceFor(policy: Policy, from: string, to: string): string | undefined {
  const a = policy.importAdvice;
  return a[`${from}->${to}`] ?? a[`${from}->*`] ?? a[`*->${to}`];
}

function zonesSection(policy: Policy): string {
  const ids = policy.zones.map((z) => z.id);
  const lines: string[] = [GENERATED_NOTE, '', '## Zones', '', `Policy version ${policy.version}, owned by ${policy.owner}.`, ''];
  lines.push('| zone | tag | paths | may import | what it is |', '|---|---|---|---|---|');
  for (const z of policy.zones)
    lines.push(
      `| [${z.id}](#zone-${z.id}) | \`${z.tag}\` | ${z.paths.map((p) => `\`${p}\``).join(', ')} | ${(policy.imports[z.id] ?? []).join(', ') || '(nothing)'} | ${cell(z.description)} |`,
    );
  lines.push('', '### Import matrix', '', 'A project may always import its own files; this governs what crosses between projects, through the package entry point only.', '');
  lines.push(`| from \\ to | ${ids.join(' | ')} |`, `|---|${ids.map(() => '---').join('|')}|`);
  for (const from of ids) lines.push(`| ${from} | ${ids.map((to) => ((policy.imports[from] ?? []).includes(to) ? 'yes' : 'no')).join(' | ')} |`);

  for (const z of policy.zones) {
    lines.push('', `<a id="zone-${z.id}"></a>`, '', `### Zone ${z.id}`, '', cell(z.description), '');
    lines.push(`- **Tag:** \`${z.tag}\`; **paths:** ${z.paths.map((p) => `\`${p}\``).join(', ')}`);
    const allowed = policy.imports[z.id] ?? [];
    lines.push(`- **May import:** ${allowed.join(', ') || 'nothing outside its own project'}`);
    for (const to of ids.filter((id) => !allowed.includes(id))) {
      const advice = adviceFor(policy, z.id, to);
      lines.push(`- **May not import ${to}**${advice ? `: ${cell(advice)}` : ''}`);
    }
    for (const fm of policy.forbiddenModules.filter((f) => f.zone === z.id))
      lines.push(`- **Must not load** ${fm.modules.map((m) => `\`${m}\``).join(', ')} (with or without \`node:\`): ${cell(fm.reason)}. Instead: ${cell(fm.allowedWay)}`);
    for (const ap of policy.allowedPackages.filter((a) => a.zone === z.id))
      lines.push(`- **Loads only the packages** ${ap.packages.map((p) => `\`${p}\``).join(', ') || '(none)'} from outside the workspace (type imports aside): ${cell(ap.reason)}. Instead: ${cell(ap.allowedWay)}`);
    for (const fg of policy.forbiddenGlobals.filter((f) => f.zone === z.id))
      lines.push(`- **Must not use** ${fg.names.map((n) => `\`${n}\``).join(', ')}: ${cell(fg.reason)}. Instead: ${cell(fg.allowedWay)}`);
    if (policy.sandbox.zones.includes(z.id)) lines.push(`- **Writes:** only under \`${policy.dataRoot.default}${policy.sandbox.path}\` through ${policy.sandbox.store}: ${cell(policy.sandbox.reason)}`);
  }

  lines.push('', '### Authority functions', '', 'Forbidden in the advisory zone however they are reached (import, injected object, alias, destructuring, re-assignment, constant computed member, call/apply/bind).', '');
  lines.push('| function | defined in | the allowed way |', '|---|---|---|');
  for (const f of policy.authorityFunctions) lines.push(`| \`${f.name}\` | ${f.definedIn} | ${cell(f.allowedWay)} |`);
  lines.push('', '### Authority endpoints', '', '| endpoint | the allowed way |', '|---|---|');
  for (const e of policy.authorityEndpoints) lines.push(`| \`${e.path}\` | ${cell(e.allowedWay)} |`);
  lines.push('', '### Protected write paths', '', `Under the data root (\`${policy.dataRoot.env}\`, default \`${policy.dataRoot.default}\`). Where the store keeps the data in a database, SQL that changes its tables (rows written, a table altered or shadowed, a trigger or trigger function dropped, replaced or switched off; triggers and indexes are named after their table) is a write to the path too, wherever it runs.`, '');
  lines.push('| path | database tables and functions | who may write | why | the allowed way |', '|---|---|---|---|---|');
  for (const p of policy.protectedPaths) lines.push(`| \`${p.pattern}\` | ${p.sqlNames ? p.sqlNames.map((n) => `\`${n}\``).join(', ') : 'none'} | ${p.writers.join(', ')} | ${cell(p.reason)} | ${cell(p.allowedWay)} |`);
  lines.push(`| \`${policy.sandbox.path}**\` | none | ${policy.sandbox.zones.join(', ')} zone, through ${policy.sandbox.store} | ${cell(policy.sandbox.reason)} | ${cell(policy.sandbox.allowedWay)} |`);
  lines.push('', '<a id="no-vacuous-pass"></a>', '', '### No vacuous pass', '');
  lines.push('The check fails, naming the reason, when a zone\'s paths match no source file; when a project has no zone tag, several, or one that disagrees with its folder; when the policy names an authority function that no authoritative library exports, or a project that does not exist; when two projects claim one name; when a project\'s package.json maps an entry, subpath, condition or import outside the project; when a CODEOWNERS file does not give the policy, this document, the boundary tool, the ESLint config, the pre-commit hook or CODEOWNERS itself to the policy owner (the last matching pattern wins; a workspace without one is not judged); when an ESLint config inside a project would replace the root one; when a TypeScript config inside a project gives its files path aliases or a baseUrl other than the root\'s; when a link in libs/, apps/ or tools/ leads into the data root or a protected folder of it; when a node_modules folder inside a project holds a package that package-lock.json does not install there (or a commit adds one), which imports from its files would load instead of the installed package; when package-lock.json links a project under a name that is not its own, or installs a package the policy allows from anywhere but the registry under its own name; when a waiver has expired; when this document or the policy\'s JSON Schema drift from the policy; and when no file was checked at all.');
  lines.push('', '### Waivers', '');
  if (policy.waivers.length === 0) lines.push('None.');
  else {
    lines.push('| rule | file | owner | reason | expires |', '|---|---|---|---|---|');
    for (const w of policy.waivers) lines.push(`| ${w.rule} | \`${w.file}\` | ${w.owner} | ${cell(w.reason)} | ${w.expires} |`);
  }
  return lines.join('\n');
}

function complianceSection(policy: Policy): string {
  const lines: string[] = [GENERATED_NOTE, '', '## Compliance matrix', '', '| invariant | title |', '|---|---|'];
  for (const inv of policy.invariants) lines.push(`| <a id="${inv.id.toLowerCase()}"></a>${inv.id} | **${cell(inv.title)}**: ${cell(inv.text)} |`);
  lines.push('', '| id | requirement | invariant | enforced by |', '|---|---|---|---|');
  for (const c of policy.compliance)
    lines.push(`| <a id="${c.id.toLowerCase()}"></a>${c.id} | ${cell(c.requirement)} | [${c.invariant}](#${c.invariant.toLowerCase()}) | ${c.enforcedBy.map(cell).join('<br>')} |`);
  return lines.join('\n');
}

export function generateSection(policy: Policy, name: SectionName): string {
  return name === 'zones' ? zonesSection(policy) : complianceSection(policy);
}

export class SecurityDocError extends Error {
  readonly code = 'BOUNDARY_SECURITY_MD_MARKERS';
  constructor(message: string) {
    super(message);
    this.name = 'SecurityDocError';
  }
}

/** The text between a section's markers, or null when the markers are missing or out of order. */
export function readSection(doc: string, name: SectionName): string | null {
  const start = doc.indexOf(startMarker(name));
  const end = doc.indexOf(endMarker(name));
  if (start < 0 || end < start) return null;
  return doc.slice(start + startMarker(name).length, end).trim();
}

/** SECURITY.md with every generated section replaced; the hand-written text around them is kept byte for byte. */
export function renderSecurityMd(doc: string, policy: Policy): string {
  let out = doc;
  for (const name of SECTIONS) {
    const start = out.indexOf(startMarker(name));
    const end = out.indexOf(endMarker(name));
    if (start < 0 || end < start) throw new SecurityDocError(`SECURITY.md has no ${startMarker(name)} … ${endMarker(name)} markers`);
    out = `${out.slice(0, start + startMarker(name).length)}\n${generateSection(policy, name)}\n${out.slice(end)}`;
  }
  return out;
}

/** A skeleton for a workspace without SECURITY.md: a heading, the markers, and room for the security team's prose. */
export function securityMdSkeleton(policy: Policy): string {
  return renderSecurityMd(
    [
      '# Security',
      '',
      startMarker('zones'),
      endMarker('zones'),
      '',
      startMarker('compliance'),
      endMarker('compliance'),
      '',
    ].join('\n'),
    policy,
  );
}
