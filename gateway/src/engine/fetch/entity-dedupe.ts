import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { OwnCopies } from './own-copies.js';

/** The request a data source sends (the gateway's own request type, taken from its options). */
type SubgraphRequest = GraphQLDataSourceProcessOptions['request'];

/** A `_entities` fetch's representations with duplicates removed, and where each original went. */
export interface DedupedEntities<R extends SubgraphRequest = SubgraphRequest> {
  /** The request to send: the same, with each distinct representation once. */
  request: R;
  /** For each original representation, the index of its distinct one in the request sent. */
  positions: number[];
}

interface SubgraphResponse {
  data?: Record<string, unknown> | null;
  errors?: ReadonlyArray<{ path?: ReadonlyArray<string | number> }>;
}

/**
 * @apollo/gateway sends one representation per place an entity appears in the answer so far,
 * so the same product or user goes to a subgraph many times over (the deep benchmark query:
 * most of them). Sending each once saves the subgraph the repeated work and the gateway the
 * repeated bytes. Returns null when there is nothing to collapse.
 *
 * Equal means the same fields in the same order with the same values (RepresentationIndex): the
 * executor builds every representation of one fetch from the same `requires` selection, so equal
 * entities list their fields in the same order.
 */
export function dedupeRepresentations<R extends SubgraphRequest>(request: R): DedupedEntities<R> | null {
  const representations = request.variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return null;
  const index = new RepresentationIndex();
  const distinct: unknown[] = [];
  const positions = new Array<number>(representations.length);
  for (let i = 0; i < representations.length; i++) {
    const position = index.indexOf(representations[i]);
    if (position === distinct.length) distinct.push(representations[i]);
    positions[i] = position;
  }
  if (distinct.length === representations.length) return null;
  return { request: { ...request, variables: { ...request.variables, representations: distinct } }, positions };
}

/**
 * Puts a deduped answer back in the shape the executor asked for: every original position gets
 * its distinct entity (null stays null), and an error at `_entities.<distinct>` is repeated at
 * every original position that shares it, so @apollo/gateway reports it at each place in the
 * answer. Entities are shared, not copied: the executor merges them into its own objects (nested
 * ones by reference, so positions may end up sharing them) and builds the client's answer afresh;
 * equal representations get equal data, so a shared object only ever receives the same merges.
 *
 * An answer whose `_entities` is not a list of the distinct length is left as it came, for the
 * executor to refuse as it would any malformed answer.
 */
export function fanOutEntities<T extends SubgraphResponse>(response: T, deduped: DedupedEntities): T {
  const entities = response.data?._entities;
  const distinctCount = deduped.request.variables!.representations.length as number;
  if (!Array.isArray(entities) || entities.length !== distinctCount) return response;
  // A representation asked for twice gets its own object at each place (own-copies.ts).
  const copies = new OwnCopies();
  const fanned = deduped.positions.map((index) => copies.take(entities[index]));
  const result: T = { ...response, data: { ...response.data, _entities: fanned } };
  if (response.errors) result.errors = fanOutErrors(response.errors, deduped.positions, distinctCount);
  return result;
}

/** One step of a representation: a field name, then its value; the last node holds its index. */
class KeyNode {
  readonly next = new Map<unknown, KeyNode>();
  index = -1;

  step(key: unknown): KeyNode {
    let node = this.next.get(key);
    if (!node) {
      node = new KeyNode();
      this.next.set(key, node);
    }
    return node;
  }
}

/**
 * Gives equal representations the same index, in order of first appearance. A flat one (a
 * typename and scalar key fields, the usual case) is looked up field by field in a tree of Maps:
 * the strings came from parsed JSON and keep their hashes, so this is several times cheaper than
 * serialising each one, and Map's SameValueZero keeps "1" and 1 apart. A representation with a
 * nested key field is keyed by its JSON.
 */
export class RepresentationIndex {
  private readonly root = new KeyNode();
  private readonly nested = new Map<string, number>();
  private count = 0;

  indexOf(representation: unknown): number {
    let node: KeyNode | null = this.root;
    if (typeof representation !== 'object' || representation === null) node = null;
    else {
      for (const name in representation) {
        const value = (representation as Record<string, unknown>)[name];
        if (typeof value === 'object' && value !== null) {
          node = null;
          break;
        }
        node = node.step(name).step(value);
      }
    }
    if (node) {
      if (node.index < 0) node.index = this.count++;
      return node.index;
    }
    const key = JSON.stringify(representation);
    let index = this.nested.get(key);
    if (index === undefined) {
      index = this.count++;
      this.nested.set(key, index);
    }
    return index;
  }
}

function fanOutErrors<E extends { path?: ReadonlyArray<string | number> }>(errors: readonly E[], positions: readonly number[], distinctCount: number): E[] {
  // Distinct index → the original positions that share it (built only when an error needs it).
  let sharedBy: number[][] | undefined;
  const out: E[] = [];
  for (const error of errors) {
    const path = error.path;
    if (path?.[0] !== '_entities' || typeof path[1] !== 'number') {
      out.push(error);
      continue;
    }
    if (!sharedBy) {
      sharedBy = Array.from({ length: distinctCount }, () => []);
      positions.forEach((index, original) => sharedBy![index]!.push(original));
    }
    const originals = sharedBy[path[1]];
    if (!originals?.length) {
      out.push(error);
      continue;
    }
    for (const original of originals) out.push({ ...error, path: ['_entities', original, ...path.slice(2)] });
  }
  return out;
}
