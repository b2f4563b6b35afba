import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadedPolicy } from '../policy/load.js';
import { todayIso } from '../policy/waivers.js';
import { CACHE_FORMAT } from './cache.js';
import { hashBytes, hashFiles, listFiles } from './hash.js';
import { ROOT_CONFIG_FILES } from './walk.js';

/** The boundaries tool's own folder (tools/boundaries) and the workspace it was installed in. */
const TOOL_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TOOL_WORKSPACE = path.resolve(TOOL_DIR, '../..');

let toolHashMemo: string | undefined;

/** Hash of the checker itself: its sources, the shared code it runs, and the pinned versions of its dependencies. */
export function toolHash(): string {
  if (toolHashMemo) return toolHashMemo;
  const skip = (name: string) => name === 'node_modules' || name === 'fixtures' || name === '__fixtures__' || name.startsWith('.');
  const files = [
    ...listFiles(path.join(TOOL_DIR, 'src'), TOOL_WORKSPACE, skip),
    ...listFiles(path.join(TOOL_WORKSPACE, 'libs/shared/hashing/src'), TOOL_WORKSPACE, skip),
    'package-lock.json',
  ];
  toolHashMemo = hashFiles(TOOL_WORKSPACE, files);
  return toolHashMemo;
}

/**
 * The key every cached result depends on: the policy, every project.json / package.json / tsconfig
 * (tags and aliases), the root configuration, the tool's own source, and the date when a waiver could expire.
 */
export function globalCacheKey(root: string, policy: LoadedPolicy, configs: readonly string[]): string {
  return hashBytes(
    [
      `format ${CACHE_FORMAT}`,
      `policy ${policy.hash}`,
      `configs ${hashFiles(root, [...configs, ...ROOT_CONFIG_FILES])}`,
      `tool ${toolHash()}`,
      `day ${policy.policy.waivers.length ? todayIso() : '-'}`,
    ].join('\n'),
  );
}
