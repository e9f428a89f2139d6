import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import { createLogger, DEPARTMENTS, openDatabase, prepareDatabase, type Claims, type DataAccessEvent, type Database } from '@govgraph/kit';
import { createDisclosureLoaders, createDisclosureServices, type DisclosureContext, type DisclosureServices } from '../src/context.js';
import type { DisclosureTables } from '../src/database.js';
import { buildDisclosureSchema } from '../src/schema.js';
import { disclosureService } from '../src/server.js';

export const log = createLogger('test', 'silent');

const citizen = (id: string, applicantId = id): Claims => ({ accountId: `A-${id.slice(2)}`, personId: id, applicantId, roles: ['citizen'], department: null });
const officer = (id: string, department: string): Claims => ({ accountId: `A-${id.slice(2)}`, personId: id, applicantId: null, roles: ['officer'], department });

export const zhangsan = citizen('P-000001');
export const lisi = citizen('P-000002');
export const wangwu = citizen('P-000003');
/** wangwu acting for his company. */
export const wangwuCompany = citizen('P-000003', 'E-000001');
export const officerHall = officer('P-000006', DEPARTMENTS.dataAdministration.code);
export const officerPolice = officer('P-000004', DEPARTMENTS.trafficPolice.code);
export const officerMarket = officer('P-000005', DEPARTMENTS.marketRegulation.code);

export async function freshDatabase(): Promise<Database<DisclosureTables>> {
  const database = openDatabase<DisclosureTables>({ name: 'disclosure', dataDir: ':memory:' });
  await prepareDatabase(disclosureService, database, log);
  return database;
}

const schema = buildDisclosureSchema();

/**
 * A database with the seed, a movable city clock, and the officers' reads it reported. `run`
 * executes a document as the gateway's signed request would, without HTTP, with fresh loaders.
 */
export async function testGraph(now = '2026-12-01T02:00:00.000Z') {
  const database = await freshDatabase();
  const clock = { now: new Date(now) };
  const reads: DataAccessEvent[] = [];
  const services: DisclosureServices = createDisclosureServices(database.db, {
    clock: () => clock.now,
    reportAccess: async (event) => {
      reads.push(event);
    },
  });
  const { schema: graphql, sdl } = await schema;
  async function run(document: string, variables: Record<string, unknown>, claims: Claims | null): Promise<ExecutionResult<any>> {
    const contextValue: DisclosureContext = { claims, requestId: 'test', clientAddress: null, log, services, loaders: createDisclosureLoaders(services) };
    return execute({ schema: graphql, document: parse(document), variableValues: variables, contextValue }) as Promise<ExecutionResult<any>>;
  }
  return {
    database,
    services,
    reads,
    sdl,
    run,
    /** Moves the city clock to 10:00 on a city date. */
    setToday(date: string) {
      clock.now = new Date(`${date}T02:00:00.000Z`);
    },
  };
}

export type TestGraph = Awaited<ReturnType<typeof testGraph>>;

/** The first error's code and field, for asserting refusals. */
export function refusal(result: ExecutionResult<any>): { code: unknown; field?: unknown } {
  const extensions = result.errors?.[0]?.extensions ?? {};
  return 'field' in extensions ? { code: extensions.code, field: extensions.field } : { code: extensions.code };
}
