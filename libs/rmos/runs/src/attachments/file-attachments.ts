import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { RunAttachmentStored } from '@luthier/rmos-contracts';
import { isSha256Hex, sha256Hex } from '@luthier/shared-hashing';
import { RunAttachmentCorruptError, toRunStoreError } from '../errors.js';
import { NODE_ATTACHMENT_FS, type AttachmentFs } from './attachment-fs.js';
import { assertAttachmentInput } from './attachment-input.js';
import { DirSyncBatcher } from './dir-sync.js';

/**
 * Attachments up to this size are written, and checked before a put, synchronously: a
 * copy to or from the page cache that costs less than the thread-pool round trips.
 * Larger ones go to the thread pool, so that the event loop is never held for long.
 */
const SYNC_IO_MAX_BYTES = 1024 * 1024;

/** What a stored attachment file looks like when checked. */
export type AttachmentFileState = { state: 'ok'; size: number } | { state: 'missing' } | { state: 'corrupt'; detail: string };

/**
 * Content-addressed attachment files under <data root>/run_attachments/<aa>/<sha256>.
 * Written atomically (temp file, fsync, rename, directory fsync) so a crash leaves
 * either the whole file or none; read back only after the bytes hash to their name.
 */
export class FileAttachments {
  private readonly tmpDir: string;
  private readonly dirSync: DirSyncBatcher;
  /** Directories made (and, if new, their entry synced): skips two mkdir calls per write. */
  private readonly madeDirs = new Map<string, Promise<void>>();

  constructor(
    readonly dir: string,
    private readonly fs: AttachmentFs = NODE_ATTACHMENT_FS,
  ) {
    this.tmpDir = path.join(dir, '.tmp');
    this.dirSync = new DirSyncBatcher(fs);
  }

  pathOf(sha256: string): string {
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array, mediaType: string): Promise<RunAttachmentStored> {
    assertAttachmentInput(bytes, mediaType);
    const sha256 = sha256Hex(bytes);
    const stored = { sha256, size_bytes: bytes.byteLength, media_type: mediaType };
    const existing = bytes.byteLength <= SYNC_IO_MAX_BYTES ? this.checkSync(sha256, bytes.byteLength) : await this.check(sha256, bytes.byteLength);
    if (existing.state === 'ok') return stored;
    // A corrupt file is evidence: it is reported, never silently overwritten.
    if (existing.state === 'corrupt') throw new RunAttachmentCorruptError(sha256, existing.detail);
    try {
      await this.writeAtomically(this.pathOf(sha256), bytes);
    } catch (error) {
      throw toRunStoreError(error, 'putRunAttachment');
    }
    return stored;
  }

  /** The bytes, only if they hash to `sha256`; null if there is no such file. */
  async get(sha256: string): Promise<Uint8Array | null> {
    if (!isSha256Hex(sha256)) return null;
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw toRunStoreError(error, 'getAttachment');
    }
    const actual = sha256Hex(bytes);
    if (actual !== sha256) throw new RunAttachmentCorruptError(sha256, `bytes hash to ${actual}`);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Full check: present, expected size, bytes hash to the name. */
  async check(sha256: string, expectedSize?: number): Promise<AttachmentFileState> {
    try {
      const bytes = await this.get(sha256);
      if (bytes === null) return { state: 'missing' };
      if (expectedSize !== undefined && bytes.byteLength !== expectedSize) {
        return { state: 'corrupt', detail: `${bytes.byteLength} bytes, expected ${expectedSize}` };
      }
      return { state: 'ok', size: bytes.byteLength };
    } catch (error) {
      if (error instanceof RunAttachmentCorruptError) return { state: 'corrupt', detail: error.message };
      throw error;
    }
  }

  /**
   * check() for a small file, read synchronously: the same answer without four
   * thread-pool round trips (open, stat, read, close), each of which waits behind
   * whatever holds the event loop (on this store, a commit's fsync).
   */
  private checkSync(sha256: string, expectedSize: number): AttachmentFileState {
    let bytes: Buffer;
    try {
      bytes = this.fs.readFileSync(this.pathOf(sha256));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
      throw toRunStoreError(error, 'putRunAttachment');
    }
    const actual = sha256Hex(bytes);
    if (actual !== sha256) return { state: 'corrupt', detail: `attachment ${sha256} is corrupt: bytes hash to ${actual}` };
    if (bytes.byteLength !== expectedSize) return { state: 'corrupt', detail: `${bytes.byteLength} bytes, expected ${expectedSize}` };
    return { state: 'ok', size: bytes.byteLength };
  }

  /** Cheap check used on every append: the file exists with the size the artifact claims. */
  async exists(sha256: string, size: number): Promise<boolean> {
    try {
      // One stat, synchronous for the reason checkSync gives.
      const st = this.fs.statSync(this.pathOf(sha256));
      return st.isFile() && st.size === size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw toRunStoreError(error, 'persistRunArtifact');
    }
  }

  /**
   * Removes temp files a crashed writer left behind. Only old ones: another
   * process may be writing a fresh one right now. Best effort; never throws.
   */
  async sweepStaleTemp(olderThanMs: number, now = Date.now()): Promise<number> {
    let removed = 0;
    let names: string[];
    try {
      names = this.fs.readdirSync(this.tmpDir);
    } catch {
      return 0; // no temp directory yet, or not readable: nothing to sweep
    }
    for (const name of names) {
      const file = path.join(this.tmpDir, name);
      try {
        const st = this.fs.statSync(file);
        if (st.isFile() && now - st.mtimeMs > olderThanMs) {
          this.fs.unlinkSync(file);
          removed += 1;
        }
      } catch {
        // gone already (another process swept it) or not ours to remove: best effort
      }
    }
    return removed;
  }

  private async writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
    const shardDir = path.dirname(target);
    await this.makeDir(this.tmpDir);
    await this.makeDir(shardDir, this.dir);
    const tmp = path.join(this.tmpDir, `${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}`);
    let renamed = false;
    try {
      const fd = this.fs.openSync(tmp, 'wx', 0o444);
      let written = false;
      try {
        await this.writeAll(fd, bytes);
        // fdatasync, not fsync: it still makes durable the bytes and the metadata needed to
        // read them back (size, block map); only timestamps are left to the next sync. The
        // rename below is made only after it returns, so the name never outlives a crash
        // without its bytes.
        await this.fs.fdatasync(fd);
        written = true;
      } finally {
        try {
          this.fs.closeSync(fd);
        } catch (error) {
          if (written) throw error; // else the write's own error is the one to report
        }
      }
      this.fs.renameSync(tmp, target);
      renamed = true;
      // Coalesced with concurrent writers' syncs of the same directory, never skipped.
      await this.dirSync.sync(shardDir);
    } catch (error) {
      // A directory removed behind our back is made again by the next write.
      this.madeDirs.clear();
      throw error;
    } finally {
      if (!renamed) {
        try {
          this.fs.unlinkSync(tmp);
        } catch {
          // never created, or already gone
        }
      }
    }
  }

  private async writeAll(fd: number, bytes: Uint8Array): Promise<void> {
    const small = bytes.byteLength <= SYNC_IO_MAX_BYTES;
    for (let offset = 0; offset < bytes.byteLength; ) {
      const length = bytes.byteLength - offset;
      offset += small ? this.fs.writeSync(fd, bytes, offset, length) : await this.fs.write(fd, bytes, offset, length);
    }
  }

  /**
   * mkdir -p; a directory this made has its entry in `syncParent` fsynced before any
   * writer goes on, so a file renamed into a new shard never outlives a crash without
   * its directory (every concurrent writer waits for the same promise).
   */
  private makeDir(dir: string, syncParent?: string): Promise<void> {
    let made = this.madeDirs.get(dir);
    if (!made) {
      made = (async () => {
        const created = this.fs.mkdirSync(dir, { recursive: true }) !== undefined;
        if (created && syncParent) await this.dirSync.sync(syncParent);
      })();
      this.madeDirs.set(dir, made);
      made.catch(() => this.madeDirs.delete(dir));
    }
    return made;
  }
}
