import type { WorkflowSession } from '@luthier/rmos-contracts';
import type { GenerateToolpathsOptions } from '../generate.js';
import type { ToolpathResult } from '../render.js';

export type ToToolpathThread = { type: 'generate'; id: number; session: WorkflowSession; options: GenerateToolpathsOptions };

/** A refusal or failure is not carried across: the caller runs the call itself for its own error (see ThreadToolpathEngine). */
export type FromToolpathThread = { type: 'ready' } | { type: 'done'; id: number; ok: true; result: ToolpathResult } | { type: 'done'; id: number; ok: false };
