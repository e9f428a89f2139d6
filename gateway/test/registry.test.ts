import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileCredentialStore, DATA_POLICY_FILE, issueCredential, SUPERGRAPH_FILE } from '@govgraph/schema/governance';
import { loadRegistrySettings } from '../src/registry/registry-config.js';
import type { RunningGateway } from '../src/server.js';
import { FIXTURE_SUPERGRAPH, startGateway } from './helpers/start-gateway.js';

/** A data folder of its own, and the credentials an administrator issued into it with the CLI. */
async function dataDirWithCredentials() {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-registry-'));
  const store = createFileCredentialStore(join(dataDir, 'registry', 'credentials.json'));
  const licences = await issueCredential(store, { role: 'publisher', subgraph: 'licences' });
  const identity = await issueCredential(store, { role: 'publisher', subgraph: 'identity' });
  const admin = await issueCredential(store, { role: 'admin' });
  const revoked = await issueCredential(store, { role: 'publisher', subgraph: 'licences' });
  await store.revoke(revoked.credential.id, new Date().toISOString());
  return { dataDir, store, tokens: { licences: licences.token, identity: identity.token, admin: admin.token, revoked: revoked.token } };
}

const publish = (gateway: RunningGateway, name: string, key: string | undefined, body: unknown = { sdl: 'type Query { a: Int }', url: 'http://127.0.0.1:1/graphql' }) =>
  fetch(`${gateway.url}/registry/subgraphs/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
const get = (gateway: RunningGateway, path: string, key?: string) => fetch(`${gateway.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
const codeOf = async (response: Response) => ((await response.json()) as { errors: Array<{ extensions: { code: string }; message: string }> }).errors[0]!;

describe('the registry on a gateway started from a supergraph without its subgraph SDL files', () => {
  let gateway: RunningGateway;
  let data: Awaited<ReturnType<typeof dataDirWithCredentials>>;
  beforeAll(async () => {
    data = await dataDirWithCredentials();
    gateway = await startGateway({ DATA_DIR: data.dataDir });
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(data.dataDir, { recursive: true, force: true });
  });

  it('serves the supergraph it started with, as version 0', async () => {
    const response = await get(gateway, '/registry/supergraph');
    expect(response.status).toBe(200);
    expect(response.headers.get('x-govgraph-registry-version')).toBe('0');
    expect(await response.text()).toBe(readFileSync(FIXTURE_SUPERGRAPH, 'utf8'));
  });

  it('checks the credential before anything else: 401 without, malformed, unknown or revoked; 403 for another subgraph’s', async () => {
    const missing = await publish(gateway, 'licences', undefined);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await codeOf(missing)).extensions.code).toBe('UNAUTHENTICATED');
    expect((await publish(gateway, 'licences', 'ggpk1.licences.' + 'x'.repeat(43))).status).toBe(401);
    expect((await publish(gateway, 'licences', 'ggpc1.licences.' + 'x'.repeat(43))).status).toBe(401);
    const revoked = await publish(gateway, 'licences', data.tokens.revoked);
    expect(revoked.status).toBe(401);
    expect((await codeOf(revoked)).message).toContain('revoked');

    const other = await publish(gateway, 'licences', data.tokens.identity);
    expect(other.status).toBe(403);
    const error = await codeOf(other);
    expect(error.extensions.code).toBe('FORBIDDEN');
    expect(error.message).toContain('this credential publishes identity, not licences');
    // An administrator lists and rolls back; it does not publish.
    expect((await publish(gateway, 'licences', data.tokens.admin)).status).toBe(403);
  });

  it('never lets a department publish as the gateway', async () => {
    const answer = await publish(gateway, 'gateway', data.tokens.licences);
    expect(answer.status).toBe(403);
    expect((await codeOf(answer)).extensions.code).toBe('FORBIDDEN');
  });

  it('a credential issued while the gateway runs counts at once; revoking it too', async () => {
    const late = await issueCredential(data.store, { role: 'publisher', subgraph: 'catalog' });
    const before = await publish(gateway, 'catalog', late.token);
    expect(before.status).toBe(503); // past the credential: this gateway cannot publish at all (below)
    await data.store.revoke(late.credential.id, new Date().toISOString());
    expect((await publish(gateway, 'catalog', late.token)).status).toBe(401);
  });

  it('refuses a malformed body, a bad name and other methods with coded errors', async () => {
    const key = data.tokens.licences;
    const noSdl = await publish(gateway, 'licences', key, { sdl: '' });
    expect(noSdl.status).toBe(400);
    expect((await codeOf(noSdl)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sdl' });
    expect((await publish(gateway, 'licences', key, { sdl: 'type Query { a: Int }', url: 'ftp://x' })).status).toBe(400);
    expect((await publish(gateway, 'Not%20a%20name', key)).status).toBe(400);
    expect((await get(gateway, '/registry/subgraphs/licences')).status).toBe(405);
    expect((await get(gateway, '/registry/nothing')).status).toBe(404);
  });

  it('says publishing is unavailable (503) without a data policy or the SDL files, and keeps serving', async () => {
    const answer = await publish(gateway, 'licences', data.tokens.licences);
    expect(answer.status).toBe(503);
    const text = JSON.stringify(await answer.json());
    expect(text).toMatch(/Registry unavailable: no data-sharing policy/);
    expect(text).not.toMatch(/\n\s+at /); // no stack trace
    expect((await fetch(`${gateway.url}/readyz?scope=gateway`)).status).toBe(200); // its subgraphs are not running
  });

  it('checks without a credential outside production, refusing a bad body, other methods and the gateway’s name', async () => {
    const check = (name: string, body: unknown, key?: string) =>
      fetch(`${gateway.url}/registry/subgraphs/${name}/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
    const noSdl = await check('licences', { url: 'http://127.0.0.1:1/graphql' });
    expect(noSdl.status).toBe(400);
    expect((await codeOf(noSdl)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sdl' });
    const badUrl = await check('licences', { sdl: 'type Query { a: Int }', url: 'ftp://x' });
    expect(badUrl.status).toBe(400);
    expect((await codeOf(badUrl)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'url' });
    expect((await check('gateway', { sdl: 'type Query { a: Int }' })).status).toBe(403);
    expect((await get(gateway, '/registry/subgraphs/licences/check')).status).toBe(405);
    // Past the body: this gateway has no data policy, so it cannot check — as it cannot publish.
    const unavailable = await check('licences', { sdl: 'type Query { a: Int }' });
    expect(unavailable.status).toBe(503);
    expect((await codeOf(unavailable)).message).toMatch(/Registry unavailable: no data-sharing policy/);
  });

  it('lists versions to an administrator only', async () => {
    expect((await get(gateway, '/registry/versions')).status).toBe(401);
    const department = await get(gateway, '/registry/versions', data.tokens.licences);
    expect(department.status).toBe(403);
    expect((await codeOf(department)).message).toContain('administrator');
    const admin = await get(gateway, '/registry/versions', data.tokens.admin);
    expect(admin.status).toBe(200);
    expect(await admin.json()).toEqual({ current: 0, versions: [{ version: 0, action: 'committed', subgraphs: [] }] });
  });

  it('takes a rollback from an administrator only, with a version number', async () => {
    const rollback = (key: string | undefined, body: unknown) =>
      fetch(`${gateway.url}/registry/rollback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
    expect((await rollback(undefined, { version: 0 })).status).toBe(401);
    expect((await rollback(data.tokens.licences, { version: 0 })).status).toBe(403);
    const bad = await rollback(data.tokens.admin, { version: 'latest' });
    expect(bad.status).toBe(400);
    expect((await codeOf(bad)).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'version' });
    expect((await get(gateway, '/registry/rollback', data.tokens.admin)).status).toBe(405);
  });
});

describe('the registry in production', () => {
  let gateway: RunningGateway;
  let data: Awaited<ReturnType<typeof dataDirWithCredentials>>;
  beforeAll(async () => {
    data = await dataDirWithCredentials();
    gateway = await startGateway({ NODE_ENV: 'production', DATA_DIR: data.dataDir });
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(data.dataDir, { recursive: true, force: true });
  });

  it('shows the graph only to holders of a valid credential, a department’s or an administrator’s', async () => {
    expect((await get(gateway, '/registry/supergraph')).status).toBe(401);
    expect((await get(gateway, '/registry/subgraphs', data.tokens.revoked)).status).toBe(401);
    expect((await get(gateway, '/registry/supergraph', data.tokens.identity)).status).toBe(200);
    expect((await get(gateway, '/registry/supergraph', data.tokens.admin)).status).toBe(200);
  });

  it('checks for holders of a valid credential only, any department’s', async () => {
    const check = (key?: string) =>
      fetch(`${gateway.url}/registry/subgraphs/licences/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ sdl: '' }),
      });
    expect((await check()).status).toBe(401);
    expect((await check(data.tokens.revoked)).status).toBe(401);
    // Past the credential, to the body.
    expect((await check(data.tokens.identity)).status).toBe(400);
    expect((await check(data.tokens.admin)).status).toBe(400);
  });
});

describe('the registry settings (loaded once with the gateway config)', () => {
  const paths = { dataDir: '/var/lib/govgraph', supergraphPath: FIXTURE_SUPERGRAPH };
  it('read the policy beside the committed supergraph, or from GATEWAY_DATA_POLICY', () => {
    const committed = loadRegistrySettings({}, { ...paths, supergraphPath: SUPERGRAPH_FILE });
    expect(typeof committed.dataPolicy).toBe('object');
    expect(committed).toMatchObject({ dataPolicyFile: DATA_POLICY_FILE, credentialsFile: '/var/lib/govgraph/registry/credentials.json', historyLimit: 50 });
    // Beside the fixture there is none: publishing is unavailable, the gateway still starts.
    expect(loadRegistrySettings({}, paths).dataPolicy).toMatch(/^no data-sharing policy at /);
    expect(loadRegistrySettings({ GATEWAY_DATA_POLICY: DATA_POLICY_FILE, GATEWAY_REGISTRY_HISTORY: '7' }, paths)).toMatchObject({
      dataPolicyFile: DATA_POLICY_FILE,
      historyLimit: 7,
    });
  });

  it('stop the start for a named policy that is missing or invalid, or a bad history size', () => {
    expect(() => loadRegistrySettings({ GATEWAY_DATA_POLICY: '/nonexistent/policy.json' }, paths)).toThrow(/^GATEWAY_DATA_POLICY: cannot read/);
    expect(() => loadRegistrySettings({ GATEWAY_DATA_POLICY: FIXTURE_SUPERGRAPH }, paths)).toThrow(/^GATEWAY_DATA_POLICY: .* is not JSON/);
    expect(() => loadRegistrySettings({ GATEWAY_REGISTRY_HISTORY: '0' }, paths)).toThrow(/GATEWAY_REGISTRY_HISTORY must be a positive integer/);
  });
});
