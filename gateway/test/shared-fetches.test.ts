import { setTimeout as sleep } from 'node:timers/promises';
import type { Claims } from '@govgraph/kit/trust';
import { afterEach, describe, expect, it } from 'vitest';
import { detailsSchema, executeOn, shelfSchema, writeLibrarySupergraph } from './helpers/library-subgraphs.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

const claimsFor = (accountId: string): Claims => ({ accountId, personId: null, applicantId: null, roles: [], department: null });

describe('identical anonymous queries in flight together share one subgraph fetch', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  /** Subgraphs that take 100 ms to answer, so five requests sent together overlap. */
  async function startLibrary(sharing: 'on' | 'off') {
    const slowly = (schema: typeof shelfSchema) => async (request: { query: string; variables: Record<string, unknown> }) => {
      await sleep(100);
      return { body: await executeOn(schema, request) };
    };
    const shelf = await startFakeSubgraph('shelf', slowly(shelfSchema));
    const details = await startFakeSubgraph('details', slowly(detailsSchema));
    closers.push(shelf.close, details.close);
    const supergraph = writeLibrarySupergraph({ shelf: `${shelf.url}/graphql`, details: `${details.url}/graphql` });
    // shelf and details are no govgraph departments: told to take the callers' claims, so each fetch's caller shows.
    const env = { SUPERGRAPH_PATH: supergraph, GATEWAY_SHARE_PUBLIC_FETCHES: sharing, SUBGRAPH_SHELF_CLAIMS: 'on', SUBGRAPH_DETAILS_CLAIMS: 'on' };
    const gateway = await startGateway(env, { verifyToken: async (token) => claimsFor(token) });
    closers.push(gateway.close);
    const fiveTogether = (body: unknown, token?: string) =>
      Promise.all(Array.from({ length: 5 }, () => postGraphQL(gateway, body, token ? { authorization: `Bearer ${token}` } : {})));
    return { shelf, details, fiveTogether };
  }

  const BOOKS = { query: '{ books { id title } }' };

  it('asks each subgraph once for five anonymous callers, and each gets the whole answer', async () => {
    const library = await startLibrary('on');
    const answers = await library.fiveTogether(BOOKS);
    expect(library.shelf.seen).toHaveLength(1);
    expect(library.details.seen).toHaveLength(1);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.data.books[0]).toEqual({ id: '1', title: 'Dubliners' });
    // Each caller's answer is its own object: nothing one request merged leaked into another's.
    expect(answers.map((answer) => answer.body.data.books.length)).toEqual([8, 8, 8, 8, 8]);
  });

  it('never shares a signed-in caller’s fetch, nor a mutation, nor with sharing off', async () => {
    const library = await startLibrary('on');
    await library.fiveTogether(BOOKS, 'lisi');
    expect(library.shelf.seen).toHaveLength(5);
    expect(library.shelf.seen.every((request) => request.claims?.accountId === 'lisi')).toBe(true);

    const shelved = await library.fiveTogether({ query: 'mutation { shelve(id: "2") { id } }' });
    expect(shelved.every((answer) => answer.body.data?.shelve?.id === '2')).toBe(true);
    expect(library.shelf.seen).toHaveLength(10);

    const off = await startLibrary('off');
    await off.fiveTogether(BOOKS);
    expect(off.shelf.seen).toHaveLength(5);
  });
});
