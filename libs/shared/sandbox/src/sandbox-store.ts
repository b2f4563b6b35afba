import { constants } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { SandboxPathError } from './errors.js';
import { parseSandboxPath } from './relative-path.js';

/** Structurally the SandboxStorePort of @luthier/rmos-contracts (shared code may not import it). */
export interface SandboxStore {
  write(relativePath: string, data: string | Uint8Array): Promise<string>;
  read(relativePath: string): Promise<Uint8Array>;
}

export interface SandboxStoreOptions {
  /** The data root (RMOS_DATA_DIR); the store confines itself to `<dataRoot>/sandbox/`. */
  dataRoot: string;
  /** Largest file the store accepts, in bytes. */
  maxFileBytes?: number;
}

export const SANDBOX_DIR = 'sandbox';
const DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;

/**
 * The one place advisory output is written. Paths are confined at run time:
 * lexical checks refuse traversal and absolute paths; every directory on the way
 * is lstat'ed (a symlink is refused), the parent's realpath must lie under the
 * sandbox root, files are opened with O_NOFOLLOW, and writes are atomic
 * (temp file + fsync + rename, so a reader never sees half a file).
 *
 * Returns a frozen object exposing only `write` and `read`.
 */
export async function createSandboxStore(options: SandboxStoreOptions): Promise<SandboxStore> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const requestedRoot = path.resolve(options.dataRoot, SANDBOX_DIR);
  await mkdir(requestedRoot, { recursive: true });
  const root = await realpath(requestedRoot);

  async function assertInsideRoot(dir: string, relativePath: string): Promise<void> {
    const real = await realpath(dir);
    if (real !== root && !real.startsWith(root + path.sep)) {
      throw new SandboxPathError('SANDBOX_SYMLINK_ESCAPE', 'the path resolves outside the sandbox', relativePath);
    }
  }

  /** Walks (and for writes creates) each parent directory, refusing any symlink on the way. */
  async function parentDir(segments: string[], relativePath: string, create: boolean): Promise<string> {
    let dir = root;
    for (const segment of segments.slice(0, -1)) {
      dir = path.join(dir, segment);
      const info = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (info === null) {
        if (!create) throw new SandboxPathError('SANDBOX_NOT_FOUND', 'no such sandbox file', relativePath);
        await mkdir(dir).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'EEXIST') throw error;
        });
        // Re-check: another writer may have raced a symlink in.
        const created = await lstat(dir);
        if (!created.isDirectory()) throw new SandboxPathError('SANDBOX_SYMLINK_ESCAPE', 'a path segment is not a directory', relativePath);
      } else if (info.isSymbolicLink() || !info.isDirectory()) {
        throw new SandboxPathError('SANDBOX_SYMLINK_ESCAPE', 'a path segment is a symlink or not a directory', relativePath);
      }
    }
    await assertInsideRoot(dir, relativePath);
    return dir;
  }

  async function write(relativePath: string, data: string | Uint8Array): Promise<string> {
    const segments = parseSandboxPath(relativePath);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    if (bytes.byteLength > maxFileBytes) {
      throw new SandboxPathError('SANDBOX_TOO_LARGE', `a sandbox file is at most ${maxFileBytes} bytes`, relativePath);
    }
    const dir = await parentDir(segments, relativePath, true);
    const target = path.join(dir, segments[segments.length - 1]);
    const existing = await lstat(target).catch(() => null);
    if (existing && !existing.isFile()) {
      throw new SandboxPathError('SANDBOX_SYMLINK_ESCAPE', 'the target exists and is not a regular file', relativePath);
    }
    const temp = path.join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
    const handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      await handle.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await handle.close();
    // rename replaces a directory entry and never follows a symlink at the target.
    await rename(temp, target);
    return segments.join('/');
  }

  async function read(relativePath: string): Promise<Uint8Array> {
    const segments = parseSandboxPath(relativePath);
    const dir = await parentDir(segments, relativePath, false);
    const target = path.join(dir, segments[segments.length - 1]);
    const handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new SandboxPathError('SANDBOX_NOT_FOUND', 'no such sandbox file', relativePath);
      if (error.code === 'ELOOP') throw new SandboxPathError('SANDBOX_SYMLINK_ESCAPE', 'the file is a symlink', relativePath);
      throw error;
    });
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new SandboxPathError('SANDBOX_NOT_FOUND', 'not a regular file', relativePath);
      if (info.size > maxFileBytes) throw new SandboxPathError('SANDBOX_TOO_LARGE', 'the file is too large', relativePath);
      return new Uint8Array(await handle.readFile());
    } finally {
      await handle.close();
    }
  }

  return Object.freeze({ write, read });
}
