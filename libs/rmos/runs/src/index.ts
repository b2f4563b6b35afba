// Immutable, content-addressed run artifacts and the persistent session store beside them.
export { SessionConflictError, type SessionStore } from './sessions/session-store.js';
