import { createHash } from 'node:crypto';
import { printSchema, type GraphQLSchema } from 'graphql';

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one key. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const schemaIds = new WeakMap<GraphQLSchema, string>();

/**
 * Names the schema an answer was computed with: a department publishing a new version changes
 * it, so no answer from the old graph is served on the new one. The same supergraph gives the
 * same id in every gateway process, so they share entries in Redis.
 */
export function schemaId(schema: GraphQLSchema): string {
  let id = schemaIds.get(schema);
  if (!id) {
    id = createHash('sha256').update(printSchema(schema)).digest('hex').slice(0, 16);
    schemaIds.set(schema, id);
  }
  return id;
}

/** The cache key: schema, the document as sent, the operation name and the variables. */
export function responseCacheKey(parts: {
  schemaId: string;
  document: string;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | null | undefined;
}): string {
  return createHash('sha256')
    .update(canonicalJson([parts.schemaId, parts.operationName ?? null, parts.document, parts.variables ?? {}]))
    .digest('hex');
}
