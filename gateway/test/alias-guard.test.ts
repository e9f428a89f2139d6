import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinFieldNames } from '../src/limits/join-field-names.js';
import { findShadowingAlias } from '../src/limits/shadowing-aliases.js';
import type { RunningGateway } from '../src/server.js';
import { composeZoo } from './fuzz/zoo/compose-zoo.js';
import { chain } from './fuzz/zoo/chain.js';
import { mediaZoo } from './fuzz/zoo/media.js';
import { shop } from './fuzz/zoo/shop.js';
import { planningSchemas } from './fuzz/plan-document.js';
import { serveZoo, type ServedZoo } from './fuzz/http/serve-zoo.js';
import { startStockGateway } from './fuzz/http/start-stock-gateway.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

/**
 * An alias with the name of a field the planner joins on (a key field, a @requires field,
 * __typename) shares that field's place in the entity: stock @apollo/gateway 2.14 then answers the
 * key's value for the client's field, silently. govgraph refuses such an operation before planning.
 */
const shadowingIn = (zoo: typeof chain, query: string) => {
  const { supergraphSdl } = composeZoo(zoo, () => 'http://unused.invalid/graphql');
  return findShadowingAlias(planningSchemas(supergraphSdl).apiGraphQLSchema, parse(query), joinFieldNames(supergraphSdl));
};

describe('aliases that shadow a join field', () => {
  it('reads key and @requires fields per type from the supergraph, from every subgraph', () => {
    const { supergraphSdl } = composeZoo(shop, () => 'http://unused.invalid/graphql');
    const joinFields = joinFieldNames(supergraphSdl);
    // Compound keys count by their top-level fields.
    expect([...joinFields.values()].some((names) => names.has('sku') && names.has('pack'))).toBe(true);
    expect(joinFieldNames(composeZoo(chain, () => 'http://unused.invalid/graphql').supergraphSdl).get('P')).toEqual(new Set(['id']));
  });

  it('finds one on an entity, through abstract types and @interfaceObject, and nowhere else', () => {
    expect(shadowingIn(chain, '{ e(id: "1") { p { id: f1 } } }')).toEqual({ alias: 'id', field: 'P.f1', type: 'P' });
    expect(shadowingIn(chain, '{ e(id: "1") { __typename: stamp } }')).toMatchObject({ alias: '__typename' });
    expect(shadowingIn(mediaZoo, '{ topRated { id: similar { __typename } } }')).toMatchObject({ alias: 'id', type: 'Media' });
    expect(shadowingIn(mediaZoo, '{ hits(term: "b") { ... on Book { id: title } } }')).toMatchObject({ alias: 'id' });
    for (const fine of ['{ e(id: "1") { p { x: f1 id } } }', '{ e(id: "1") { id: id p { id } } }', '{ a: e(id: "1") { id } b: e(id: "2") { id } }']) {
      expect(shadowingIn(chain, fine), fine).toBeNull();
    }
  });
});

describe('the gateway refuses them; stock answers wrong data', () => {
  const closers: Array<() => Promise<void>> = [];
  let gateway: RunningGateway;
  let stock: { graphqlUrl: string };

  beforeAll(async () => {
    const served: ServedZoo = await serveZoo(composeZoo(chain, () => 'unused').schemas);
    closers.push(served.close);
    const { supergraphSdl } = composeZoo(chain, served.urlOf);
    const path = join(mkdtempSync(join(tmpdir(), 'govgraph-alias-')), 'supergraph.graphql');
    writeFileSync(path, supergraphSdl);
    const started = await startStockGateway(supergraphSdl);
    closers.push(started.close);
    stock = started;
    gateway = await startGateway({ SUPERGRAPH_PATH: path, GATEWAY_RESPONSE_CACHE: 'off' });
    closers.push(gateway.close);
  });
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('answers 400 GRAPHQL_VALIDATION_FAILED naming the alias, and serves the same fields under another alias', async () => {
    // E's stamp, asked under the alias `id` (E is joined on id): stock answers E's id instead.
    const shadowed = '{ e(id: "1") { id: stamp p { f1 } } }';
    const stockAnswer = await fetch(stock.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: shadowed }) });
    const stockBody = (await stockAnswer.json()) as { data: { e: { id: unknown } }; errors?: unknown };
    const right = await postGraphQL(gateway, { query: '{ e(id: "1") { x: stamp id p { f1 } } }' });
    expect(right.status).toBe(200);
    expect(stockBody.errors).toBeUndefined();
    expect(stockBody.data.e.id).toBe(right.body.data.e.id);
    expect(stockBody.data.e.id).not.toBe(right.body.data.e.x);

    const refused = await postGraphQL(gateway, { query: shadowed });
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: 'The alias "id" on E.stamp takes the name of a field the gateway joins E on; choose another alias',
        extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', reason: 'ALIAS_SHADOWS_JOIN_FIELD', alias: 'id' }),
      }),
    ]);
  });
});
