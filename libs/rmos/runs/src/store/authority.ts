import type { RunArtifact, RunArtifactInput, RunAttachmentStored } from '@luthier/rmos-contracts';
import type { RunStore } from './run-store.js';

/**
 * The authority functions of contract §3: the only ways to write to the audit
 * trail. The artifact is validated (schema and every hash) before anything is
 * written; a malformed one is refused with RunArtifactValidationError.
 */
export function persistRunArtifact(store: RunStore, input: RunArtifactInput): Promise<RunArtifact> {
  return store.persistRunArtifact(input);
}

/** Stores bytes under their sha256; put the answer (plus a `name`) in an artifact's `attachments`. */
export function putRunAttachment(store: RunStore, bytes: Uint8Array, mediaType: string): Promise<RunAttachmentStored> {
  return store.putRunAttachment(bytes, mediaType);
}
