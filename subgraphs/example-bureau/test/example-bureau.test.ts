import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, openDatabase, prepareDatabase, type Claims, type Database } from '@govgraph/kit';
import { createExampleBureauLoaders, createExampleBureauServices, type ExampleBureauContext } from '../src/context.js';
import type { ExampleBureauTables } from '../src/database.js';
import { DEPARTMENT_NAME } from '../src/department.js';
import { buildExampleBureauSchema } from '../src/schema.js';
import { exampleBureauService } from '../src/server.js';

const log = createLogger('test', 'silent');
const citizen = (id: string): Claims => ({ accountId: `A-${id.slice(2)}`, personId: id, applicantId: id, roles: ['citizen'], department: null });
const zhangsan = citizen('P-000001');
const lisi = citizen('P-000002');

async function freshDatabase(): Promise<Database<ExampleBureauTables>> {
  const database = openDatabase<ExampleBureauTables>({ name: 'example-bureau', dataDir: ':memory:' });
  await prepareDatabase(exampleBureauService, database, log);
  return database;
}

const ownedRecords = (database: Database<ExampleBureauTables>) => database.db.selectFrom('example_bureau_record').selectAll().orderBy('id').execute();

describe('the example-bureau subgraph', () => {
  let database: Database<ExampleBureauTables>;
  const schema = buildExampleBureauSchema();

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Runs a document against the schema as the gateway's signed request would, without HTTP. */
  async function run(document: string, variables: Record<string, unknown>, claims: Claims | null): Promise<ExecutionResult<any>> {
    const services = createExampleBureauServices(database.db);
    const contextValue: ExampleBureauContext = { claims, requestId: 'test', clientAddress: null, log, services, loaders: createExampleBureauLoaders(services) };
    return execute({ schema: (await schema).schema, document: parse(document), variableValues: variables, contextValue }) as Promise<ExecutionResult<any>>;
  }

  const applicantRecords = (id: string, claims: Claims | null) =>
    run(
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { exampleBureauRecords { id title status recordedOn department } } } }',
      { reps: [{ __typename: 'Applicant', id }] },
      claims,
    );

  it('seeds the same demo data on every run, once', async () => {
    const other = await freshDatabase();
    try {
      const rows = await ownedRecords(database);
      expect(rows.length).toBeGreaterThan(0);
      expect(await ownedRecords(other)).toEqual(rows);
      await prepareDatabase(exampleBureauService, other, log);
      expect(await ownedRecords(other)).toHaveLength(rows.length);
    } finally {
      await other.close();
    }
  });

  it('is run by its department, which every seeded record names', async () => {
    expect(exampleBureauService.department).toBe(DEPARTMENT_NAME);
    const departments = new Set((await ownedRecords(database)).map((r) => r.department));
    expect([...departments]).toEqual([DEPARTMENT_NAME]);
  });

  it('adds exampleBureauRecords to every Applicant (@interfaceObject)', async () => {
    const { sdl } = await schema;
    expect(sdl).toMatch(/type Applicant @interfaceObject @key\(fields: "id"\)/);
    expect(sdl).toMatch(/exampleBureauRecords: \[ExampleBureauRecord!\]!/);
  });

  it('gives an applicant their own records, newest first', async () => {
    const result = await applicantRecords('P-000001', zhangsan);
    expect(result.errors).toBeUndefined();
    const records = result.data!._entities[0].exampleBureauRecords as Array<{ recordedOn: string; department: string }>;
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => r.recordedOn)).toEqual(
      records
        .map((r) => r.recordedOn)
        .sort()
        .reverse(),
    );
    expect(records[0]!.department).toBe(DEPARTMENT_NAME);
  });

  it('refuses anyone else, and anonymous callers', async () => {
    expect((await applicantRecords('P-000001', lisi)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await applicantRecords('P-000001', null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a record by id and by reference only to its applicant', async () => {
    const [own] = (await ownedRecords(database)).filter((r) => r.applicant_id === 'P-000001');
    const byId = (claims: Claims) => run('query ($id: ID!) { exampleBureauRecord(id: $id) { id } }', { id: own!.id }, claims);
    expect((await byId(zhangsan)).data?.exampleBureauRecord).toEqual({ id: own!.id });
    expect((await byId(lisi)).data?.exampleBureauRecord).toBeNull();
    const reference = (claims: Claims) =>
      run(
        'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ExampleBureauRecord { title } } }',
        { reps: [{ __typename: 'ExampleBureauRecord', id: own!.id }] },
        claims,
      );
    expect((await reference(zhangsan)).data?._entities).toEqual([{ title: own!.title }]);
    expect((await reference(lisi)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
