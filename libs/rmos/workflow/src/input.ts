import { z } from 'zod';
import { sessionIdSchema, transitionRequestSchema } from '@luthier/rmos-contracts';
import { WorkflowInputError } from './errors.js';

export const TOOLPATH_DIALECTS = ['grbl', 'linuxcnc', 'fanuc'] as const;
export type ToolpathDialect = (typeof TOOLPATH_DIALECTS)[number];

export const approveRequestSchema = z.strictObject({ session_id: sessionIdSchema });
export type ApproveRequest = z.infer<typeof approveRequestSchema>;

export const toolpathsRequestSchema = z.strictObject({
  session_id: sessionIdSchema,
  /** Defaults to the dialect of the session's machine profile. */
  dialect: z.enum(TOOLPATH_DIALECTS).optional(),
});
export type ToolpathsRequest = z.infer<typeof toolpathsRequestSchema>;

export const transitionWorkflowRequestSchema = transitionRequestSchema.extend({ session_id: sessionIdSchema });
export type TransitionWorkflowRequest = z.infer<typeof transitionWorkflowRequestSchema>;

/** Parses `input` or throws WorkflowInputError (INVALID_REQUEST, 400) listing each issue's path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message }));
  throw new WorkflowInputError(`invalid ${what}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
}
