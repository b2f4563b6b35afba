import { readFileSync } from 'node:fs';
import path from 'node:path';
import { policyJsonSchema } from '../docs/json-schema.js';
import { generateSection, readSection, SECTIONS } from '../docs/security-md.js';
import type { Policy } from '../policy/schema.js';
import type { Violation } from '../runner/types.js';
import { integrityViolation, lineOf } from './types.js';

export const SECURITY_MD = 'SECURITY.md';
export const SCHEMA_FILE = 'security/boundary-policy.schema.json';
const FIX = 'run `npm run boundaries -- --write-security-doc` and commit the result';

function readText(abs: string): string | null {
  try {
    return readFileSync(abs, 'utf8');
  } catch {
    return null;
  }
}

/** SECURITY.md's generated sections and the editors' JSON Schema must say exactly what the policy and its schema say. */
export function checkGeneratedDrift(root: string, policy: Policy): Violation[] {
  const out: Violation[] = [];
  const doc = readText(path.join(root, SECURITY_MD));
  if (doc === null) out.push(integrityViolation(SECURITY_MD, 1, `${SECURITY_MD} is missing: its zone table and compliance matrix are generated from the policy; ${FIX}`));
  else
    for (const name of SECTIONS) {
      const current = readSection(doc, name);
      if (current === null) out.push(integrityViolation(SECURITY_MD, 1, `${SECURITY_MD} lacks the generated ${name} section (<!-- generated:${name}:start --> … end markers): add the markers, then ${FIX}`));
      else if (current !== generateSection(policy, name).trim())
        out.push(integrityViolation(SECURITY_MD, lineOf(doc, `<!-- generated:${name}:start -->`), `${SECURITY_MD}'s generated ${name} section has drifted from security/boundary-policy.json: ${FIX}`));
    }
  const schema = readText(path.join(root, SCHEMA_FILE));
  if (schema === null) out.push(integrityViolation(SCHEMA_FILE, 1, `${SCHEMA_FILE} is missing: ${FIX}`));
  else if (schema !== policyJsonSchema()) out.push(integrityViolation(SCHEMA_FILE, 1, `${SCHEMA_FILE} has drifted from the policy's zod schema: ${FIX}`));
  return out;
}
