import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@govgraph/kit';
import { createFileCredentialStore, issueCredential, loadDataPolicy, SUBGRAPHS_DIR, SUPERGRAPH_FILE, subgraphFile, type CredentialStore } from '@govgraph/schema/governance';
import { createMemoryRegistryStore } from '../src/registry/registry-store.js';
import { SupergraphRegistry } from '../src/registry/supergraph-registry.js';
import type { RunningGateway } from '../src/server.js';
import { startGateway } from './helpers/start-gateway.js';
import { OVERRIDE_TAKEOVER_SDL } from '@govgraph/schema/testing';

/**
 * The registry over the committed graph (schema/supergraph.graphql and its SDL files): departments
 * publish their own subgraph only, within the data-sharing policy, and an administrator lists the
 * versions and rolls back — the catalog takeover of issue 16 included.
 */
const CATALOG = readFileSync(subgraphFile('catalog'), 'utf8');
const TAKEOVER = `${CATALOG}${OVERRIDE_TAKEOVER_SDL}`;
const COMPATIBLE = CATALOG.replace('  visitsRequired: Int!\n', '  visitsRequired: Int!\n  """Where to ask."""\n  hotline: String\n');
const CATALOG_URL = 'http://127.0.0.1:4001/graphql';

/** A policy that, wrongly, lets the catalog do it: how a takeover got live before the policy was fixed. */
function permissivePolicyFile(dir: string): string {
  const policy = loadDataPolicy();
  const agreement = { purpose: 'none (a mistake)', legalBasis: 'none (a mistake)' };
  policy.agreements.push(
    { id: 'mistake-override', consumer: 'catalog', provider: 'identity', fields: ['Person.displayName', 'Person.profileFacts'], override: true, ...agreement },
    ...['applications', 'licences', 'identity'].map((provider) => ({
      id: `mistake-${provider}`,
      consumer: 'catalog',
      provider,
      fields: ['Application.applicant', 'Prefill.applicant', 'Licence.holder', 'EnterpriseAgent.person'],
      ...agreement,
    })),
  );
  const file = join(dir, 'permissive-policy.json');
  writeFileSync(file, JSON.stringify(policy));
  return file;
}

interface Party {
  dataDir: string;
  store: CredentialStore;
  catalog: string;
  identity: string;
  admin: string;
  adminId: string;
  catalogId: string;
}

async function party(): Promise<Party> {
  const dataDir = mkdtempSync(join(tmpdir(), 'govgraph-registry-'));
  const store = createFileCredentialStore(join(dataDir, 'registry', 'credentials.json'));
  const catalog = await issueCredential(store, { role: 'publisher', subgraph: 'catalog' });
  const identity = await issueCredential(store, { role: 'publisher', subgraph: 'identity' });
  const admin = await issueCredential(store, { role: 'admin' });
  return { dataDir, store, catalog: catalog.token, identity: identity.token, admin: admin.token, adminId: admin.credential.id, catalogId: catalog.credential.id };
}

const call = async (gateway: RunningGateway, method: string, path: string, key: string | undefined, body?: unknown) => {
  const response = await fetch(`${gateway.url}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
};
const publish = (gateway: RunningGateway, name: string, sdl: string, key: string) => call(gateway, 'POST', `/registry/subgraphs/${name}`, key, { sdl, url: CATALOG_URL });

describe('publishing within the committed data-sharing policy', () => {
  let gateway: RunningGateway;
  let keys: Party;
  beforeAll(async () => {
    keys = await party();
    gateway = await startGateway({ SUPERGRAPH_PATH: SUPERGRAPH_FILE, DATA_DIR: keys.dataDir });
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    rmSync(keys.dataDir, { recursive: true, force: true });
  });

  it('refuses the catalog takeover with 409, naming the undeclared flows; the graph stays as it was', async () => {
    const refused = await publish(gateway, 'catalog', TAKEOVER, keys.catalog);
    expect(refused.status).toBe(409);
    const [error] = refused.body.errors;
    expect(error.extensions.code).toBe('CONFLICT');
    expect(error.message).toContain('Person.profileFacts (requires, identity → catalog)');
    expect(error.message).toContain('Person.displayName (override, identity → catalog)');
    expect(error.extensions.undeclaredFlows).toEqual(
      expect.arrayContaining([
        { kind: 'requires', consumer: 'catalog', provider: 'identity', field: 'Person.profileFacts', via: 'Person.displayName @requires' },
        { kind: 'override', consumer: 'catalog', provider: 'identity', field: 'Person.displayName', via: 'Person.displayName @override(from: "identity")' },
      ]),
    );
    expect(refused.body.report.composition.ok).toBe(true); // it composes: only the policy stops it
    expect(JSON.stringify(refused.body)).not.toMatch(/\n\s+at /);
    const served = await fetch(`${gateway.url}/registry/supergraph`);
    expect(served.headers.get('x-govgraph-registry-version')).toBe('0');
  });

  it('checks a change as a publish would, and publishes nothing: 200 with the report, passing or not', async () => {
    const check = (sdl: string) => call(gateway, 'POST', '/registry/subgraphs/catalog/check', undefined, { sdl });
    const compatible = await check(COMPATIBLE);
    expect(compatible.status).toBe(200);
    expect(compatible.body).toMatchObject({ ok: true, subgraph: 'catalog', version: 0, report: { ok: true, change: 'updated', breaking: [] } });
    expect(compatible.body.report.operations.checked).toBeGreaterThan(10); // the gateway's own contract operations

    const takeover = await check(TAKEOVER);
    expect(takeover.status).toBe(200);
    expect(takeover.body.ok).toBe(false);
    expect(takeover.body.report.dataFlows.undeclared).toContainEqual(expect.objectContaining({ kind: 'requires', field: 'Person.profileFacts', consumer: 'catalog' }));

    const withoutLegalBasis = await check(CATALOG.replace('  legalBasis: String!\n', ''));
    expect(withoutLegalBasis.body.ok).toBe(false);
    expect(withoutLegalBasis.body.report.breaking).toContainEqual(
      expect.objectContaining({
        kind: 'FIELD_REMOVED',
        coordinate: 'Matter.legalBasis',
        affects: [expect.objectContaining({ file: 'matter-guide.graphql', operation: 'MatterGuide' })],
      }),
    );
    expect(withoutLegalBasis.body.report.operations.broken).toContainEqual(expect.objectContaining({ file: 'matter-guide.graphql', alreadyInvalid: false }));

    // Nothing was published: still the committed graph, version 0.
    const served = await fetch(`${gateway.url}/registry/supergraph`);
    expect(served.headers.get('x-govgraph-registry-version')).toBe('0');
    expect((await call(gateway, 'GET', '/registry/versions', keys.admin)).body.current).toBe(0);
  });

  it('a department publishes its own subgraph, and no other department’s', async () => {
    expect((await publish(gateway, 'identity', COMPATIBLE, keys.catalog)).status).toBe(403);
    expect((await publish(gateway, 'catalog', COMPATIBLE, keys.identity)).status).toBe(403);
    const published = await publish(gateway, 'catalog', COMPATIBLE, keys.catalog);
    expect(published.status, JSON.stringify(published.body.errors)).toBe(200);
    expect(published.body).toMatchObject({ published: true, change: 'updated', version: 1 });
    expect(published.body.report.dataFlows).toMatchObject({ added: [], removed: [], undeclared: [] });

    const versions = await call(gateway, 'GET', '/registry/versions', keys.admin);
    expect(versions.body.current).toBe(1);
    expect(versions.body.versions[1]).toMatchObject({ version: 1, action: 'publish', subgraph: 'catalog', change: 'updated', by: keys.catalogId });
    expect(versions.body.versions[1].subgraphs).toEqual([{ name: 'catalog', url: CATALOG_URL, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), publishedAt: expect.any(String) }]);
  });

  it('a revoked credential publishes nothing more', async () => {
    await keys.store.revoke(keys.catalogId, new Date().toISOString());
    expect((await publish(gateway, 'catalog', CATALOG, keys.catalog)).status).toBe(401);
  });
});

describe('an administrator undoes a takeover that got live', () => {
  let gateway: RunningGateway;
  let keys: Party;
  beforeAll(async () => {
    keys = await party();
    gateway = await startGateway({ SUPERGRAPH_PATH: SUPERGRAPH_FILE, DATA_DIR: keys.dataDir, GATEWAY_DATA_POLICY: permissivePolicyFile(keys.dataDir) });
  }, 60_000);
  afterAll(async () => {
    await gateway?.close();
    rmSync(keys.dataDir, { recursive: true, force: true });
  });

  it('the takeover is live, and republishing the old catalog is refused (KEY_REMOVED): only a rollback undoes it', async () => {
    const takeover = await publish(gateway, 'catalog', TAKEOVER, keys.catalog);
    expect(takeover.status, JSON.stringify(takeover.body.errors)).toBe(200);
    expect(takeover.body.version).toBe(1);
    expect(takeover.body.report.dataFlows.added.map((f: { kind: string; field: string }) => `${f.kind} ${f.field}`)).toEqual(
      expect.arrayContaining(['override Person.displayName', 'requires Person.profileFacts']),
    );
    expect(await (await fetch(`${gateway.url}/registry/supergraph`)).text()).toContain('override: "identity")');
    const undo = await publish(gateway, 'catalog', CATALOG, keys.catalog);
    expect(undo.status).toBe(409);
    expect(undo.body.report.breaking.map((b: { kind: string; coordinate: string }) => `${b.kind} ${b.coordinate}`)).toContain('KEY_REMOVED Person');
  });

  it('lists the versions, then rolls back to version 0 as a new version 2, composed and live', async () => {
    const versions = await call(gateway, 'GET', '/registry/versions', keys.admin);
    expect(versions.status).toBe(200);
    expect(versions.body.versions.map((v: { version: number; action: string }) => [v.version, v.action])).toEqual([
      [0, 'committed'],
      [1, 'publish'],
    ]);

    const rolled = await call(gateway, 'POST', '/registry/rollback', keys.admin, { version: 0 });
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(200);
    expect(rolled.body).toMatchObject({ rolledBack: true, version: 2, restoredFrom: 0, report: { composition: { ok: true, errors: [] }, changed: ['catalog'] } });
    expect(rolled.body.report.dataFlows.removed.map((f: { kind: string; field: string }) => `${f.kind} ${f.field}`)).toEqual(
      expect.arrayContaining(['override Person.displayName', 'requires Person.profileFacts']),
    );

    const served = await fetch(`${gateway.url}/registry/supergraph`);
    expect(served.headers.get('x-govgraph-registry-version')).toBe('2');
    expect(await served.text()).not.toContain('override: "identity")');
    const listing = await call(gateway, 'GET', '/registry/subgraphs', undefined);
    expect(listing.body.subgraphs.find((s: { name: string }) => s.name === 'catalog')).toMatchObject({ source: 'committed', sdl: CATALOG });

    const after = await call(gateway, 'GET', '/registry/versions', keys.admin);
    expect(after.body.versions.at(-1)).toMatchObject({ version: 2, action: 'rollback', restoredFrom: 0, by: keys.adminId, subgraphs: [] });
  });

  it('rolling back to what is served changes nothing; an unknown version or a department’s credential is refused', async () => {
    expect((await call(gateway, 'POST', '/registry/rollback', keys.admin, { version: 2 })).body).toMatchObject({ rolledBack: false, change: 'unchanged', version: 2 });
    const unknown = await call(gateway, 'POST', '/registry/rollback', keys.admin, { version: 99 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(unknown.body.errors[0].message).toContain('0, 1, 2');
    const department = await call(gateway, 'POST', '/registry/rollback', keys.catalog, { version: 1 });
    expect(department.status).toBe(403);
  });
});

describe('a rollback still answers to the data-sharing policy', () => {
  it('refuses to restore a version whose flows the policy no longer declares (409)', async () => {
    const store = createMemoryRegistryStore();
    const dir = mkdtempSync(join(tmpdir(), 'govgraph-registry-'));
    try {
      const registry = new SupergraphRegistry({
        supergraphSdl: readFileSync(SUPERGRAPH_FILE, 'utf8'),
        schemaDir: join(SUBGRAPHS_DIR, '..'),
        store,
        credentials: createFileCredentialStore(join(dir, 'credentials.json')),
        policy: loadDataPolicy(),
        log: createLogger('test', 'silent'),
      });
      // Published when a (wrong) policy allowed it; the committed policy does not.
      const takeover = { name: 'catalog', url: CATALOG_URL, sdl: TAKEOVER, publishedAt: new Date().toISOString() };
      await store.commit(0, { at: takeover.publishedAt, action: 'publish', subgraph: 'catalog', change: 'updated', by: 'pub-old', published: { catalog: takeover } });
      await store.commit(1, { at: takeover.publishedAt, action: 'rollback', restoredFrom: 0, by: 'adm-old', published: {} });
      const outcome = await registry.rollback(1, 'adm-test');
      expect(outcome.status).toBe('refused');
      if (outcome.status !== 'refused') return;
      expect(outcome.report.composition.ok).toBe(true);
      expect(outcome.report.dataFlows!.undeclared.map((f) => `${f.kind} ${f.field}`)).toEqual(
        expect.arrayContaining(['requires Person.profileFacts', 'override Person.displayName']),
      );
      expect((await store.read()).version).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
