// ESLint 10 reads only flat config, so the boundary checks live here rather than in
// .eslintrc.json. The rules come from tools/boundaries, built from the one policy file.
import { register } from 'tsx/esm/api';

register();
const { loadPolicy, boundaryConfig, WORKSPACE_ROOT } = await import('./tools/boundaries/src/index.ts');

const { policy } = loadPolicy();

export default [
  {
    // Only what is never source. Inside a project no folder is passed over by name
    // (fixtures, tmp, dist…): the entry point could import from it.
    ignores: ['**/node_modules/**', '.nx/**', 'bench/out/**', 'bench/output/**', 'data/**', 'coverage/**'],
  },
  ...boundaryConfig({ root: WORKSPACE_ROOT, policy }),
];
