import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/server.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { startHttpServer, type TestServer } from './helpers/http-server.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

const MATTERS = { data: { matters: [{ __typename: 'Matter', code: 'M1', title: 'Food shop' }] } };
const QUERY = { query: '{ matters { code title licenceTypes } }' };

/** A URL where nothing listens: a server's port, after the server closed. */
async function deadUrl(): Promise<string> {
  const server = await startHttpServer(() => undefined);
  await server.close();
  return `${server.url}/graphql`;
}

describe('when a subgraph fails', () => {
  let catalog: TestServer;
  let hanging: TestServer;
  const gateways: RunningGateway[] = [];

  async function gatewayWithLicencesAt(licencesUrl: string, env: Record<string, string> = {}) {
    const gateway = await startGateway({ CATALOG_URL: `${catalog.url}/graphql`, LICENCES_URL: licencesUrl, ...env });
    gateways.push(gateway);
    return gateway;
  }

  function expectDownstreamError(answer: Awaited<ReturnType<typeof postGraphQL>>) {
    expect(answer.status).toBe(200);
    // Partial data: catalog's part is there, licences' part is null.
    expect(answer.body.data).toEqual({ matters: [{ code: 'M1', title: 'Food shop', licenceTypes: null }] });
    expect(answer.body.errors).toEqual([{ message: 'The licences service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'licences' } }]);
    expect(answer.text).not.toMatch(/127\.0\.0\.1|localhost|stacktrace|ECONNREFUSED/);
  }

  beforeAll(async () => {
    catalog = await startFakeSubgraph('catalog', () => ({ body: MATTERS }));
    hanging = await startHttpServer(() => new Promise(() => undefined));
  });
  afterAll(async () => {
    await Promise.all(gateways.map((gateway) => gateway.close()));
    await Promise.all([catalog.close(), hanging.close()]);
  });

  it('returns partial data and DOWNSTREAM_SERVICE_ERROR when the connection is refused', async () => {
    const gateway = await gatewayWithLicencesAt(await deadUrl());
    expectDownstreamError(await postGraphQL(gateway, QUERY));
  });

  it('does the same when the subgraph answers an HTTP error', async () => {
    const failing = await startFakeSubgraph('licences', () => ({ status: 503, body: { error: 'overloaded at http://10.0.0.7' } }));
    const gateway = await gatewayWithLicencesAt(`${failing.url}/graphql`);
    expectDownstreamError(await postGraphQL(gateway, QUERY));
    await failing.close();
  });

  it('does the same when the subgraph refuses the signature (secrets differ)', async () => {
    const other = await startFakeSubgraph('another-secret'.padEnd(40, 'y'), () => ({ body: {} }));
    const gateway = await gatewayWithLicencesAt(`${other.url}/graphql`);
    expectDownstreamError(await postGraphQL(gateway, QUERY));
    await other.close();
  });

  it('does the same when the subgraph does not answer in time', async () => {
    const gateway = await gatewayWithLicencesAt(`${hanging.url}/graphql`, { GATEWAY_SUBGRAPH_TIMEOUT_MS: '300' });
    expectDownstreamError(await postGraphQL(gateway, QUERY));
  });

  it('masks unexpected gateway errors as INTERNAL_SERVER_ERROR', async () => {
    // One entity asked, none answered: @apollo/gateway throws a plain Error naming internals.
    const broken = await startFakeSubgraph('licences', () => ({ body: { data: { _entities: [] } } }));
    const gateway = await gatewayWithLicencesAt(`${broken.url}/graphql`);
    const answer = await postGraphQL(gateway, QUERY);
    expect(answer.body.errors).toEqual([{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    await broken.close();
  });

  it('closes cleanly', async () => {
    const gateway = await startGateway({ CATALOG_URL: `${catalog.url}/graphql` });
    // Its other subgraphs are not running: ask about the gateway alone.
    expect((await fetch(`${gateway.url}/readyz?scope=gateway`)).status).toBe(200);
    await gateway.close();
    await expect(fetch(`${gateway.url}/readyz`)).rejects.toThrow();
  });
});
