// The boundary enforcement system: one policy, the ESLint rules derived from it, and the CLI.
export { policySchema, type Policy, type Zone, type Waiver } from './policy/schema.js';
export { loadPolicy, parsePolicy, PolicyError, WORKSPACE_ROOT, DEFAULT_POLICY_FILE, type LoadedPolicy } from './policy/load.js';
export { loadWorkspace, clearWorkspaceCache, WorkspaceError, type Workspace, type Project } from './workspace/projects.js';
export { resolveSpecifier, type Resolution } from './workspace/resolve.js';
export { recordDependency, takeDependencies, peekDependencies } from './workspace/dependency-log.js';
export { isWaived, findWaiver, waiverCovers, todayIso } from './policy/waivers.js';
export { boundaryConfig, BOUNDARY_FILES, type BoundaryConfigOptions } from './eslint-config.js';
export { boundariesPlugin, boundaryRules, RULE_IDS } from './plugin.js';
