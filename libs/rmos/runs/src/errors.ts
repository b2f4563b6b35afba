import { RunArtifactValidationError } from '@luthier/rmos-gates';
import { CanonicalJsonError } from '@luthier/shared-hashing';
import { SessionConflictError } from './sessions/session-store.js';

/**
 * Typed errors of the run store. Each has a stable `code` and an HTTP-ish `status`;
 * none of them ever leaves a partial artifact or attachment behind.
 */
export abstract class RunStoreError extends Error {
  abstract readonly code: string;
  abstract readonly status: number;
}

/** The disk (or the database's tablespace) is full: nothing was written. */
export class RunStoreFullError extends RunStoreError {
  readonly code = 'RUN_STORE_FULL';
  readonly status = 507;
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`run store is full: ${operation} was refused and nothing was written`, options);
    this.name = 'RunStoreFullError';
  }
}

/** The data directory or database is read-only: nothing was written. */
export class RunStoreReadOnlyError extends RunStoreError {
  readonly code = 'RUN_STORE_READ_ONLY';
  readonly status = 503;
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`run store is read-only: ${operation} was refused and nothing was written`, options);
    this.name = 'RunStoreReadOnlyError';
  }
}

/** The store could not be reached or failed in a way that is not the caller's fault. */
export class RunStoreUnavailableError extends RunStoreError {
  readonly code = 'RUN_STORE_UNAVAILABLE';
  readonly status = 503;
  constructor(operation: string, options?: { cause?: unknown }) {
    const detail = options?.cause instanceof Error ? `: ${options.cause.message}` : '';
    super(`run store unavailable: ${operation}${detail}`, options);
    this.name = 'RunStoreUnavailableError';
  }
}

/** An artifact refers to an attachment that was never stored (or not with that size/type). */
export class RunAttachmentMissingError extends RunStoreError {
  readonly code = 'RUN_ATTACHMENT_MISSING';
  readonly status = 422;
  constructor(readonly sha256: string, detail = 'not in the store') {
    super(`attachment ${sha256}: ${detail}`);
    this.name = 'RunAttachmentMissingError';
  }
}

/** Stored attachment bytes no longer hash to their address: never handed out. */
export class RunAttachmentCorruptError extends RunStoreError {
  readonly code = 'RUN_ATTACHMENT_CORRUPT';
  readonly status = 500;
  constructor(readonly sha256: string, detail: string) {
    super(`attachment ${sha256} is corrupt: ${detail}`);
    this.name = 'RunAttachmentCorruptError';
  }
}

/** Bad arguments to a store call (a size limit, a malformed cursor or filter). */
export class RunStoreInputError extends RunStoreError {
  readonly code = 'RUN_STORE_BAD_INPUT';
  readonly status = 400;
  constructor(message: string) {
    super(message);
    this.name = 'RunStoreInputError';
  }
}

/** A stored artifact failed its integrity check when read back. */
export class RunArtifactCorruptError extends RunStoreError {
  readonly code = 'RUN_ARTIFACT_CORRUPT';
  readonly status = 500;
  constructor(readonly runId: string, detail: string) {
    super(`run artifact ${runId} is corrupt: ${detail}`);
    this.name = 'RunArtifactCorruptError';
  }
}

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL', '53100', '53200']);
const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM', '25006']);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', '57P01', '57P03', '08006', '08001', '08003']);

/** Maps file-system, SQLite and PostgreSQL failures onto the typed errors; passes typed errors through. */
export function toRunStoreError(error: unknown, operation: string): Error {
  if (error instanceof RunStoreError) return error;
  if (error instanceof RunArtifactValidationError || error instanceof SessionConflictError || error instanceof CanonicalJsonError) return error;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (FULL_CODES.has(code)) return new RunStoreFullError(operation, { cause: error });
  if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN') {
    return new RunStoreReadOnlyError(operation, { cause: error });
  }
  // SQLite reports a full disk during WAL/journal writes as an I/O error whose errno is ENOSPC.
  if (code.startsWith('SQLITE_IOERR') && /disk|space|full/i.test(String((error as Error).message))) {
    return new RunStoreFullError(operation, { cause: error });
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR')) return new RunStoreUnavailableError(operation, { cause: error });
  return error instanceof Error ? error : new RunStoreUnavailableError(operation, { cause: error });
}
