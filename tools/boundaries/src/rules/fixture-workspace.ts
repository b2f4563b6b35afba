import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A throw-away workspace in the contract layout, for rules that read other files
 * (imported constants, resolution). `files` maps relative paths to contents.
 */
export function makeWorkspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'boundaries-ws-'));
  const projects: Array<[string, string, string]> = [
    ['libs/rmos/runs', '@luthier/rmos-runs', 'zone:authoritative'],
    ['libs/rmos/workflow', '@luthier/rmos-workflow', 'zone:authoritative'],
    ['libs/rmos/contracts', '@luthier/rmos-contracts', 'zone:rmos-public'],
    ['libs/experimental/ai', '@luthier/experimental-ai', 'zone:advisory'],
    ['libs/shared/paths', '@luthier/shared-paths', 'zone:shared'],
    ['apps/api', '@luthier/api', 'zone:routing'],
    ['tools/boundaries', '@luthier/boundaries', 'zone:tooling'],
  ];
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  const paths: Record<string, string[]> = {};
  for (const [dir, name, tag] of projects) {
    write(`${dir}/project.json`, JSON.stringify({ name: name.split('/')[1], tags: [tag] }));
    write(`${dir}/package.json`, JSON.stringify({ name, exports: { '.': './src/index.ts' } }));
    write(`${dir}/src/index.ts`, 'export {};\n');
    paths[name] = [`${dir}/src/index.ts`];
  }
  write('tsconfig.base.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { ...paths, '~paths/*': ['libs/shared/paths/src/*'] } } }));
  for (const [rel, text] of Object.entries(files)) write(rel, text);
  return root;
}
