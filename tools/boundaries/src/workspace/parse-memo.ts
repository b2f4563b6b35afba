import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** A workspace file's syntax tree (every node's `parent` set) and its scope analysis. */
export interface ParsedModule {
  ast: TSESTree.Program;
  scopeManager: TSESLint.Scope.ScopeManager;
}

/**
 * How many parsed files a thread keeps. Each holds its whole tree (~0.2 MB): keeping every imported file for
 * the life of a worker grew its heap past the pool's limit every few hundred files, and the replacement
 * worker started cold. Files mostly import their neighbours, which were checked moments before, so a
 * small window keeps nearly every hit.
 */
export const PARSE_MEMO_SIZE = Number(process.env.BOUNDARIES_PARSE_MEMO) || 64;

/**
 * A least-recently-used memo of parsed files, keyed by path and checked against the exact text, so a hit is
 * never a stale tree. A Map keeps insertion order, which is all an LRU needs (no library does this more simply).
 */
export class ParseMemo {
  private readonly entries = new Map<string, { code: string; module: ParsedModule | null }>();
  constructor(private readonly capacity = PARSE_MEMO_SIZE) {}

  /** The parse of `file` when it was parsed from exactly `code`; undefined when it is not held. */
  get(file: string, code: string): ParsedModule | null | undefined {
    const hit = this.entries.get(file);
    if (!hit || hit.code !== code) return undefined;
    this.entries.delete(file);
    this.entries.set(file, hit);
    return hit.module;
  }

  set(file: string, code: string, module: ParsedModule | null): void {
    this.entries.delete(file);
    this.entries.set(file, { code, module });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
