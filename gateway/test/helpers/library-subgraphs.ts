import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { execute, parse, type GraphQLSchema } from 'graphql';

/**
 * Two small subgraphs built with @apollo/subgraph, executed for real: `shelf` lists books and a
 * featured one, `details` resolves a Book's title and pages by key. "gone" has no details,
 * "broken" has a title that fails, "crash" fails the whole answer, book 3's pages fail: every way an
 * `_entities` answer can go wrong.
 */
const SHELF_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query { books: [Book] featured: Book crashing: Book }
  type Mutation { shelve(id: ID!): Book }
  type Book @key(fields: "id") { id: ID! }
`;
const DETAILS_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Book @key(fields: "id") { id: ID! title: String pages: Int }
`;

export const SHELF = ['1', '2', '1', 'broken', '3', 'broken', 'gone', '1'];
export const FEATURED = '3';
const TITLES: Record<string, string> = { '1': 'Dubliners', '2': 'Ulysses', '3': 'Finnegans Wake' };
const PAGES: Record<string, number> = { '1': 152, '2': 730 };

export const shelfSchema: GraphQLSchema = buildSubgraphSchema({
  typeDefs: parse(SHELF_SDL),
  resolvers: {
    Query: { books: () => SHELF.map((id) => ({ id })), featured: () => ({ id: FEATURED }), crashing: () => ({ id: 'crash' }) },
    Mutation: { shelve: (_: unknown, { id }: { id: string }) => ({ id }) },
  },
});

export const detailsSchema: GraphQLSchema = buildSubgraphSchema({
  typeDefs: parse(DETAILS_SDL),
  resolvers: {
    Book: {
      __resolveReference: ({ id }: { id: string }) => {
        // A throw here fails the whole `_entities` field, and so the answer's data.
        if (id === 'crash') throw new Error('reference resolver crashed');
        return id in TITLES || id === 'broken' ? { id } : null;
      },
      title: ({ id }: { id: string }) => {
        if (id === 'broken') throw new Error('title store down');
        return TITLES[id];
      },
      pages: ({ id }: { id: string }) => {
        if (!(id in PAGES)) throw new Error(`no page count for ${id}`);
        return PAGES[id];
      },
    },
  },
});

/** A GraphQL request run against a subgraph schema and sent through JSON, as over the wire. */
export async function executeOn(schema: GraphQLSchema, request: { query: string; variables?: Record<string, unknown> }) {
  const result = await execute({ schema, document: parse(request.query), variableValues: request.variables ?? {} });
  return JSON.parse(JSON.stringify(result)) as { data?: Record<string, any> | null; errors?: Array<{ message: string; path?: Array<string | number> }> };
}

/** The composed supergraph, written to a temporary file, routed to the given URLs. */
export function writeLibrarySupergraph(urls: { shelf: string; details: string }): string {
  const { supergraphSdl, errors } = composeServices([
    { name: 'shelf', typeDefs: parse(SHELF_SDL), url: urls.shelf },
    { name: 'details', typeDefs: parse(DETAILS_SDL), url: urls.details },
  ]);
  if (errors?.length) throw new Error(errors.map((error) => error.message).join('\n'));
  const path = join(mkdtempSync(join(tmpdir(), 'govgraph-library-')), 'supergraph.graphql');
  writeFileSync(path, supergraphSdl!);
  return path;
}
