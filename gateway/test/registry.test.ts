import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishKey } from '@govgraph/schema/governance';
import type { RunningGateway } from '../src/server.js';
import { FIXTURE_SUPERGRAPH, startGateway, TEST_SECRET } from './helpers/start-gateway.js';

const publish = (gateway: RunningGateway, name: string, key: string | undefined, body: unknown = { sdl: 'type Query { a: Int }', url: 'http://127.0.0.1:1/graphql' }) =>
  fetch(`${gateway.url}/registry/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });

describe('the registry on a gateway started from a supergraph without its subgraph SDL files', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({});
  });
  afterAll(() => gateway?.close());

  it('serves the supergraph it started with, as version 0', async () => {
    const response = await fetch(`${gateway.url}/registry/supergraph`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-govgraph-registry-version')).toBe('0');
    expect(await response.text()).toBe(readFileSync(FIXTURE_SUPERGRAPH, 'utf8'));
  });

  it('checks the key before anything else: 401 without or with a forged one, 403 with another subgraph’s', async () => {
    expect((await publish(gateway, 'licences', undefined)).status).toBe(401);
    const forged = await publish(gateway, 'licences', 'ggpk1.licences.' + 'x'.repeat(43));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('Bearer');
    const other = await publish(gateway, 'licences', publishKey(TEST_SECRET, 'identity'));
    expect(other.status).toBe(403);
    expect(((await other.json()) as any).errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed body, a bad name and other methods', async () => {
    const key = publishKey(TEST_SECRET, 'licences');
    expect((await publish(gateway, 'licences', key, { sdl: '' })).status).toBe(400);
    expect((await publish(gateway, 'licences', key, { sdl: 'type Query { a: Int }', url: 'ftp://x' })).status).toBe(400);
    expect((await publish(gateway, 'Not%20a%20name', key)).status).toBe(400);
    expect((await fetch(`${gateway.url}/registry/subgraphs/licences`)).status).toBe(405);
    expect((await fetch(`${gateway.url}/registry/nothing`)).status).toBe(404);
  });

  it('says publishing is unavailable (503) when it cannot rebuild the graph from SDL files, and keeps serving', async () => {
    const answer = await publish(gateway, 'licences', publishKey(TEST_SECRET, 'licences'));
    expect(answer.status).toBe(503);
    expect(((await answer.json()) as any).errors[0].message).toMatch(/^Registry unavailable: .*does not exist/);
    expect((await fetch(`${gateway.url}/readyz?scope=gateway`)).status).toBe(200); // its subgraphs are not running
  });
});

describe('the registry in production', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'production' });
  });
  afterAll(() => gateway?.close());

  it('shows the graph only to holders of a publish key', async () => {
    expect((await fetch(`${gateway.url}/registry/supergraph`)).status).toBe(401);
    const withKey = await fetch(`${gateway.url}/registry/supergraph`, { headers: { authorization: `Bearer ${publishKey(TEST_SECRET, 'catalog')}` } });
    expect(withKey.status).toBe(200);
  });
});
