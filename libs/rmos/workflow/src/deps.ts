import { randomBytes } from 'node:crypto';
import type { RunStore, SessionStore } from '@luthier/rmos-runs';
import type { ToolpathEngine } from '@luthier/rmos-toolpaths';

/** What every use case needs: the session store, the run store and (for tests) a clock and an id source. */
export interface WorkflowDeps {
  sessions: SessionStore;
  runs: RunStore;
  /** Where generateToolpaths runs (a server hands in its toolpath thread); in the caller's thread if absent. */
  toolpaths?: ToolpathEngine;
  clock?: () => Date;
  newSessionId?: () => string;
}

export function nowIso(deps: WorkflowDeps): string {
  return (deps.clock ?? (() => new Date()))().toISOString();
}

/** ses_ and 128 random bits: unguessable, so a session id is not an enumeration handle. */
export function newSessionId(deps: WorkflowDeps): string {
  return deps.newSessionId ? deps.newSessionId() : `ses_${randomBytes(16).toString('hex')}`;
}
