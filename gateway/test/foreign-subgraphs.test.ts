import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphTargets } from '../src/engine/subgraph-targets.js';
import type { SupergraphRegistry } from '../src/registry/supergraph-registry.js';
import type { RunningGateway } from '../src/server.js';
import { startForeignSubgraphs, PARTNER_TOKEN, type ForeignSubgraphs } from './helpers/foreign-subgraphs.js';
import { newSigningKey, signToken, startJwksServer } from './helpers/jwks.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

const govgraphHeaders = (headers: IncomingHttpHeaders) => Object.keys(headers).filter((name) => name.startsWith('x-govgraph-'));
const ME_AND_STATUS = { query: '{ me { id name nickname } status }' };

describe('the gateway in front of subgraphs that are not govgraph’s, token verification off', () => {
  let subgraphs: ForeignSubgraphs;
  let gateway: RunningGateway;

  beforeAll(async () => {
    subgraphs = await startForeignSubgraphs();
    gateway = await startGateway({
      SUPERGRAPH_PATH: subgraphs.supergraphPath,
      // The gateway's own port (startGateway sets GATEWAY_PORT=0 too): once read as the `gateway` subgraph's.
      GATEWAY_PORT: '0',
      GATEWAY_TOKEN_VERIFICATION: 'off',
      SUBGRAPH_ACCOUNTS_FORWARD_AUTHORIZATION: 'on',
      SUBGRAPH_GATEWAY_SIGN: 'off',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
  });

  it('answers from both, reaching the subgraph named gateway at its own URL', async () => {
    const answer = await postGraphQL(gateway, ME_AND_STATUS, { authorization: `Bearer ${PARTNER_TOKEN}` });
    expect(answer.body).toEqual({
      data: { me: { id: 'acct-7', name: 'Ada', nickname: 'nick-acct-7' }, status: 'served by the subgraph named gateway' },
    });
    expect(subgraphs.gateway.seen.length).toBeGreaterThan(0);
  });

  it('hands the client’s Authorization to the subgraph that opted in, and to no other', async () => {
    subgraphs.accounts.seen.length = 0;
    subgraphs.gateway.seen.length = 0;
    await postGraphQL(gateway, ME_AND_STATUS, { authorization: `Bearer ${PARTNER_TOKEN}` });
    expect(subgraphs.accounts.seen.map((headers) => headers.authorization)).toEqual([`Bearer ${PARTNER_TOKEN}`]);
    expect(subgraphs.gateway.seen.length).toBeGreaterThan(0);
    expect(subgraphs.gateway.seen.every((headers) => headers.authorization === undefined)).toBe(true);
  });

  it('sends no govgraph claims headers to either: accounts gets a signature only, gateway (signing off) nothing of govgraph’s', async () => {
    await postGraphQL(gateway, ME_AND_STATUS, { authorization: `Bearer ${PARTNER_TOKEN}` });
    for (const headers of subgraphs.accounts.seen) {
      expect(govgraphHeaders(headers).sort()).toEqual(['x-govgraph-nonce', 'x-govgraph-request-id', 'x-govgraph-signature', 'x-govgraph-timestamp']);
    }
    for (const headers of subgraphs.gateway.seen) expect(govgraphHeaders(headers)).toEqual([]);
  });

  it('checks no token itself: the partner refuses a missing or wrong one, the gateway refuses neither', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }] as Record<string, string>[]) {
      const answer = await postGraphQL(gateway, { query: '{ me { id } status }' }, headers);
      expect(answer.status).toBe(200);
      expect(answer.body.data).toEqual({ me: null, status: 'served by the subgraph named gateway' });
      expect(answer.body.errors?.[0]).toMatchObject({ message: 'Sign in with the partner', extensions: { code: 'UNAUTHENTICATED', serviceName: 'accounts' } });
    }
  });
});

describe('the gateway in front of subgraphs that are not govgraph’s, verifying the partner’s tokens', () => {
  const ISSUER = 'https://idp.partner.example';
  const AUDIENCE = 'partner-api';
  let subgraphs: ForeignSubgraphs;
  let gateway: RunningGateway;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let partnerToken: string;
  let identityToken: string;

  beforeAll(async () => {
    const key = await newSigningKey('partner-1');
    jwks = await startJwksServer([key]);
    partnerToken = await signToken(key, { issuer: ISSUER, audience: AUDIENCE, sub: 'acct-7' });
    // Signed with a key the JWKS serves, but naming identity as its issuer: not the partner's.
    identityToken = await signToken(key, { sub: 'acct-7' });
    subgraphs = await startForeignSubgraphs((header) => header === `Bearer ${partnerToken}`);
    gateway = await startGateway({
      SUPERGRAPH_PATH: subgraphs.supergraphPath,
      JWKS_URL: jwks.jwksUrl,
      GATEWAY_TOKEN_ISSUER: ISSUER,
      GATEWAY_TOKEN_AUDIENCE: AUDIENCE,
      SUBGRAPH_ACCOUNTS_FORWARD_AUTHORIZATION: 'on',
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await subgraphs?.close();
    await jwks?.close();
  });

  it('serves a caller with the partner’s token, handing the token on to accounts only, and claims to neither', async () => {
    const answer = await postGraphQL(gateway, ME_AND_STATUS, { authorization: `Bearer ${partnerToken}` });
    expect(answer.body).toEqual({
      data: { me: { id: 'acct-7', name: 'Ada', nickname: 'nick-acct-7' }, status: 'served by the subgraph named gateway' },
    });
    expect(subgraphs.accounts.seen.map((headers) => headers.authorization)).toEqual([`Bearer ${partnerToken}`]);
    expect(subgraphs.gateway.seen.every((headers) => headers.authorization === undefined)).toBe(true);
    for (const headers of [...subgraphs.accounts.seen, ...subgraphs.gateway.seen]) {
      expect(headers['x-govgraph-claims']).toBeUndefined();
      expect(headers['x-govgraph-client']).toBeUndefined();
    }
  });

  it('refuses identity’s tokens and malformed ones with 401 before any subgraph is asked', async () => {
    const before = subgraphs.accounts.seen.length + subgraphs.gateway.seen.length;
    for (const token of [identityToken, 'not-a-jwt']) {
      const answer = await postGraphQL(gateway, ME_AND_STATUS, { authorization: `Bearer ${token}` });
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect(subgraphs.accounts.seen.length + subgraphs.gateway.seen.length).toBe(before);
  });
});

describe('what each subgraph’s requests carry', () => {
  const registry = (published: Record<string, string>) => ({ publishedUrl: (name: string) => published[name] }) as unknown as SupergraphRegistry;
  const config = { subgraphUrls: {}, subgraphTrust: { accounts: {}, catalog: {}, partner: { forwardClaims: true } } };

  it('signs for every subgraph; claims go to govgraph’s departments (registered or published) and to those told to take them; Authorization to none by default', () => {
    const targets = createSubgraphTargets(config, registry({ parking: 'http://parking.internal/graphql' }));
    expect(targets.trustOf('catalog')).toEqual({ sign: true, forwardClaims: true, forwardAuthorization: false });
    expect(targets.trustOf('parking')).toEqual({ sign: true, forwardClaims: true, forwardAuthorization: false });
    expect(targets.trustOf('accounts')).toEqual({ sign: true, forwardClaims: false, forwardAuthorization: false });
    expect(targets.trustOf('gateway')).toEqual({ sign: true, forwardClaims: false, forwardAuthorization: false });
    expect(targets.trustOf('partner')).toEqual({ sign: true, forwardClaims: true, forwardAuthorization: false });
    expect(targets.urlOf('parking')).toBe('http://parking.internal/graphql');
  });
});
