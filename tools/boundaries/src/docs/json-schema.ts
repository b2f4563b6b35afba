import { z } from 'zod';
import { policySchema } from '../policy/schema.js';

/**
 * The JSON Schema editors use for security/boundary-policy.json, generated from the zod schema
 * (the cross-field checks in superRefine, like unknown zone ids, are enforced only at load time).
 */
export function policyJsonSchema(): string {
  const schema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  const doc = {
    ...schema,
    $id: 'boundary-policy.schema.json',
    title: 'Luthier boundary policy',
    description: 'GENERATED from tools/boundaries/src/policy/schema.ts by `npm run boundaries -- --write-security-doc`; do not edit by hand.',
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
