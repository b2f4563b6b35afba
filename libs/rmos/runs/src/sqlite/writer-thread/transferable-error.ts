import Database from 'better-sqlite3';
import { RunArtifactValidationError } from '@luthier/rmos-gates';
import { CanonicalJsonError } from '@luthier/shared-hashing';
import {
  RunArtifactCorruptError,
  RunAttachmentCorruptError,
  RunAttachmentMissingError,
  RunStoreFullError,
  RunStoreInputError,
  RunStoreReadOnlyError,
  RunStoreUnavailableError,
} from '../../errors.js';
import { SessionConflictError } from '../../sessions/session-store.js';
import { SessionInvalidError } from '../../sessions/session-validation.js';

/** An error as it crosses from the writer thread: its class by name, its message, stack and own fields. */
export interface TransferredError {
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
}

/**
 * The errors a write can end in. The structured clone of postMessage keeps only a
 * plain Error (no subclass, no `code`), so the callers' `instanceof` checks and
 * typed codes would be lost; these classes are rebuilt on the caller's side.
 * Written by hand: the error libraries rebuild by calling the constructor, and
 * these constructors derive their messages from their arguments.
 */
const ERROR_CLASSES: Record<string, abstract new (...args: never[]) => Error> = {
  RunStoreFullError,
  RunStoreReadOnlyError,
  RunStoreUnavailableError,
  RunStoreInputError,
  RunAttachmentMissingError,
  RunAttachmentCorruptError,
  RunArtifactCorruptError,
  RunArtifactValidationError,
  SessionConflictError,
  SessionInvalidError,
  CanonicalJsonError,
  SqliteError: Database.SqliteError,
};

export function transferError(error: unknown): TransferredError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    // Only plain data crosses (a cause, say, is summarised by the message).
    if (key !== 'cause' && isCloneablePlain(value)) fields[key] = value;
  }
  return { name: error.name, message: error.message, stack: error.stack, fields };
}

export function reviveError(transferred: TransferredError): Error {
  const cls = Object.hasOwn(ERROR_CLASSES, transferred.name) ? ERROR_CLASSES[transferred.name] : undefined;
  const error: Error = cls ? Object.create(cls.prototype) : new Error(transferred.message);
  Object.assign(error, transferred.fields);
  Object.defineProperties(error, {
    message: { value: transferred.message, writable: true, configurable: true, enumerable: false },
    name: { value: transferred.name, writable: true, configurable: true, enumerable: false },
    stack: { value: transferred.stack ?? `${transferred.name}: ${transferred.message}`, writable: true, configurable: true, enumerable: false },
  });
  return error;
}

function isCloneablePlain(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isCloneablePlain);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isCloneablePlain);
  return false;
}
