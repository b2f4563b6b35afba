// The boundary enforcement system: one policy, the ESLint rules derived from it, and the CLI.
export { policySchema, type Policy, type Zone, type Waiver } from './policy/schema.js';
export { loadPolicy, parsePolicy, PolicyError, WORKSPACE_ROOT, DEFAULT_POLICY_FILE, type LoadedPolicy } from './policy/load.js';
