import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPERGRAPH_PATH, loadGatewayConfig } from '../src/config.js';
import { TEST_KEY_ENV } from './helpers/start-gateway.js';

const SUPERGRAPH_PATH = fileURLToPath(new URL('./fixtures/supergraph.graphql', import.meta.url));
const base = { SUPERGRAPH_PATH, ...TEST_KEY_ENV };

describe('loadGatewayConfig', () => {
  it('has laptop defaults, with subgraph URLs from the supergraph', () => {
    const config = loadGatewayConfig(base);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.nodeEnv).toBe('development');
    expect(config.maxBodyBytes).toBe(1024 * 1024);
    expect(config.maxUploadBytes).toBe(20 * 1024 * 1024);
    expect(config.documentsUrl).toBe('http://127.0.0.1:4004/documents');
    expect(config.subgraphUrls).toMatchObject({
      catalog: 'http://127.0.0.1:4001/graphql',
      identity: 'http://127.0.0.1:4002/graphql',
      licences: 'http://127.0.0.1:4003/graphql',
      applications: 'http://127.0.0.1:4004/graphql',
    });
    expect(config.jwksUrl).toBe('http://127.0.0.1:4002/.well-known/jwks.json');
    expect(config.jwt).toEqual({ issuer: 'govgraph-identity', audience: 'govgraph' });
    expect(config.party.keys.party).toBe('gateway');
    expect(config.supergraphSdl).toContain('join__Graph');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('creates its own key in development, and refuses to start without one in production', () => {
    const empty = mkdtempSync(join(tmpdir(), 'govgraph-no-keys-'));
    const fresh = loadGatewayConfig({ SUPERGRAPH_PATH, DATA_DIR: empty });
    expect(fresh.party.keys.party).toBe('gateway');
    expect(statSync(join(empty, 'keys', 'gateway', 'signing-keys.json')).mode & 0o777).toBe(0o600);
    const production = mkdtempSync(join(tmpdir(), 'govgraph-no-keys-'));
    expect(() => loadGatewayConfig({ SUPERGRAPH_PATH, DATA_DIR: production, NODE_ENV: 'production' })).toThrow(/no keys for gateway.*govgraph keys init gateway/);
    expect(readdirSync(production)).toEqual([]);
  });

  it('finds the committed supergraph relative to the source, not the working directory', () => {
    expect(DEFAULT_SUPERGRAPH_PATH.endsWith('/schema/supergraph.graphql')).toBe(true);
  });

  it('allows port 0 and takes <NAME>_URL over <NAME>_PORT over the routing URL', () => {
    const config = loadGatewayConfig({
      ...base,
      GATEWAY_PORT: '0',
      CATALOG_URL: 'http://catalog.internal:8080/graphql',
      CATALOG_PORT: '5001',
      LICENCES_PORT: '5003',
      IDENTITY_URL: 'http://id.internal/identity/graphql',
    });
    expect(config.port).toBe(0);
    expect(config.subgraphUrls.catalog).toBe('http://catalog.internal:8080/graphql');
    expect(config.subgraphUrls.licences).toBe('http://127.0.0.1:5003/graphql');
    expect(config.jwksUrl).toBe('http://id.internal/identity/.well-known/jwks.json');
  });

  it('takes the upload limit, and finds documents beside the applications subgraph', () => {
    const config = loadGatewayConfig({ ...base, GATEWAY_MAX_UPLOAD_BYTES: '1000', APPLICATIONS_URL: 'http://apps.internal:8080/graphql' });
    expect(config.maxUploadBytes).toBe(1000);
    expect(config.documentsUrl).toBe('http://apps.internal:8080/documents');
  });

  it("bounds a token's lifetime to identity's hour unless told otherwise", () => {
    expect(loadGatewayConfig(base).maxTokenLifetimeSeconds).toBe(3600);
    expect(loadGatewayConfig({ ...base, GATEWAY_MAX_TOKEN_LIFETIME_SECONDS: '900' }).maxTokenLifetimeSeconds).toBe(900);
    for (const bad of ['0', '-60', '1h', '3600.5']) {
      expect(() => loadGatewayConfig({ ...base, GATEWAY_MAX_TOKEN_LIFETIME_SECONDS: bad })).toThrow(/GATEWAY_MAX_TOKEN_LIFETIME_SECONDS must be a positive integer/);
    }
  });

  it('takes an explicit JWKS_URL', () => {
    expect(loadGatewayConfig({ ...base, JWKS_URL: 'https://idp.example/keys' }).jwksUrl).toBe('https://idp.example/keys');
  });

  it('runs plans with the govgraph executor, batched and shared fetches on; each can be turned off', () => {
    const defaults = loadGatewayConfig(base);
    expect([defaults.executor, defaults.batchEntityFetches, defaults.sharePublicFetches, defaults.dedupeRepresentations]).toEqual(['govgraph', true, true, true]);
    const off = loadGatewayConfig({
      ...base,
      GATEWAY_EXECUTOR: 'Apollo',
      GATEWAY_BATCH_ENTITY_FETCHES: 'off',
      GATEWAY_SHARE_PUBLIC_FETCHES: 'false',
      GATEWAY_DEDUPE_REPRESENTATIONS: '0',
    });
    expect([off.executor, off.batchEntityFetches, off.sharePublicFetches, off.dedupeRepresentations]).toEqual(['apollo', false, false, false]);
  });

  it.each([
    [{ GATEWAY_EXECUTOR: 'hive' }, /GATEWAY_EXECUTOR must be govgraph or apollo/],
    [{ GATEWAY_BATCH_ENTITY_FETCHES: 'sometimes' }, /GATEWAY_BATCH_ENTITY_FETCHES must be on or off/],
    [{ GATEWAY_SHARE_PUBLIC_FETCHES: '2' }, /GATEWAY_SHARE_PUBLIC_FETCHES must be on or off/],
    [{ GATEWAY_RESPONSE_CACHE: 'yes' }, /GATEWAY_RESPONSE_CACHE must be on or off/],
    [{ GATEWAY_PORT: 'abc' }, /GATEWAY_PORT/],
    [{ GATEWAY_PORT: '70000' }, /GATEWAY_PORT/],
    [{ LICENCES_PORT: '-1' }, /LICENCES_PORT/],
    [{ CATALOG_URL: 'not a url' }, /CATALOG_URL/],
    [{ APPLICATIONS_URL: 'ftp://x/graphql' }, /APPLICATIONS_URL/],
    [{ JWKS_URL: '::' }, /JWKS_URL/],
    [{ GATEWAY_MAX_BODY_BYTES: '0' }, /GATEWAY_MAX_BODY_BYTES/],
    [{ GATEWAY_MAX_UPLOAD_BYTES: '20MB' }, /GATEWAY_MAX_UPLOAD_BYTES/],
    [{ GATEWAY_SUBGRAPH_TIMEOUT_MS: '1.5' }, /GATEWAY_SUBGRAPH_TIMEOUT_MS/],
    [{ SUPERGRAPH_PATH: '/nonexistent/supergraph.graphql' }, /SUPERGRAPH_PATH.*ENOENT/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadGatewayConfig({ ...base, ...env })).toThrow(message);
  });
});
