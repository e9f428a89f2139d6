import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The public root fields of the graph and how long an anonymous answer touching them may be
 * served from the response cache, in seconds. The gateway decides this (the subgraphs send no
 * cache hints): anything not listed here is never cached. Freshness does not rest on the TTL
 * alone — a write through the gateway to a department, and the catalog's `catalog-changed`
 * event, drop that department's cached answers at once (see use-response-cache.ts) — so the TTL
 * bounds what only time changes: a licence expiring at midnight, the hall's figures.
 */
export const PUBLIC_QUERY_FIELDS: Readonly<Record<string, number>> = Object.freeze({
  // catalog (SearchCatalog, MatterGuide, the statistics page): changes by reseed or migration only.
  matters: 600,
  matter: 600,
  departments: 600,
  division: 600,
  catalogStatistics: 600,
  // licences: the types are reference data; a verification shows a status that can expire.
  licenceTypes: 600,
  verifyLicence: 60,
  // applications (HallStatistics): the year's figures, also dropped on every write to applications.
  hallStatistics: 300,
});

/**
 * The TTL for an operation, or null when it may not be cached: every field at its root (through
 * fragments) must be public; the shortest TTL among them wins. `__typename` is free.
 */
export function publicMaxAgeSeconds(
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  fields: Readonly<Record<string, number>> = PUBLIC_QUERY_FIELDS,
): number | null {
  if (operation.operation !== 'query') return null;
  let maxAge = Number.POSITIVE_INFINITY;
  let any = false;
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>): boolean => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name === '__typename') continue;
        const ttl = Object.hasOwn(fields, name) ? fields[name] : undefined;
        if (ttl === undefined || ttl <= 0) return false;
        maxAge = Math.min(maxAge, ttl);
        any = true;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!visit(selection.selectionSet, seen)) return false;
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment) return false;
        if (seen.has(name)) continue;
        if (!visit(fragment.selectionSet, new Set([...seen, name]))) return false;
      }
    }
    return true;
  };
  if (!visit(operation.selectionSet, new Set())) return null;
  return any ? maxAge : null;
}
