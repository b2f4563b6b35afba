import { RunStoreInputError } from '../errors.js';

// A cursor is the last seq of the previous page, opaque to callers so the paging scheme can change.
export function encodeCursor(seq: number): string {
  return Buffer.from(`seq:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^seq:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new RunStoreInputError('malformed cursor');
  return Number(match[1]);
}
