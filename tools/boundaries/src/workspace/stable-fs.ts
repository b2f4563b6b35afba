import { readFileSync } from 'node:fs';

/**
 * Memos of file-system reads for a process that checks a fixed snapshot of the tree: the CLI and its workers,
 * which live for one check. Over 20,000 files the same imported files were read and the same specifiers
 * resolved (each a run of stat probes) thousands of times. An editor's long-lived ESLint never turns this on:
 * there files change between lints, and every read goes to the disk.
 */
let stable = false;
const texts = new Map<string, string | null>();

/** Turns the memos on until the returned function is called (the end of the check), which drops them. */
export function assumeStableFileSystem(): () => void {
  stable = true;
  return () => {
    stable = false;
    texts.clear();
    for (const clear of clearers) clear();
  };
}

const clearers: Array<() => void> = [];
/** Registers another memo (resolutions) to drop with these. */
export function onRelease(clear: () => void): void {
  clearers.push(clear);
}

export function fileSystemIsStable(): boolean {
  return stable;
}

/** A file's text, or null when it cannot be read. */
export function readText(file: string): string | null {
  if (stable) {
    const hit = texts.get(file);
    if (hit !== undefined) return hit;
  }
  let text: string | null;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = null;
  }
  if (stable) texts.set(file, text);
  return text;
}
