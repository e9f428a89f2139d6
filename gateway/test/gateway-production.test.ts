import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/server.js';
import { startHttpServer } from './helpers/http-server.js';
import { newSigningKey, signToken } from './helpers/jwks.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

describe('gateway with NODE_ENV=production and identity down', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const gone = await startHttpServer(() => undefined);
    await gone.close();
    // `allow`, so that a free-form introspection query reaches Apollo: the production default
    // (`only`: trusted documents alone) has its own tests in use-trusted-documents.test.ts.
    gateway = await startGateway({
      NODE_ENV: 'production',
      GATEWAY_TRUSTED_DOCUMENTS: 'allow',
      JWKS_URL: `${gone.url}/.well-known/jwks.json`,
    });
  });
  afterAll(() => gateway?.close());

  it('turns the landing page and introspection off', async () => {
    const page = await fetch(gateway.graphqlUrl, { headers: { accept: 'text/html' } });
    expect(await page.text()).not.toContain('playground');
    const answer = await postGraphQL(gateway, { query: '{ __schema { types { name } } }' });
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers 503 naming identity when the token cannot be checked', async () => {
    const token = await signToken(await newSigningKey('k'));
    const answer = await postGraphQL(gateway, { query: '{ whoami }' }, { authorization: `Bearer ${token}` });
    expect(answer.status).toBe(503);
    expect(answer.body.errors).toEqual([
      {
        message: 'Cannot verify the token now; the identity service is unavailable',
        extensions: { serviceName: 'identity', code: 'DOWNSTREAM_SERVICE_ERROR' },
      },
    ]);
  });
});
