import { execFileSync } from 'node:child_process';

/**
 * Reads the staged (index) content of files, so the pre-commit check sees exactly what is committed even when
 * the work tree differs (partially staged files). One `git cat-file --batch` for all files.
 */
export function stagedContents(root: string, rels: readonly string[]): Map<string, Buffer | null> {
  const out = new Map<string, Buffer | null>();
  if (rels.length === 0) return out;
  const raw = execFileSync('git', ['cat-file', '--batch'], { cwd: root, input: rels.map((r) => `:${r}`).join('\n') + '\n', maxBuffer: 1 << 30 });
  let at = 0;
  for (const rel of rels) {
    const nl = raw.indexOf(10, at);
    const header = raw.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const parts = header.split(' ');
    if (parts[1] === 'missing' || parts.length < 3) {
      out.set(rel, null);
      continue;
    }
    const size = Number(parts[2]);
    out.set(rel, raw.subarray(at, at + size));
    at += size + 1;
  }
  return out;
}
