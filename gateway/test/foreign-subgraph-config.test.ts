import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../src/config.js';
import { resolveSubgraphTrust } from '../src/subgraph-config/subgraph-settings.js';
import { checkDistinctPrefixes, shortSubgraphVariable } from '../src/subgraph-config/subgraph-variables.js';
import { writeForeignSupergraph } from './helpers/foreign-subgraphs.js';
import { TEST_KEY_ENV } from './helpers/start-gateway.js';

const GOVGRAPH = { SUPERGRAPH_PATH: fileURLToPath(new URL('./fixtures/supergraph.graphql', import.meta.url)), ...TEST_KEY_ENV };
// accounts and a subgraph named `gateway`, neither of them govgraph's.
const FOREIGN = { ...GOVGRAPH, SUPERGRAPH_PATH: writeForeignSupergraph({ accounts: 'http://accounts.partner:8080/graphql', gateway: 'http://gw.partner:8080/graphql' }) };

describe('per-subgraph variables', () => {
  it('never reads a subgraph named gateway from the gateway’s own variables', () => {
    const config = loadGatewayConfig({ ...FOREIGN, GATEWAY_PORT: '4999', GATEWAY_URL: 'http://127.0.0.1:4999/graphql', GATEWAY_TIMEOUT_MS: '5' });
    expect(config.port).toBe(4999);
    expect(config.subgraphUrls.gateway).toBe('http://gw.partner:8080/graphql');
    expect(config.resilience.timeoutsMs.gateway).toBeUndefined();
  });

  it('reads SUBGRAPH_<NAME>_URL, _PORT and _TIMEOUT_MS for any subgraph, and the short forms for govgraph’s departments only', () => {
    const foreign = loadGatewayConfig({
      ...FOREIGN,
      ACCOUNTS_URL: 'http://ignored/graphql',
      ACCOUNTS_TIMEOUT_MS: '5',
      SUBGRAPH_GATEWAY_PORT: '5005',
      SUBGRAPH_ACCOUNTS_TIMEOUT_MS: '300',
    });
    expect(foreign.subgraphUrls.accounts).toBe('http://accounts.partner:8080/graphql');
    expect(foreign.subgraphUrls.gateway).toBe('http://127.0.0.1:5005/graphql');
    expect(foreign.resilience.timeoutsMs).toMatchObject({ accounts: 300 });

    const namespaced = loadGatewayConfig({
      ...FOREIGN,
      SUBGRAPH_ACCOUNTS_URL: 'https://accounts.partner/api/graphql',
      SUBGRAPH_GATEWAY_URL: 'http://gw.internal/graphql',
      SUBGRAPH_GATEWAY_PORT: '5005',
    });
    expect(namespaced.subgraphUrls).toMatchObject({ accounts: 'https://accounts.partner/api/graphql', gateway: 'http://gw.internal/graphql' });

    const departments = loadGatewayConfig({
      ...GOVGRAPH,
      CATALOG_URL: 'http://short/graphql',
      SUBGRAPH_CATALOG_URL: 'http://namespaced/graphql',
      IDENTITY_PORT: '5002',
      LICENCES_TIMEOUT_MS: '250',
      SUBGRAPH_APPLICATIONS_TIMEOUT_MS: '400',
    });
    expect(departments.subgraphUrls).toMatchObject({ catalog: 'http://namespaced/graphql', identity: 'http://127.0.0.1:5002/graphql' });
    expect(departments.resilience.timeoutsMs).toEqual({ licences: 250, applications: 400 });
  });

  it('has short forms only where they cannot be the gateway’s', () => {
    expect(shortSubgraphVariable('licences', 'TIMEOUT_MS')).toBe('LICENCES_TIMEOUT_MS');
    expect(shortSubgraphVariable('catalog', 'SIGN')).toBeUndefined();
    expect(shortSubgraphVariable('gateway', 'PORT')).toBeUndefined();
    expect(shortSubgraphVariable('accounts', 'URL')).toBeUndefined();
    expect(() => checkDistinctPrefixes(['housing-fund', 'catalog', 'housing_fund'])).toThrow(/"housing-fund" and "housing_fund".*SUBGRAPH_HOUSING_FUND_\*/);
  });

  it('signs for every subgraph, sends claims to govgraph’s departments only, and Authorization to none, unless told otherwise', () => {
    const defaults = loadGatewayConfig(FOREIGN);
    expect(resolveSubgraphTrust(defaults.subgraphTrust.catalog, true)).toEqual({ sign: true, forwardClaims: true, forwardAuthorization: false });
    expect(resolveSubgraphTrust(defaults.subgraphTrust.accounts, false)).toEqual({ sign: true, forwardClaims: false, forwardAuthorization: false });

    const told = loadGatewayConfig({
      ...FOREIGN,
      SUBGRAPH_ACCOUNTS_CLAIMS: 'on',
      SUBGRAPH_ACCOUNTS_FORWARD_AUTHORIZATION: 'on',
      SUBGRAPH_GATEWAY_SIGN: 'off',
      SUBGRAPH_CATALOG_CLAIMS: 'off',
    });
    expect(resolveSubgraphTrust(told.subgraphTrust.accounts, false)).toEqual({ sign: true, forwardClaims: true, forwardAuthorization: true });
    expect(resolveSubgraphTrust(told.subgraphTrust.gateway, false)).toEqual({ sign: false, forwardClaims: false, forwardAuthorization: false });
    expect(resolveSubgraphTrust(told.subgraphTrust.catalog, true)).toEqual({ sign: true, forwardClaims: false, forwardAuthorization: false });
    // A department whose signing is turned off gets no claims either.
    expect(resolveSubgraphTrust(loadGatewayConfig({ ...GOVGRAPH, SUBGRAPH_CATALOG_SIGN: 'off' }).subgraphTrust.catalog, true).forwardClaims).toBe(false);
  });

  it.each([
    [{ SUBGRAPH_ACCOUNTS_CLAIMS: 'on', SUBGRAPH_ACCOUNTS_SIGN: 'off' }, /SUBGRAPH_ACCOUNTS_CLAIMS=on needs signed requests/],
    [{ SUBGRAPH_ACCOUNTS_FORWARD_AUTHORIZATION: 'yes' }, /SUBGRAPH_ACCOUNTS_FORWARD_AUTHORIZATION must be on or off/],
    [{ SUBGRAPH_GATEWAY_SIGN: 'maybe' }, /SUBGRAPH_GATEWAY_SIGN must be on or off/],
    [{ SUBGRAPH_GATEWAY_URL: 'ftp://gw/graphql' }, /SUBGRAPH_GATEWAY_URL must be an http\(s\) URL/],
    [{ SUBGRAPH_ACCOUNTS_PORT: '70000' }, /SUBGRAPH_ACCOUNTS_PORT/],
    [{ SUBGRAPH_ACCOUNTS_TIMEOUT_MS: '0' }, /SUBGRAPH_ACCOUNTS_TIMEOUT_MS/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadGatewayConfig({ ...FOREIGN, ...env })).toThrow(message);
  });
});

describe('token verification', () => {
  it('verifies identity’s tokens by default; another JWKS, issuer and audience can be named', () => {
    const defaults = loadGatewayConfig(GOVGRAPH);
    expect(defaults.verifyTokens).toBe(true);
    expect(defaults.jwt).toEqual({ issuer: 'govgraph-identity', audience: 'govgraph' });
    const partner = loadGatewayConfig({ ...FOREIGN, JWKS_URL: 'https://idp.partner/keys', GATEWAY_TOKEN_ISSUER: 'https://idp.partner', GATEWAY_TOKEN_AUDIENCE: 'partner-api' });
    expect([partner.verifyTokens, partner.jwksUrl, partner.jwt]).toEqual([true, 'https://idp.partner/keys', { issuer: 'https://idp.partner', audience: 'partner-api' }]);
    expect(loadGatewayConfig({ ...FOREIGN, GATEWAY_TOKEN_VERIFICATION: 'off' }).verifyTokens).toBe(false);
  });

  it('refuses to start in production with verification off unless that is acknowledged', () => {
    const production = { ...FOREIGN, NODE_ENV: 'production', GATEWAY_TOKEN_VERIFICATION: 'off' };
    expect(() => loadGatewayConfig(production)).toThrow(/GATEWAY_TOKEN_VERIFICATION=off with NODE_ENV=production.*GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION=acknowledged/);
    expect(() => loadGatewayConfig({ ...production, GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION: 'true' })).toThrow(/must be "acknowledged"/);
    expect(loadGatewayConfig({ ...production, GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION: 'acknowledged' }).verifyTokens).toBe(false);
    // On, the acknowledgement changes nothing.
    expect(loadGatewayConfig({ ...FOREIGN, NODE_ENV: 'production', GATEWAY_TOKEN_VERIFICATION_OFF_IN_PRODUCTION: 'acknowledged' }).verifyTokens).toBe(true);
  });
});
