/** A version stamp names an engine or a version the registry does not declare. */
export class UnknownEngineVersionError extends Error {
  readonly code = 'UNKNOWN_ENGINE_VERSION';
  readonly status = 409;
  constructor(
    readonly engine: string,
    readonly version: unknown,
    detail: string,
  ) {
    super(`unknown engine version stamp ${engine}=${String(version)}: ${detail}`);
    this.name = 'UnknownEngineVersionError';
  }
}

/** versionStamps() was asked for an engine id the registry does not list. */
export class UnknownEngineError extends Error {
  readonly code = 'UNKNOWN_ENGINE';
  readonly status = 500;
  constructor(readonly engine: string) {
    super(`unknown engine id "${engine}"`);
    this.name = 'UnknownEngineError';
  }
}
