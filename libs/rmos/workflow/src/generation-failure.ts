import { GateError } from '@luthier/rmos-gates';
import { ToolpathGenerationError } from './errors.js';

/**
 * What the toolpath engine threw, sorted: a refusal (a gate error, or any typed
 * error with a 4xx status, such as a channel narrower than the tool) is kept and
 * recorded BLOCKED; anything else is a failure inside generation, wrapped as
 * ToolpathGenerationError (TOOLPATHS_FAILED, 500) and recorded ERROR.
 */
export function asGenerationOutcome(cause: unknown): Error {
  if (cause instanceof GateError) return cause;
  const e = cause as { code?: unknown; status?: unknown } | null;
  if (cause instanceof Error && typeof e?.code === 'string' && typeof e.status === 'number' && e.status >= 400 && e.status < 500) return cause;
  return new ToolpathGenerationError(cause instanceof Error ? cause.message : String(cause), { cause });
}
