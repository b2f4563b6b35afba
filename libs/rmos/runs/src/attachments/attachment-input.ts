import { MAX_RUN_ATTACHMENT_BYTES, mediaTypeSchema } from '@luthier/rmos-contracts';
import { RunStoreInputError } from '../errors.js';

/** Checks putRunAttachment's arguments the same way for both backends. */
export function assertAttachmentInput(bytes: Uint8Array, mediaType: string): void {
  if (!(bytes instanceof Uint8Array)) throw new RunStoreInputError('attachment bytes must be a Uint8Array');
  if (bytes.byteLength > MAX_RUN_ATTACHMENT_BYTES) {
    throw new RunStoreInputError(`attachment of ${bytes.byteLength} bytes exceeds ${MAX_RUN_ATTACHMENT_BYTES}`);
  }
  if (!mediaTypeSchema.safeParse(mediaType).success) throw new RunStoreInputError(`bad media type ${JSON.stringify(mediaType)}`);
}
