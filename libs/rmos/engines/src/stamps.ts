import { UnknownEngineError, UnknownEngineVersionError } from './errors.js';
import { ENGINES, RETIRED_ENGINE_VERSIONS, isEngineId, type EngineId } from './registry.js';

/** The version stamps to write on an artifact, e.g. { feasibility: '1.0.0', 'post.grbl': '1.0.0' }. */
export function versionStamps(...engineIds: EngineId[]): Record<string, string> {
  const stamps: Record<string, string> = {};
  for (const id of engineIds) {
    if (!isEngineId(id)) throw new UnknownEngineError(String(id));
    stamps[id] = ENGINES[id].version;
  }
  return stamps;
}

export interface AssertStampsOptions {
  /** Engines that must be stamped (a missing one throws). */
  require?: readonly EngineId[];
  /** Accept versions listed in RETIRED_ENGINE_VERSIONS (reading old artifacts back). Default false. */
  allowRetired?: boolean;
}

/**
 * Throws UnknownEngineVersionError for any stamp the registry does not declare:
 * an unknown engine id, a version that is not the current one (or a retired one
 * when allowRetired), a non-string value, or a required engine missing.
 */
export function assertKnownStamps(stamps: unknown, options: AssertStampsOptions = {}): asserts stamps is Record<string, string> {
  if (stamps === null || typeof stamps !== 'object' || Array.isArray(stamps)) {
    throw new UnknownEngineVersionError('(stamps)', stamps, 'version stamps must be an object of engine id to version');
  }
  const record = stamps as Record<string, unknown>;
  for (const [engine, version] of Object.entries(record)) {
    if (!isEngineId(engine)) throw new UnknownEngineVersionError(engine, version, 'the registry declares no such engine');
    if (typeof version !== 'string') throw new UnknownEngineVersionError(engine, version, 'a version is a string');
    if (version === ENGINES[engine].version) continue;
    if (options.allowRetired && RETIRED_ENGINE_VERSIONS[engine].includes(version)) continue;
    throw new UnknownEngineVersionError(engine, version, `the registry declares ${ENGINES[engine].version}`);
  }
  for (const engine of options.require ?? []) {
    if (!Object.prototype.hasOwnProperty.call(record, engine)) {
      throw new UnknownEngineVersionError(engine, undefined, 'a required stamp is missing');
    }
  }
}
