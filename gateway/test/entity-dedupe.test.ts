import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { RepresentationIndex } from '../src/engine/fetch/entity-dedupe.js';
import type { RunningGateway } from '../src/server.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

/** shelf lists books (Query.books), details resolves Book.title by key: one `_entities` fetch. */
const SUPERGRAPH = fileURLToPath(new URL('./fixtures/entities-supergraph.graphql', import.meta.url));

/** The shelf lists some books more than once; "gone" has no details, "broken" fails to resolve. */
const SHELF = ['1', '2', '1', 'broken', '3', 'broken', 'gone', '1'];
const TITLES: Record<string, string> = { '1': 'Dubliners', '2': 'Ulysses', '3': 'Finnegans Wake' };

type Representation = { __typename: string; id: string };

describe('entity representations sent once per fetch', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function startBooks(): Promise<{ gateway: RunningGateway; received: Representation[][] }> {
    const shelf = await startFakeSubgraph('shelf', () => ({ body: { data: { books: SHELF.map((id) => ({ __typename: 'Book', id })) } } }));
    const received: Representation[][] = [];
    const details = await startFakeSubgraph('details', (request) => {
      const representations = request.variables.representations as Representation[];
      received.push(representations);
      // Like a subgraph: null for an unknown entity, null plus an error for one that failed.
      const errors = representations.flatMap((rep, i) =>
        rep.id === 'broken' ? [{ message: 'title store down', path: ['_entities', i, 'title'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] : [],
      );
      const entities = representations.map((rep) =>
        rep.id in TITLES ? { __typename: 'Book', title: TITLES[rep.id] } : rep.id === 'broken' ? { __typename: 'Book', title: null } : null,
      );
      return { body: { data: { _entities: entities }, ...(errors.length ? { errors } : {}) } };
    });
    closers.push(shelf.close, details.close);
    const gateway = await startGateway({ SUPERGRAPH_PATH: SUPERGRAPH, SUBGRAPH_SHELF_URL: `${shelf.url}/graphql`, SUBGRAPH_DETAILS_URL: `${details.url}/graphql` });
    closers.push(gateway.close);
    return { gateway, received };
  }

  it('sends each distinct representation once and answers every place it appears', async () => {
    const { gateway, received } = await startBooks();
    const answer = await postGraphQL(gateway, { query: '{ books { id title } }' });

    expect(received).toHaveLength(1);
    expect(received[0]!.map((rep) => rep.id)).toEqual(['1', '2', 'broken', '3', 'gone']);
    expect(answer.body.data).toEqual({
      books: SHELF.map((id) => ({ id, title: TITLES[id] ?? null })),
    });
  });

  it('reports an error on a shared representation at each place in the answer', async () => {
    const { gateway } = await startBooks();
    const answer = await postGraphQL(gateway, { query: '{ books { id title } }' });

    const brokenAt = SHELF.flatMap((id, i) => (id === 'broken' ? [i] : []));
    expect(brokenAt).toEqual([3, 5]);
    expect(answer.body.errors?.map((error) => error.path)).toEqual(brokenAt.map((i) => ['books', i, 'title']));
    expect(answer.body.errors?.every((error) => error.message === 'title store down')).toBe(true);
  });
});

describe('RepresentationIndex', () => {
  it('gives equal representations one index and tells apart every difference', () => {
    const book = (id: unknown) => ({ __typename: 'Book', id });
    const distinct = [
      book('1'),
      book(1),
      book(true),
      book(null),
      book('true'),
      book({ isbn: '1' }),
      book({ isbn: 1 }),
      { __typename: 'Book', id: '1', shelf: 'x' },
      { __typename: 'Book', id: '1:x' },
      { __typename: 'Book', shelf: '1' },
      { __typename: 'Paper', id: '1' },
    ];
    const index = new RepresentationIndex();
    expect(distinct.map((rep) => index.indexOf(rep))).toEqual(distinct.map((_, i) => i));
    // Fresh but equal objects, flat or nested, find the index of their first appearance.
    expect(index.indexOf(book('1'))).toBe(0);
    expect(index.indexOf(book({ isbn: '1' }))).toBe(5);
    expect(index.indexOf({ __typename: 'Paper', id: '1' })).toBe(10);
  });
});
