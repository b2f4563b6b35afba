// Canonical JSON encoding and the sha256 helpers that every hash in the platform uses.
export { canonicalNumber, writeCanonicalNumber, MAX_NUMBER_LENGTH } from './number.js';
export { canonicalJson, hasCanonicalShape, CanonicalJsonError, type JsonValue } from './canonical-json.js';
export { sha256Hex, hashCanonical, isSha256Hex, SHA256_HEX, type Sha256Hex } from './sha256.js';
