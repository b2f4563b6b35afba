/** Every refusal of the sandbox store carries a stable code; nothing is written when one is thrown. */
export type SandboxErrorCode =
  | 'SANDBOX_PATH_INVALID'
  | 'SANDBOX_PATH_ABSOLUTE'
  | 'SANDBOX_PATH_TRAVERSAL'
  | 'SANDBOX_SYMLINK_ESCAPE'
  | 'SANDBOX_NOT_FOUND'
  | 'SANDBOX_TOO_LARGE';

export class SandboxPathError extends Error {
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
    readonly relativePath: string,
  ) {
    super(message);
    this.name = 'SandboxPathError';
  }
}
