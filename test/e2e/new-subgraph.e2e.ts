import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, startService, SUBGRAPH_REGISTRY, type StartedService, type SubgraphService } from '@govgraph/kit';
import { signRequest, type Claims } from '@govgraph/kit/trust';
import { testParties } from '@govgraph/kit/testing';
import { composeSupergraph, printSubgraphs, SUBGRAPH_SERVICES, SUPERGRAPH_FILE } from '@govgraph/schema';
import { exampleDepartment, leftoverExampleSpellings, sourceFiles } from '../src/example-department.js';
import { makeScratch, removeScratch } from '../src/scratch.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
/** What --department names: the scaffold's README and every record its seed writes must carry it. */
const DEPARTMENT = '住房公积金管理中心';

function run(args: string[], cwd = root) {
  // A vitest run inside this one must not think it is a worker of ours; relative paths are from cwd, not
  // from where npm was started (INIT_CWD).
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'INIT_CWD'));
  const result = spawnSync(process.execPath, args, { cwd, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 120_000 });
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes, which start with ESC.
  return { status: result.status, output: `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}
const newSubgraph = (...args: string[]) => run([join(root, 'scripts', 'new-subgraph.mjs'), ...args]);

describe('the live example department new-subgraph copies', () => {
  it('is a workspace npm test type-checks and tests, never registered, composed or served', async () => {
    const example = await exampleDepartment();
    const pkg = readJson(join(example.dir, 'package.json'));
    expect(pkg.name).toBe(`@govgraph/${example.EXAMPLE_NAME}`);
    expect(readJson(join(root, 'package.json')).workspaces).toContain(example.EXAMPLE_DIR);
    expect(pkg.scripts).toMatchObject({ typecheck: 'tsc --noEmit -p .', test: 'vitest run' });

    expect(SUBGRAPH_REGISTRY.map((entry) => entry.name)).not.toContain(example.EXAMPLE_NAME);
    expect(SUBGRAPH_SERVICES.map((service) => service.name)).not.toContain(example.EXAMPLE_NAME);
    expect(Object.keys(readJson(join(root, 'schema', 'package.json')).dependencies)).not.toContain(pkg.name);
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).not.toContain(example.names.pascal);
    expect(existsSync(join(root, 'schema', 'subgraphs', `${example.EXAMPLE_NAME}.graphql`))).toBe(false);
  });

  it("pins the kit's versions of what it shares with the kit, so a copy installs beside it", async () => {
    const example = await exampleDepartment();
    const kit = readJson(join(root, 'subgraphs', 'kit', 'package.json')).dependencies as Record<string, string>;
    for (const [dependency, version] of Object.entries(readJson(join(example.dir, 'package.json')).dependencies as Record<string, string>)) {
      if (dependency !== '@govgraph/kit') expect(version, dependency).toBe(kit[dependency]);
    }
  });
});

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

  it('scaffolds a department into a folder without registering it: a copy of the live example', async () => {
    const result = newSubgraph('housing-fund', '--dir', relative(root, scratch), '--no-register', '--department', DEPARTMENT);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('not registered');
    expect(result.output).toContain('a copy of subgraphs/example-bureau');
    for (const file of [
      'package.json',
      'tsconfig.json',
      'vitest.config.ts',
      'README.md',
      'src/index.ts',
      'src/server.ts',
      'src/schema.ts',
      'src/context.ts',
      'src/database.ts',
      'src/department.ts',
      'src/record/record.type.ts',
      'src/record/record.enums.ts',
      'src/record/record.resolver.ts',
      'src/record/record.reference.ts',
      'src/record/record.repository.ts',
      'src/applicant/applicant.type.ts',
      'src/applicant/applicant.resolver.ts',
      'src/applicant/applicant.reference.ts',
      'src/migrations/0001-housing-fund.ts',
      'src/seed/seed-housing-fund.ts',
      'test/housing-fund.test.ts',
    ]) {
      expect(existsSync(join(target, file)), file).toBe(true);
    }
    // Every file of the example, and nothing of its name or department left in any of them.
    const example = await exampleDepartment();
    expect(sourceFiles(target).sort()).toEqual(
      sourceFiles(example.dir)
        .map((path) => path.replaceAll(example.EXAMPLE_NAME, 'housing-fund'))
        .sort(),
    );
    expect(await leftoverExampleSpellings(target)).toEqual([]);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).toContain(`run by ${DEPARTMENT}`);
    expect(readFileSync(join(target, 'README.md'), 'utf8')).not.toContain('live example');
    expect(readFileSync(join(target, 'src', 'department.ts'), 'utf8')).toContain(`'${DEPARTMENT}'`);
    expect(newSubgraph('housing-fund', '--dir', scratch, '--no-register').output).toContain('already exists');
  });

  it('typechecks against the root tsconfig, and passes its own unit tests', () => {
    const tsc = run([join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', target]);
    expect(tsc.status, tsc.output).toBe(0);
    const vitest = run([join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run'], target);
    expect(vitest.status, vitest.output).toBe(0);
    expect(vitest.output).toMatch(/Tests\s+6 passed/);
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
      // The shape new-subgraph classifies in the data policy (policy-entry.mjs) is the copy's own.
      const { scaffoldSdl } = (await import(pathToFileURL(join(root, 'scripts', 'new-subgraph', 'policy-entry.mjs')).href)) as { scaffoldSdl(names: unknown): string };
      const declared = scaffoldSdl((await exampleDepartment()).namesOf('housing-fund'));
      for (const line of declared.split('\n').filter((l) => /^\s*\w+: |^type /.test(l))) expect(sdl, line).toContain(line.replace(/ \{$/, ''));
      const supergraph = composeSupergraph([...(await printSubgraphs()), { name: 'housing-fund', url: 'http://127.0.0.1:4005/graphql', sdl }]);
      expect(supergraph).toContain('HOUSING_FUND @join__graph(name: "housing-fund", url: "http://127.0.0.1:4005/graphql")');
      expect(supergraph).toMatch(/interface Applicant[^}]*housingFundRecords: \[HousingFundRecord!\]! @join__field\(graph: HOUSING_FUND\)/s);
    });

    it('listens on port 0, answers /healthz and /readyz, and answers GraphQL only to the gateway', async () => {
      const url = started.running.url;
      expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', service: 'housing-fund' });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);

      const body = JSON.stringify({
        query: 'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { housingFundRecords { id status department } } } }',
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
      const result = (await signed.json()) as { data: { _entities: Array<{ housingFundRecords: Array<{ id: string; department: string }> }> } };
      expect(result.data._entities[0]!.housingFundRecords.length).toBeGreaterThan(0);
      expect(result.data._entities[0]!.housingFundRecords[0]!.id).toMatch(/^HF-\d{6}$/);
      // --department reached the seed: every record names it.
      expect(new Set(result.data._entities[0]!.housingFundRecords.map((r) => r.department))).toEqual(new Set([DEPARTMENT]));
    });
  });
});
