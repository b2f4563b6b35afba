import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sha256Hex } from '@luthier/shared-hashing';
import { policySchema, type Policy } from './schema.js';

export const WORKSPACE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const DEFAULT_POLICY_FILE = path.join(WORKSPACE_ROOT, 'security/boundary-policy.json');

export class PolicyError extends Error {
  readonly code = 'BOUNDARY_POLICY_INVALID';
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`invalid boundary policy ${file}:\n  ${issues.join('\n  ')}`);
    this.name = 'PolicyError';
  }
}

export interface LoadedPolicy {
  policy: Policy;
  file: string;
  /** sha256 of the policy file's bytes: part of every cache key. */
  hash: string;
}

/** Parses and validates a policy text; a bad field is named by its path. */
export function parsePolicy(text: string, file = '<policy>'): LoadedPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new PolicyError(file, [`not valid JSON: ${(err as Error).message}`]);
  }
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    throw new PolicyError(
      file,
      result.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`),
    );
  }
  return { policy: result.data, file, hash: sha256Hex(text) };
}

export function loadPolicy(file = process.env.BOUNDARY_POLICY ?? DEFAULT_POLICY_FILE): LoadedPolicy {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new PolicyError(file, [`cannot read: ${(err as Error).message}`]);
  }
  return parsePolicy(text, file);
}
