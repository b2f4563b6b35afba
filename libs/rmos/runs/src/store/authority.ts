import type { RunArtifact, RunArtifactInput, RunAttachmentStored } from '@luthier/rmos-contracts';
import type { RunStore } from './run-store.js';
import { persistAfterSessionUpdate, type ArtifactOutcome, type SessionUpdate } from './session-then-artifact.js';

/**
 * The authority functions of contract §3: the only ways to write to the audit
 * trail. The artifact is validated (schema and every hash) before anything is
 * written; a malformed one is refused with RunArtifactValidationError.
 *
 * With `afterSessionUpdate`, the session change the artifact records is stored
 * first (its error thrown, nothing written) and the answer says whether the
 * artifact followed it; on one SQLite connection both share one commit.
 */
export function persistRunArtifact(store: RunStore, input: RunArtifactInput): Promise<RunArtifact>;
export function persistRunArtifact(store: RunStore, input: RunArtifactInput, afterSessionUpdate: SessionUpdate): Promise<ArtifactOutcome>;
export function persistRunArtifact(store: RunStore, input: RunArtifactInput, afterSessionUpdate?: SessionUpdate): Promise<RunArtifact | ArtifactOutcome> {
  return afterSessionUpdate ? persistAfterSessionUpdate(store, input, afterSessionUpdate) : store.persistRunArtifact(input);
}

/** Stores bytes under their sha256; put the answer (plus a `name`) in an artifact's `attachments`. */
export function putRunAttachment(store: RunStore, bytes: Uint8Array, mediaType: string): Promise<RunAttachmentStored> {
  return store.putRunAttachment(bytes, mediaType);
}
