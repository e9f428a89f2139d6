import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startService, type StartedService, type SubgraphService } from '@govgraph/kit';
import { signRequest, type Claims } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';
import { composeSupergraph, printSubgraphs } from '@govgraph/schema';
import { makeScratch, removeScratch } from '../src/scratch.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

function run(args: string[], cwd = root) {
  // A vitest run inside this one must not think it is a worker of ours; relative paths are from cwd, not
  // from where npm was started (INIT_CWD).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'INIT_CWD'));
  const result = spawnSync(process.execPath, args, { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}
const newSubgraph = (...args: string[]) => run([join(root, 'scripts', 'new-subgraph.mjs'), ...args]);

describe('npm run new-subgraph', () => {
  let scratch: string;
  let target: string;

  beforeAll(() => {
    scratch = makeScratch('new-subgraph');
    target = join(scratch, 'housing-fund');
  });
  afterAll(() => {
    if (scratch) removeScratch(scratch);
  });

  it('refuses names that are not kebab-case, taken or reserved, and writes nothing', () => {
    for (const [name, reason] of [
      ['Housing_Fund', 'kebab-case'],
      ['2fund', 'kebab-case'],
      ['housing--fund', 'kebab-case'],
      ['catalog', 'already a subgraph'],
      ['kit', 'reserved'],
      ['gateway', 'reserved'],
    ] as const) {
      const result = newSubgraph(name, '--dir', scratch, '--no-register');
      expect(result.status, result.output).toBe(2);
      expect(result.output).toContain(reason);
    }
    expect(newSubgraph('housing-fund', '--dir', scratch, '--port', '4003').output).toContain("port 4003 is already licences's");
    expect(newSubgraph('housing-fund', '--dir', scratch).output).toContain('a registered subgraph lives in subgraphs/housing-fund');
    expect(readdirSync(scratch)).toEqual([]);
  });

  it('scaffolds a department into a folder without registering it', () => {
    const result = newSubgraph('housing-fund', '--dir', relative(root, scratch), '--no-register');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('not registered');
    for (const file of [
      'package.json',
      'tsconfig.json',
      'vitest.config.ts',
      'src/index.ts',
      'src/server.ts',
      'src/schema.ts',
      'src/context.ts',
      'src/database.ts',
      'src/record/record.type.ts',
      'src/record/record.resolver.ts',
      'src/record/record.reference.ts',
      'src/record/record.repository.ts',
      'src/applicant/applicant.type.ts',
      'src/applicant/applicant.resolver.ts',
      'src/migrations/0001-housing-fund.ts',
      'src/seed/seed-housing-fund.ts',
      'test/housing-fund.test.ts',
    ]) {
      expect(existsSync(join(target, file)), file).toBe(true);
    }
    expect(newSubgraph('housing-fund', '--dir', scratch, '--no-register').output).toContain('already exists');
  });

  it('typechecks against the root tsconfig, and passes its own unit tests', () => {
    const tsc = run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', target]);
    expect(tsc.status, tsc.output).toBe(0);
    const vitest = run([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], target);
    expect(vitest.status, vitest.output).toBe(0);
    expect(vitest.output).toMatch(/Tests\s+5 passed/);
  }, 120_000);

  describe('the scaffolded service', () => {
    let service: SubgraphService<any>;
    let started: StartedService;
    let dataDir: string;
    /** The gateway's key and the department's own, as `npm start` makes them on a fresh DATA_DIR: one trust list. */
    let parties: ReturnType<typeof testParties<'gateway' | 'housing-fund'>>;

    beforeAll(async () => {
      ({ housingFundService: service } = await import(pathToFileURL(join(target, 'src', 'server.ts')).href));
      dataDir = mkdtempSync(join(scratch, 'data-'));
      parties = testParties(['gateway', 'housing-fund'], mkdtempSync(join(scratch, 'keys-')));
      started = await startService(
        service,
        { name: service.name, port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, redisUrl: undefined, redisPrefix: 'govgraph-test:' },
        { party: parties['housing-fund'], log: createLogger('housing-fund', 'silent') },
      );
    });
    afterAll(async () => {
      await started?.running.close();
    });

    it('extends the shared Applicant with its field, and composes with the graph', async () => {
      expect(service.name).toBe('housing-fund');
      const { sdl } = await service.buildSchema();
      expect(sdl).toMatch(/type Applicant @interfaceObject @key\(fields: "id"\) \{\n\s+id: ID!/);
      expect(sdl).toMatch(/housingFundRecords: \[HousingFundRecord!\]!/);
      expect(sdl).toMatch(/type HousingFundRecord @key\(fields: "id"\)/);
      const supergraph = composeSupergraph([...(await printSubgraphs()), { name: 'housing-fund', url: 'http://127.0.0.1:4005/graphql', sdl }]);
      expect(supergraph).toContain('HOUSING_FUND @join__graph(name: "housing-fund", url: "http://127.0.0.1:4005/graphql")');
      expect(supergraph).toMatch(/interface Applicant[^}]*housingFundRecords: \[HousingFundRecord!\]! @join__field\(graph: HOUSING_FUND\)/s);
    });

    it('listens on port 0, answers /healthz and /readyz, and answers GraphQL only to the gateway', async () => {
      const url = started.running.url;
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', service: 'housing-fund' });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const body = JSON.stringify({
        query: 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { housingFundRecords { id status } } } }',
        variables: { reps: [{ __typename: 'Applicant', id: 'P-000001' }] },
      });
      const unsigned = await fetch(started.running.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(unsigned.status).toBe(401);

      const zhangsan: Claims = { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
      const post = (headers: Record<string, string>) => fetch(started.running.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      // Its own key is not the gateway's, and a gateway signature for another subgraph is not for it.
      const ownKey = await post({ ...signRequest(parties['housing-fund'].keys, { audience: 'housing-fund', requestId: 'scaffold-own-key', claims: zhangsan, body }) });
      expect(ownKey.status).toBe(401);
      const forIdentity = await post({ ...signRequest(parties.gateway.keys, { audience: 'identity', requestId: 'scaffold-identity', claims: zhangsan, body }) });
      expect(forIdentity.status).toBe(401);

      const signed = await post({ ...signRequest(parties.gateway.keys, { audience: 'housing-fund', requestId: 'scaffold-test', claims: zhangsan, body }) });
      const result = (await signed.json()) as { data: { _entities: Array<{ housingFundRecords: Array<{ id: string }> }> } };
      expect(result.data._entities[0]!.housingFundRecords.length).toBeGreaterThan(0);
      expect(result.data._entities[0]!.housingFundRecords[0]!.id).toMatch(/^HF-\d{6}$/);
    });
  });
});
