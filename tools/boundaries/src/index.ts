// The boundary enforcement system: one policy, the ESLint rules derived from it, and the CLI.
export { policySchema, type Policy, type Zone, type Waiver } from './policy/schema.js';
export { loadPolicy, parsePolicy, PolicyError, WORKSPACE_ROOT, DEFAULT_POLICY_FILE, type LoadedPolicy } from './policy/load.js';
export { loadWorkspace, clearWorkspaceCache, WorkspaceError, type Workspace, type Project } from './workspace/projects.js';
export { resolveSpecifier, type Resolution } from './workspace/resolve.js';
export { recordDependency, takeDependencies, peekDependencies } from './workspace/dependency-log.js';
export { isWaived, findWaiver, waiverCovers, todayIso } from './policy/waivers.js';
export { boundaryConfig, BOUNDARY_FILES, type BoundaryConfigOptions } from './eslint-config.js';
export { boundariesPlugin, boundaryRules, RULE_IDS } from './plugin.js';
export { main as runBoundariesCli, EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_USAGE } from './cli/main.js';
export { checkFiles, type CheckOptions, type CheckOutcome } from './runner/check.js';
export type { Violation, FileResult } from './runner/types.js';
export { checkIntegrity, type IntegrityInput } from './integrity/index.js';
export { formatText } from './report/text.js';
export { formatSarif, fingerprint as sarifFingerprint } from './report/sarif.js';
export { explainFile } from './cli/explain.js';
export { renderSecurityMd, generateSection } from './docs/security-md.js';
export { policyJsonSchema } from './docs/json-schema.js';
