import type { RunStore, SessionStore } from '@luthier/rmos-runs';
import type { AdvisoryPorts } from '@luthier/experimental-ai';
import type { ToolpathEngine } from '@luthier/rmos-toolpaths';
import type { TokenRegistry } from '../auth/token-registry.js';

/** What the use cases of @luthier/rmos-workflow take as their first argument. */
export interface UseCaseDeps {
  sessions: SessionStore;
  runs: RunStore;
  toolpaths?: ToolpathEngine;
  clock?: () => Date;
}

/** Handed to every route plugin by the app. */
export interface RouteOptions {
  tokens: TokenRegistry;
  deps: UseCaseDeps;
  advisory: AdvisoryPorts;
}
