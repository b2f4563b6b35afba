// lint-staged (run by .husky/pre-commit): the boundary check on the staged content of the staged files.
// A change to the policy, a tag or an alias can break files that are not staged, so it re-checks the whole workspace.
const check = 'node tools/boundaries/bin/boundaries.mjs';
const quote = (file) => `"${file.replace(/(["\\$`])/g, '\\$1')}"`;

export default {
  '{libs,apps,tools}/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}': (files) => `${check} --staged ${files.map(quote).join(' ')}`,
  '{security/boundary-policy.json,package.json,**/project.json,**/package.json,tsconfig*.json,eslint.config.mjs,**/eslint.config.*,CODEOWNERS,.github/CODEOWNERS,docs/CODEOWNERS,.lintstagedrc.mjs,.husky/pre-commit}': () => check,
};
