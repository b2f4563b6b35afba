// The workflow session state machine and approval.
export { SessionConflictError, type SessionStore } from './session-store.js';
