import * as fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';

/**
 * The file-system calls attachments make: a seam, so that tests can inject ENOSPC or
 * EROFS where no tiny disk can be mounted.
 *
 * The calls that only touch the page cache and metadata (open, a small write, close,
 * rename, mkdir, stat, a small read) are synchronous: each costs less than the
 * thread-pool round trip an asynchronous call adds, and writing one attachment took
 * eight of those. The waits on the disk (fdatasync, fsync), and the writes and reads of
 * large files, go to the thread pool, where concurrent writers' syncs overlap.
 */
export interface AttachmentFs {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, bytes: Uint8Array, offset: number, length: number): number;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
  /** Answers the first directory it made, or undefined if the whole path existed. */
  mkdirSync(dir: string, options: { recursive: true }): string | undefined;
  statSync(file: string): { isFile(): boolean; size: number; mtimeMs: number };
  readFileSync(file: string): Buffer;
  readdirSync(dir: string): string[];
  readFile(file: string): Promise<Buffer>;
  write(fd: number, bytes: Uint8Array, offset: number, length: number): Promise<number>;
  fdatasync(fd: number): Promise<void>;
  fsync(fd: number): Promise<void>;
}

export const NODE_ATTACHMENT_FS: AttachmentFs = Object.freeze({
  openSync: (file, flags, mode) => fs.openSync(file, flags, mode),
  writeSync: (fd, bytes, offset, length) => fs.writeSync(fd, bytes, offset, length),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (file) => fs.unlinkSync(file),
  mkdirSync: (dir, options) => fs.mkdirSync(dir, options),
  statSync: (file) => fs.statSync(file),
  readFileSync: (file) => fs.readFileSync(file),
  readdirSync: (dir) => fs.readdirSync(dir),
  readFile: (file) => readFile(file),
  write: (fd, bytes, offset, length) =>
    new Promise<number>((resolve, reject) => fs.write(fd, bytes, offset, length, null, (error, written) => (error ? reject(error) : resolve(written)))),
  fdatasync: promisify(fs.fdatasync),
  fsync: promisify(fs.fsync),
} satisfies AttachmentFs);
