import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * fastify-type-provider-zod's validator and serializer, handed zod's AOT-compiled clone
 * of each route schema (z.compile, as @luthier/rmos-feasibility does for its inputs):
 * the same checks — strict keys, every bound, the refinements — run as straight-line
 * code instead of the schema walk. An input the compiled path refuses is parsed again
 * by the regular parser, so the issues (and the VALIDATION_FAILED answer) are the same;
 * a schema zod cannot compile comes back unchanged and is parsed the regular way. Each
 * route keeps its original schema, so the OpenAPI document does not change.
 */
const compiled = new WeakMap<object, z.ZodType>();

function compiledOf(schema: unknown): unknown {
  if (!(schema instanceof z.ZodType)) return schema; // fastify's { properties } wrapping: left to the library
  let fast = compiled.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast;
}

export const compiledValidatorCompiler: FastifySchemaCompiler<unknown> = (route) => validatorCompiler({ ...route, schema: compiledOf(route.schema) as z.ZodType });

/** Only what a response schema declares leaves the server; a body that does not match it is a 500. */
export const compiledSerializerCompiler: FastifySerializerCompiler<unknown> = (route) =>
  serializerCompiler({ ...route, schema: compiledOf(route.schema) as z.ZodType });
