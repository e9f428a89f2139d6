import type { GraphQLSchemaModule } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';

/** Federation 2.3 with every directive the zoos use. */
export const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@interfaceObject"])';

/** What a subgraph resolver sees as its context: one client request's run of a document. */
export interface ZooContext {
  /** 1, 2, 3… per run: a mutation's answer depends on the order mutations ran in. */
  serial(): number;
}

export interface ZooSubgraph {
  name: string;
  sdl: string;
  resolvers: NonNullable<GraphQLSchemaModule['resolvers']>;
}

/** A small supergraph of in-process subgraphs whose every answer is derived from ids and arguments. */
export interface Zoo {
  name: string;
  subgraphs: ZooSubgraph[];
  /** Values the document generator puts in ID arguments: known ids, and ones that lead to null or errors. */
  ids: readonly string[];
  /** Values for String arguments. */
  strings: readonly string[];
}

/** FNV-1a: the fixtures' only source of variety, so the same key always gets the same answer. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A field's value, or null, or a thrown error, decided by `key` (type, field, id, arguments):
 * about one in eleven keys gives null and one in eleven an error, so documents meet both at
 * every depth, always at the same places.
 */
export function fated<T>(key: string, value: () => T): T | null {
  const roll = hash(key) % 11;
  if (roll === 0) return null;
  if (roll === 1) throw new Error(`${key} failed`);
  return value();
}

/** Like fated, but never null: for non-null fields, which then fail only by throwing. */
export function fatedNonNull<T>(key: string, value: () => T): T {
  if (hash(key) % 11 === 1) throw new Error(`${key} failed`);
  return value();
}
