/**
 * In-process log of the workspace files each checked file depended on (imported
 * constants' files, resolved import targets, probed candidates, missing or not).
 * The runner keys a file's cached result on its content plus these files, so every
 * rule must record what it reads or probes: a missed record means a stale pass.
 */
const log = new Map<string, Set<string>>();

export function recordDependency(file: string, dependency: string): void {
  if (file === dependency) return;
  let deps = log.get(file);
  if (!deps) log.set(file, (deps = new Set()));
  deps.add(dependency);
}

/** Returns the dependencies recorded for `file` (sorted) and forgets them. */
export function takeDependencies(file: string): string[] {
  const deps = log.get(file);
  log.delete(file);
  return deps ? [...deps].sort() : [];
}

/** Dependencies recorded so far for `file`, without forgetting them. */
export function peekDependencies(file: string): string[] {
  return [...(log.get(file) ?? [])].sort();
}
