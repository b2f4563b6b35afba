// Immutable, content-addressed run artifacts and the persistent session store beside them.
export { SessionConflictError, type SessionStore } from './sessions/session-store.js';
export { SessionInvalidError } from './sessions/session-validation.js';
export { persistRunArtifact, putRunAttachment } from './store/authority.js';
export type { ArtifactOutcome, SessionUpdate } from './store/session-then-artifact.js';
export { openStores, storeOptionsFromEnv, type OpenStoresOptions, type Stores } from './open-stores.js';
export type { RunStore, RunListFilter, RunListPage } from './store/run-store.js';
export type { VerifyProblem, VerifyReport } from './store/verify-report.js';
export {
  RunStoreError,
  RunStoreFullError,
  RunStoreReadOnlyError,
  RunStoreUnavailableError,
  RunStoreInputError,
  RunAttachmentMissingError,
  RunAttachmentCorruptError,
  RunArtifactCorruptError,
} from './errors.js';
export { RunArtifactValidationError } from '@luthier/rmos-gates';
export { NODE_ATTACHMENT_FS, type AttachmentFs } from './attachments/attachment-fs.js';
