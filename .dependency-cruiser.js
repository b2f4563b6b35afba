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
    // the boundary rules' test fixtures hold deliberate violations; build output and caches are not source
    exclude: { path: '(^|/)(node_modules|dist|coverage|fixtures|__fixtures__|data|tmp)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json'],
    },
    moduleSystems: ['es6', 'cjs', 'tsd'],
  },
};
