import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import { createLogger, DEPARTMENTS, openDatabase, prepareDatabase, type Claims, type DataAccessEvent, type Database } from '@govgraph/kit';
import { createConsultationLoaders, createConsultationServices, type ConsultationContext } from '../src/context.js';
import type { ConsultationTables } from '../src/database.js';
import { buildConsultationSchema } from '../src/schema.js';
import { consultationService } from '../src/server.js';

export const log = createLogger('test', 'silent');

export const citizen = (id: string): Claims => ({ accountId: `A-${id.slice(2)}`, personId: id, applicantId: id, roles: ['citizen'], department: null });
export const officer = (accountId: string, department: string): Claims => ({ accountId, personId: null, applicantId: null, roles: ['officer'], department });
export const zhangsan = citizen('P-000001');
export const lisi = citizen('P-000002');
export const wangwuForCompany: Claims = { ...citizen('P-000003'), applicantId: 'E-000001' };
export const hallOfficer = officer('A-000006', DEPARTMENTS.dataAdministration.code);
export const policeOfficer = officer('A-000004', DEPARTMENTS.trafficPolice.code);
export const marketOfficer = officer('A-000005', DEPARTMENTS.marketRegulation.code);

/** The instant the tests live at unless they say otherwise: Friday 27 November 2026, 10:00 city time. */
export const NOW = new Date('2026-11-27T02:00:00.000Z');

export async function freshDatabase(): Promise<Database<ConsultationTables>> {
  const database = openDatabase<ConsultationTables>({ name: 'consultation', dataDir: ':memory:' });
  await prepareDatabase(consultationService, database, log, { seed: true });
  return database;
}

const schema = buildConsultationSchema();

export interface RunOptions {
  clock?: Date;
  published?: DataAccessEvent[];
}

/** Runs a document against the schema as the gateway's signed request would, without HTTP. */
export async function run(
  database: Database<ConsultationTables>,
  document: string,
  variables: Record<string, unknown>,
  claims: Claims | null,
  options: RunOptions = {},
): Promise<ExecutionResult<any>> {
  const clock = options.clock ?? NOW;
  const published = options.published;
  const services = createConsultationServices(database.db, {
    clock: () => clock,
    publishAccess: published ? async (event) => published.push(event) : null,
  });
  const contextValue: ConsultationContext = { claims, requestId: 'test', clientAddress: null, log, services, loaders: createConsultationLoaders(services) };
  return execute({ schema: (await schema).schema, document: parse(document), variableValues: variables, contextValue }) as Promise<ExecutionResult<any>>;
}

export const codeOf = (result: ExecutionResult<any>) => result.errors?.[0]?.extensions?.code;
export const fieldOf = (result: ExecutionResult<any>) => result.errors?.[0]?.extensions?.field;

export { buildConsultationSchema };
