// Engine version registry and version stamps: a leaf library (shared-hashing only).
export { ENGINES, ENGINE_IDS, RETIRED_ENGINE_VERSIONS, isEngineId, type EngineId } from './registry.js';
export { versionStamps, assertKnownStamps, type AssertStampsOptions } from './stamps.js';
export { checkTableHash } from './table-hash.js';
export { UnknownEngineVersionError, UnknownEngineError } from './errors.js';
