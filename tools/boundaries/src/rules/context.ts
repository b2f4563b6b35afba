import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import type { Policy } from '../policy/schema.js';
import { findWaiver, todayIso } from '../policy/waivers.js';
import { loadWorkspace, type Project, type Workspace } from '../workspace/projects.js';

/** What `boundaryConfig` puts in ESLint's `settings.boundaries`. */
export interface BoundarySettings {
  root: string;
  policy: Policy;
  /** YYYY-MM-DD used for waiver expiry; today (UTC) when absent */
  today?: string;
}

export class BoundarySettingsError extends Error {
  readonly code = 'BOUNDARY_SETTINGS_MISSING';
  constructor() {
    super('settings.boundaries { root, policy } is missing: build the ESLint config with boundaryConfig()');
    this.name = 'BoundarySettingsError';
  }
}

/** Everything a rule needs about the file it checks. */
export interface FileContext {
  settings: BoundarySettings;
  policy: Policy;
  ws: Workspace;
  file: string;
  relFile: string;
  project: Project | null;
  zone: string | null;
  today: string;
  /** under libs/, apps/ or tools/ (a file there must belong to a zoned project) */
  inProjectArea: boolean;
  isWaived(ruleId: string): boolean;
}

const workspaces = new WeakMap<Policy, Map<string, Workspace>>();

function workspaceFor(settings: BoundarySettings): Workspace {
  let byRoot = workspaces.get(settings.policy);
  if (!byRoot) workspaces.set(settings.policy, (byRoot = new Map()));
  let ws = byRoot.get(settings.root);
  if (!ws) byRoot.set(settings.root, (ws = loadWorkspace(settings.root, settings.policy)));
  return ws;
}

/** Every rule asks for the same file's context in turn: the last one is kept (it depends on the name and settings only). */
let last: { settings: BoundarySettings; filename: string; today: string; fc: FileContext } | null = null;

export function fileContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileContext {
  const settings = (context.settings as { boundaries?: BoundarySettings }).boundaries;
  if (!settings || !settings.policy || !settings.root) throw new BoundarySettingsError();
  const today = settings.today ?? todayIso();
  if (last && last.settings === settings && last.filename === context.filename && last.today === today) return last.fc;
  const fc = computeFileContext(settings, context.filename, today);
  last = { settings, filename: context.filename, today, fc };
  return fc;
}

function computeFileContext(settings: BoundarySettings, filename: string, today: string): FileContext {
  const ws = workspaceFor(settings);
  const file = path.resolve(filename);
  const relFile = path.relative(ws.root, file).split(path.sep).join('/');
  const project = ws.projectOfFile(file);
  const top = relFile.split('/')[0];
  return {
    settings,
    policy: settings.policy,
    ws,
    file,
    relFile,
    project,
    zone: project?.zone ?? null,
    today,
    inProjectArea: !relFile.startsWith('..') && (top === 'libs' || top === 'apps' || top === 'tools'),
    isWaived: (ruleId) => findWaiver(settings.policy, ruleId, relFile, today) !== null,
  };
}

export function zoneRef(policy: Policy, zone: string | null): string {
  return policy.zones.find((z) => z.id === zone)?.securityRef ?? 'SECURITY.md';
}

/** The SECURITY.md anchor of a compliance item that names this rule (e.g. SECURITY.md#s6). */
export function complianceRef(policy: Policy, ruleId: string): string {
  const item = policy.compliance.find((c) => c.enforcedBy.some((e) => e.includes(ruleId)));
  return item ? `SECURITY.md#${item.id.toLowerCase()}` : 'SECURITY.md';
}
