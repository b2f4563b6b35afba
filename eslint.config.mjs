// ESLint 10 reads only flat config, so the boundary checks live here rather than in
// .eslintrc.json. The rules come from tools/boundaries, built from the one policy file.
import { register } from 'tsx/esm/api';

register();
const { loadPolicy, boundaryConfig, WORKSPACE_ROOT } = await import('./tools/boundaries/src/index.ts');

const { policy } = loadPolicy();

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/coverage/**',
      '**/.nx/**',
      '**/fixtures/**',
      '**/__fixtures__/**',
      'bench/out/**',
      'bench/output/**',
      '**/tmp/**',
      'data/**',
    ],
  },
  ...boundaryConfig({ root: WORKSPACE_ROOT, policy }),
];
