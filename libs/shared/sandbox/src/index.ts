// The sandbox store: the one place advisory output may be written, confined at run time.
export { createSandboxStore, SANDBOX_DIR, type SandboxStore, type SandboxStoreOptions } from './sandbox-store.js';
export { SandboxPathError, type SandboxErrorCode } from './errors.js';
export { parseSandboxPath } from './relative-path.js';
