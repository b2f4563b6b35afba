// dependency-cruiser over the whole graph. The rules are built from security/boundary-policy.json at load time
// (tools/boundaries/src/depcruise/rules.js): amend the policy, not this file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dependencyCruiserRules } from './tools/boundaries/src/depcruise/rules.js';

const root = path.dirname(fileURLToPath(import.meta.url));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: dependencyCruiserRules(root),
  options: {
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    // installed packages stay in the graph as leaves (doNotFollow), so a rule can name them; an install nested in a
    // project folder is not cruised as if it were the project's own code
    exclude: { path: '^(?:libs|apps|tools)/.*/node_modules/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs', 'tsd'],
  },
};
