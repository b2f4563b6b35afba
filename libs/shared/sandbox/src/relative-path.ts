import { SandboxPathError } from './errors.js';

const MAX_PATH_LENGTH = 512;
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Checks a caller-supplied sandbox path lexically and returns its segments.
 * Only plain `a/b/c.ext` paths pass: no absolute paths, no `.`/`..`, no
 * backslashes, no NUL, no hidden files. The file-system checks (symlinks)
 * come after this, in the store.
 */
export function parseSandboxPath(relativePath: unknown): string[] {
  if (typeof relativePath !== 'string' || relativePath.length === 0 || relativePath.length > MAX_PATH_LENGTH) {
    throw new SandboxPathError('SANDBOX_PATH_INVALID', 'a sandbox path is a non-empty string of at most 512 characters', String(relativePath));
  }
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath) || relativePath.startsWith('\\')) {
    throw new SandboxPathError('SANDBOX_PATH_ABSOLUTE', 'absolute paths are refused: give a path relative to the sandbox', relativePath);
  }
  const segments = relativePath.split('/');
  for (const segment of segments) {
    if (segment === '..' || segment === '.' || segment.includes('\\')) {
      throw new SandboxPathError('SANDBOX_PATH_TRAVERSAL', 'path traversal is refused', relativePath);
    }
    if (!SEGMENT.test(segment)) {
      throw new SandboxPathError(
        'SANDBOX_PATH_INVALID',
        'each path segment is 1-128 characters of [A-Za-z0-9._-] and does not start with a dot',
        relativePath,
      );
    }
  }
  return segments;
}
