import { createRequire } from 'node:module';
import path from 'node:path';
import type { Linter } from 'eslint';

/**
 * ESLint's Linter normalises an array config on every verify() and, per file name, merges a fresh config
 * (cloning `settings`, which carries the whole policy). Over 20,000 files that is a fifth of the time. ESLint has
 * no public API for a pre-normalised config, so this reaches its FlatConfigArray by file path (outside the
 * package's exports); when that fails, or when the config's `files` are not plain by-extension globs, the plain
 * array is used and only speed is lost.
 */
type ConfigArrayLike = Linter.Config[] & { getConfig(file: string): unknown };

const BY_EXTENSION = /^\*\*\/\*(\.[a-z]+)$/;

/** True when every entry selects files only by extension, so one merged config per extension is exact. */
function selectsByExtensionOnly(config: readonly Linter.Config[]): boolean {
  return config.every(
    (entry) =>
      !entry.ignores &&
      (entry.files ?? []).length > 0 &&
      (entry.files ?? []).every((f) => typeof f === 'string' && BY_EXTENSION.test(f)),
  );
}

export function prepareConfig(config: Linter.Config[], cwd: string): Linter.Config[] {
  try {
    const require = createRequire(import.meta.url);
    // a constant path (the boundary check refuses computed ones) into the workspace's hoisted node_modules
    const { FlatConfigArray } = require('../../../../node_modules/eslint/lib/config/flat-config-array.js') as {
      FlatConfigArray: new (config: Linter.Config[], options: { basePath: string }) => ConfigArrayLike & { normalizeSync(): void };
    };
    let prepared: ConfigArrayLike & { normalizeSync(): void };
    if (selectsByExtensionOnly(config)) {
      const byExtension = new Map<string, unknown>();
      class PerExtension extends FlatConfigArray {
        override getConfig(file: string): unknown {
          const ext = path.extname(file);
          if (!byExtension.has(ext)) byExtension.set(ext, super.getConfig(file));
          return byExtension.get(ext);
        }
      }
      prepared = new PerExtension(config, { basePath: cwd });
    } else prepared = new FlatConfigArray(config, { basePath: cwd });
    prepared.normalizeSync();
    return prepared;
  } catch {
    return config;
  }
}
