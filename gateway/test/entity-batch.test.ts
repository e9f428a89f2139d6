import { afterEach, describe, expect, it } from 'vitest';
import { combineEntityFetches } from '../src/engine/fetch/entity-batch.js';
import { detailsSchema, executeOn, FEATURED, SHELF, shelfSchema, writeLibrarySupergraph } from './helpers/library-subgraphs.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

const book = (id: string) => ({ __typename: 'Book', id });

/** `_entities` fetches as @apollo/gateway's planner writes them (names numbered apart). */
const TITLE = (n: number) => `query Shelf__details__${n}($representations:[_Any!]!){_entities(representations:$representations){...on Book{title}}}`;
const TITLE_AND_PAGES = `query Shelf__details__3($representations:[_Any!]!){_entities(representations:$representations){...on Book{title ...Pages}}} fragment Pages on Book{pages}`;
const MAYBE_PAGES = `query Shelf__details__4($representations:[_Any!]!,$withPages:Boolean!){_entities(representations:$representations){...on Book{id pages@include(if:$withPages) ...Pages}}} fragment Pages on Book{title}`;

/**
 * Errors in a stable order, without `locations` (places in the subgraph's document, which the
 * gateway never passes on), so an answer split from a batch compares with one sent alone.
 */
function sorted<T extends { errors?: object[] }>(answer: T): T {
  if (!answer.errors) return answer;
  const errors = answer.errors.map((error) => ({ ...error, locations: undefined })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return { ...answer, errors };
}

describe('combining the _entities fetches of one moment', () => {
  const fetches = [
    { query: TITLE(1), variables: { representations: ['1', '2', '1', 'broken'].map(book) } },
    { query: TITLE(2), variables: { representations: ['2', '3', 'gone'].map(book) } },
    { query: TITLE_AND_PAGES, variables: { representations: ['3', 'broken', '1'].map(book) } },
    { query: MAYBE_PAGES, variables: { representations: ['2', '3'].map(book), withPages: true } },
  ];

  it('asks a real subgraph once and splits its answer into what each fetch gets alone, errors included', async () => {
    const batch = combineEntityFetches(fetches)!;
    // The same selection under two names is one field; every distinct representation goes once.
    expect(batch.request.query.match(/_entities/g)).toHaveLength(3);
    expect(batch.request.variables.g0_representations).toEqual(['1', '2', 'broken', '3', 'gone'].map(book));
    expect(batch.request.variables.g2_withPages).toBe(true);

    const split = batch.split(await executeOn(detailsSchema, batch.request));
    const alone = await Promise.all(fetches.map((fetch) => executeOn(detailsSchema, fetch)));
    expect(split.map(sorted)).toEqual(alone.map(sorted));
    // The cases the comparison covers: failed fields, a missing entity.
    expect(alone[0]!.errors?.map((error) => error.path)).toEqual([['_entities', 3, 'title']]);
    expect(alone[1]!.data?._entities[2]).toBeNull();
    expect(alone[2]!.errors?.map((error) => error.path)).toContainEqual(['_entities', 0, 'pages']);
  });

  it('gives a failure of the whole answer to every fetch', () => {
    const batch = combineEntityFetches(fetches)!;
    const split = batch.split({ data: null, errors: [{ message: 'subgraph overloaded' }] });
    expect(split).toEqual(fetches.map(() => ({ data: null, errors: [{ message: 'subgraph overloaded' }] })));
  });

  it('keeps an answer of the wrong length for the executor to refuse', () => {
    const batch = combineEntityFetches(fetches.slice(0, 1))!;
    expect(batch.split({ data: { _0: [{ title: 'x' }] } })).toEqual([{ data: { _entities: [{ title: 'x' }] } }]);
  });

  it('leaves anything but plain _entities queries alone', () => {
    expect(combineEntityFetches([{ query: '{ books { id } }', variables: {} }])).toBeNull();
    expect(
      combineEntityFetches([{ query: 'mutation M($representations:[_Any!]!){_entities(representations:$representations){__typename}}', variables: { representations: [] } }]),
    ).toBeNull();
    expect(
      combineEntityFetches([
        { query: TITLE(1), variables: { representations: [] } },
        { query: 'query { oops', variables: { representations: [] } },
      ]),
    ).toBeNull();
  });
});

describe('a request sends its simultaneous _entities fetches to one subgraph as one', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function startLibrary(batching: 'on' | 'off') {
    const shelf = await startFakeSubgraph('shelf', async (request) => ({ body: await executeOn(shelfSchema, request) }));
    const details = await startFakeSubgraph('details', async (request) => ({ body: await executeOn(detailsSchema, request) }));
    closers.push(shelf.close, details.close);
    const supergraph = writeLibrarySupergraph({ shelf: `${shelf.url}/graphql`, details: `${details.url}/graphql` });
    const gateway = await startGateway({ SUPERGRAPH_PATH: supergraph, GATEWAY_BATCH_ENTITY_FETCHES: batching });
    closers.push(gateway.close);
    return { gateway, details };
  }

  // books.@ and featured are two branches of one parallel step: two fetches to details.
  const QUERY = '{ books { id title } featured { id title pages } }';

  it('answers the same with one subgraph request instead of two, errors at the same places', async () => {
    const batched = await startLibrary('on');
    const separate = await startLibrary('off');
    const [one, two] = [await postGraphQL(batched.gateway, { query: QUERY }), await postGraphQL(separate.gateway, { query: QUERY })];

    expect(batched.details.seen).toHaveLength(1);
    expect(separate.details.seen).toHaveLength(2);
    expect(one.body).toEqual(two.body);
    expect(one.body.data.books.map((b: { title: string | null }) => b.title)).toEqual(SHELF.map((id) => ({ '1': 'Dubliners', '2': 'Ulysses', '3': 'Finnegans Wake' })[id] ?? null));
    expect(one.body.data.featured).toEqual({ id: FEATURED, title: 'Finnegans Wake', pages: null });
    expect(one.body.errors?.map((error) => error.path)).toEqual([
      ['books', 3, 'title'],
      ['books', 5, 'title'],
      ['featured', 'pages'],
    ]);
  });
  it('sends the fetches again one by one when the subgraph failed the whole answer, so only the failing one fails', async () => {
    const crashing = '{ books { id title } crashing { id title } }';
    const batched = await startLibrary('on');
    const separate = await startLibrary('off');
    const [one, two] = [await postGraphQL(batched.gateway, { query: crashing }), await postGraphQL(separate.gateway, { query: crashing })];

    // One combined request whose data came back null, then each fetch alone.
    expect(batched.details.seen).toHaveLength(3);
    expect(one.body).toEqual(two.body);
    expect(one.body.data.books[0]).toEqual({ id: '1', title: 'Dubliners' });
    expect(one.body.data.crashing).toEqual({ id: 'crash', title: null });
  });
});
