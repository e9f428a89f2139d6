// The files of a new department's subgraph, as `npm run new-subgraph` writes them. Each template
// is a function of the derived names (see namesOf), so the output is plain, compiling code.

/**
 * Every spelling a department's name needs: `housing-fund` -> housingFund (code), HousingFund
 * (types), HOUSING_FUND (environment), "Housing fund" (prose), HF (record ids).
 */
export function namesOf(name) {
  const words = name.split('-');
  const pascal = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
  const camel = pascal[0].toLowerCase() + pascal.slice(1);
  const title = words.join(' ');
  return {
    name,
    camel,
    pascal,
    env: name.toUpperCase().replace(/[^A-Z0-9]/g, '_'),
    title: title[0].toUpperCase() + title.slice(1),
    /** Mid-sentence: "read their housing fund records". */
    words: title,
    idPrefix: (words.length > 1 ? words.map((w) => w[0]).join('') : name.slice(0, 2)).toUpperCase(),
    // A fixed seed for seededRandom, different per department.
    seed: [...name].reduce((hash, c) => (Math.imul(hash, 31) + c.charCodeAt(0)) >>> 0, 7) % 1_000_000,
  };
}

/**
 * @param {ReturnType<typeof namesOf>} n
 * @param {{ root: string, department: string, versions: Record<string, string> }} o
 *   root: the repository root relative to the new folder ('../..'); versions: the kit's pins.
 * @returns {Record<string, string>} path inside the new folder -> content
 */
export function subgraphFiles(n, { root, department, versions }) {
  const Record = `${n.pascal}Record`;
  const Status = `${n.pascal}RecordStatus`;
  const Tables = `${n.pascal}Tables`;
  const Context = `${n.pascal}Context`;
  const field = `${n.camel}Records`;
  // A string literal as the codebase writes them: single quotes unless the text has one.
  const q = (s) => (/['\\\n]/.test(s) ? JSON.stringify(s) : `'${s}'`);

  return {
    'package.json': `${JSON.stringify(
      {
        name: `@govgraph/${n.name}`,
        version: '0.1.0',
        private: true,
        type: 'module',
        exports: { '.': './src/server.ts' },
        scripts: {
          start: `tsx --tsconfig ${root}/tsconfig.json src/index.ts`,
          typecheck: 'tsc --noEmit -p .',
          test: 'vitest run',
        },
        dependencies: {
          '@govgraph/kit': '*',
          graphql: versions.graphql,
          kysely: versions.kysely,
          'reflect-metadata': versions['reflect-metadata'],
          'type-graphql': versions['type-graphql'],
        },
        devDependencies: {},
      },
      null,
      2,
    )}\n`,

    'tsconfig.json': `{\n  "extends": "${root}/tsconfig.base.json",\n  "include": ["src", "test", "*.ts"]\n}\n`,

    'vitest.config.ts': `import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '${root}/vitest.shared.js';

export default mergeConfig(sharedConfig, defineConfig({ test: { name: ${q(n.name)}, include: ['test/**/*.test.ts'] } }));
`,

    'README.md': `# @govgraph/${n.name}

The ${n.title} department's subgraph, scaffolded by \`npm run new-subgraph -- ${n.name}\`. See
\`docs/building-a-subgraph.md\` at the repository root for the kit and the rules every subgraph keeps.

- \`src/server.ts\` — the \`SubgraphService\` (\`npm start\`, composition and the test harness start from it)
- \`src/index.ts\` — listens (\`${n.env}_PORT\`, \`${n.env}_DATABASE_URL\`, \`DATA_DIR\`)
- \`src/record/\` — the example entity \`${Record}\`: type, resolver, reference resolver, repository
- \`src/applicant/\` — \`Applicant.${field}\`, added to every applicant (\`@interfaceObject\`), the applicant's own only
- \`src/migrations/\`, \`src/seed/\` — its own tables and deterministic demo data
- \`test/\` — unit tests without ports: \`npm test -w @govgraph/${n.name}\`

Replace the example record with the department's own entities; keep the access checks.
`,

    'src/index.ts': `import 'reflect-metadata';
import { runServiceMain } from '@govgraph/kit';
import { ${n.camel}Service } from './server.js';

await runServiceMain(${n.camel}Service);
`,

    'src/server.ts': `import 'reflect-metadata';
import { createSubgraph, type SubgraphService } from '@govgraph/kit';
import { create${n.pascal}Loaders, create${n.pascal}Services } from './context.js';
import type { ${Tables} } from './database.js';
import { ${n.camel}Migrations } from './migrations/index.js';
import { build${n.pascal}Schema } from './schema.js';
import { seed${n.pascal} } from './seed/seed-${n.name}.js';

export const ${n.camel}Service: SubgraphService<${Tables}> = {
  name: ${q(n.name)},
  department: ${q(department)},
  migrations: ${n.camel}Migrations,
  seed: seed${n.pascal},
  seedVersion: 1,
  buildSchema: build${n.pascal}Schema,
  // party: the department's own keys and the graph's trust list (the gateway's public key checks every
  // request); nonces: the signed requests already accepted, so none is accepted twice.
  async createServer({ database, party, nonces, log }) {
    const { schema } = await build${n.pascal}Schema();
    return createSubgraph({
      name: ${q(n.name)},
      schema,
      trust: party.trust,
      nonces,
      log,
      services: create${n.pascal}Services(database.db),
      createLoaders: create${n.pascal}Loaders,
      checkReady: database.ping,
    });
  },
};
`,

    'src/schema.ts': `import { buildFederatedSchema, type FederatedSchema } from '@govgraph/kit';
import { Applicant${n.pascal}Resolver } from './applicant/applicant.resolver.js';
import { Applicant } from './applicant/applicant.type.js';
import { ${n.camel}RecordReference } from './record/record.reference.js';
import { ${Record}Resolver } from './record/record.resolver.js';

/** The subgraph's Federation 2 schema; needs no database (printing the SDL uses it). */
export function build${n.pascal}Schema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [${Record}Resolver, Applicant${n.pascal}Resolver],
    orphanedTypes: [Applicant],
    referenceResolvers: {
      ${Record}: ${n.camel}RecordReference,
      // Any applicant identity knows: the representation is all this subgraph needs.
      Applicant: { __resolveReference: (ref: { id: string }) => ref },
    },
  });
}
`,

    'src/database.ts': `/**
 * The tables the ${n.words} department owns, in its own database: SQLite (DATA_DIR/${n.name}.sqlite) by default,
 * PostgreSQL when ${n.env}_DATABASE_URL is set. Dates are text (YYYY-MM-DD) in both.
 */
export interface ${Tables} {
  applicant_record: {
    id: string;
    applicant_id: string;
    title: string;
    status: string;
    recorded_on: string;
  };
}
`,

    'src/context.ts': `import type { Kysely } from 'kysely';
import { groupedLoader, keyedLoader, type SubgraphContext } from '@govgraph/kit';
import type { ${Tables} } from './database.js';
import { RecordRepository } from './record/record.repository.js';

/** Long-lived: repositories (and later keys, clocks, event buses), shared by every request. */
export interface ${n.pascal}Services {
  records: RecordRepository;
}

export function create${n.pascal}Services(db: Kysely<${Tables}>): ${n.pascal}Services {
  return { records: new RecordRepository(db) };
}

/** Fresh per request: one query per entity type per request, never N+1, never shared between callers. */
export function create${n.pascal}Loaders(services: ${n.pascal}Services) {
  return {
    recordById: keyedLoader((ids: readonly string[]) => services.records.byIds(ids), (record) => record.id),
    recordsByApplicant: groupedLoader((ids: readonly string[]) => services.records.ofApplicants(ids), (record) => record.applicantId),
  };
}

export type ${n.pascal}Loaders = ReturnType<typeof create${n.pascal}Loaders>;
export type ${Context} = SubgraphContext<${n.pascal}Loaders, ${n.pascal}Services>;
`,

    'src/record/record.type.ts': `import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@govgraph/kit';

export enum ${Status} {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}
registerEnumType(${Status}, { name: ${q(Status)}, description: 'Whether the matter the record is about is still open.' });

/**
 * The example entity: one record the ${n.words} department keeps about an applicant. Type names are prefixed
 * with the department, because every subgraph's types share one graph.
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: ${q(`A record the ${n.words} department keeps about an applicant.`)} })
export class ${Record} {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => ${Status})
  status!: ${Status};

  @Field(() => DateScalar, { description: 'When it was recorded (a city date).' })
  recordedOn!: string;

  /** Whose record it is: every entry point checks it against the caller. Not a GraphQL field. */
  applicantId!: string;
}
`,

    'src/record/record.repository.ts': `import type { Kysely, Selectable } from 'kysely';
import type { ${Tables} } from '../database.js';
import type { ${Record}, ${Status} } from './record.type.js';

type RecordRow = Selectable<${Tables}['applicant_record']>;

export class RecordRepository {
  constructor(private readonly db: Kysely<${Tables}>) {}

  async byIds(ids: readonly string[]): Promise<${Record}[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('applicant_record').selectAll().where('id', 'in', [...ids]).execute();
    return rows.map(toRecord);
  }

  /** Every record of these applicants, newest first, in one query (a DataLoader batch). */
  async ofApplicants(applicantIds: readonly string[]): Promise<${Record}[]> {
    if (applicantIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('applicant_record')
      .selectAll()
      .where('applicant_id', 'in', [...applicantIds])
      .orderBy('recorded_on', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  }
}

function toRecord(row: RecordRow): ${Record} {
  return { id: row.id, applicantId: row.applicant_id, title: row.title, status: row.status as ${Status}, recordedOn: row.recorded_on };
}
`,

    'src/record/record.resolver.ts': `import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import { actsAs, checkText } from '@govgraph/kit';
import type { ${Context} } from '../context.js';
import { ${Record} } from './record.type.js';

@Resolver(() => ${Record})
export class ${Record}Resolver {
  @Authorized()
  @Query(() => ${Record}, { nullable: true, description: ${q(`One of the caller's ${n.words} records; null when they have none with this id.`)} })
  async ${n.camel}Record(@Arg('id', () => ID) id: string, @Ctx() ctx: ${Context}): Promise<${Record} | null> {
    checkText(id, 'id', { max: 32 });
    const record = await ctx.loaders.recordById.load(id);
    // Someone else's record reads as none: a refusal would tell that it exists.
    return record && actsAs(ctx.claims, record.applicantId) ? record : null;
  }
}
`,

    'src/record/record.reference.ts': `import { requireApplicant } from '@govgraph/kit';
import type { ${Context} } from '../context.js';
import type { ${Record} } from './record.type.js';

export const ${n.camel}RecordReference = {
  /** An entry point like any query (\`_entities\`): check whose record it is. */
  async __resolveReference(ref: { id: string }, ctx: ${Context}): Promise<${Record} | null> {
    const record = await ctx.loaders.recordById.load(ref.id);
    if (!record) return null;
    requireApplicant(ctx.claims, record.applicantId, ${q(`read their ${n.words} records`)});
    return record;
  },
};
`,

    'src/applicant/applicant.type.ts': `import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Every applicant, person or enterprise, as the ${n.words} department sees it. Identity owns the Applicant
 * interface; @interfaceObject lets this subgraph add fields to all its implementations by id.
 */
@Directive('@interfaceObject')
@Directive('@key(fields: "id")')
@ObjectType()
export class Applicant {
  @Field(() => ID)
  id!: string;
}
`,

    'src/applicant/applicant.resolver.ts': `import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireApplicant } from '@govgraph/kit';
import type { ${Context} } from '../context.js';
import { ${Record} } from '../record/record.type.js';
import { Applicant } from './applicant.type.js';

@Resolver(() => Applicant)
export class Applicant${n.pascal}Resolver {
  @FieldResolver(() => [${Record}], { description: ${q(`The applicant's ${n.words} records, newest first. Only the applicant may read them.`)} })
  ${field}(@Root() applicant: Applicant, @Ctx() ctx: ${Context}): Promise<${Record}[]> {
    // The gateway may ask for any applicant's id: only the caller acting as that applicant gets an answer.
    requireApplicant(ctx.claims, applicant.id, ${q(`read their ${n.words} records`)});
    return ctx.loaders.recordsByApplicant.load(applicant.id);
  }
}
`,

    [`src/migrations/0001-${n.name}.ts`]: `import type { Kysely, Migration } from 'kysely';

/** Written with Kysely's schema builder, so the same migration runs on SQLite and PostgreSQL. */
export const ${n.camel}Tables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('applicant_record')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('applicant_id', 'varchar(32)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('recorded_on', 'varchar(10)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('applicant_record_applicant').on('applicant_record').columns(['applicant_id', 'recorded_on']).execute();
  },
};
`,

    'src/migrations/index.ts': `import type { Migrations } from '@govgraph/kit';
import { ${n.camel}Tables } from './0001-${n.name}.js';

/** Applied in key order, each once; add a file and a line for every change, never edit an applied one. */
export const ${n.camel}Migrations: Migrations = {
  '0001-${n.name}': ${n.camel}Tables,
};
`,

    [`src/seed/seed-${n.name}.ts`]: `import type { Kysely } from 'kysely';
import { insertInBatches, integer, pick, seededRandom } from '@govgraph/kit';
import type { ${Tables} } from '../database.js';

/** The demo accounts as identity seeds them: zhangsan, lisi, wangwu, and wangwu's company. */
export const DEMO_APPLICANTS = ['P-000001', 'P-000002', 'P-000003', 'E-000001'] as const;
const TITLES = ['Account opened', 'Annual statement', 'Contact details changed', 'Certificate issued'] as const;

/** Deterministic demo data: the same rows on every machine (seededRandom), written once, in one transaction. */
export async function seed${n.pascal}(trx: Kysely<${Tables}>): Promise<void> {
  const random = seededRandom(${n.seed});
  const rows: Array<${Tables}['applicant_record']> = [];
  for (const applicantId of DEMO_APPLICANTS) {
    const count = integer(random, 1, 3);
    for (let i = 0; i < count; i += 1) {
      const month = String(integer(random, 1, 12)).padStart(2, '0');
      const day = String(integer(random, 1, 28)).padStart(2, '0');
      rows.push({
        id: \`${n.idPrefix}-\${String(rows.length + 1).padStart(6, '0')}\`,
        applicant_id: applicantId,
        title: pick(random, TITLES),
        status: random() < 0.7 ? 'CLOSED' : 'OPEN',
        recorded_on: \`2025-\${month}-\${day}\`,
      });
    }
  }
  await insertInBatches(trx, 'applicant_record', rows);
}
`,

    [`test/${n.name}.test.ts`]: `import 'reflect-metadata';
import { execute, parse, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, openDatabase, prepareDatabase, type Claims, type Database } from '@govgraph/kit';
import { create${n.pascal}Loaders, create${n.pascal}Services, type ${Context} } from '../src/context.js';
import type { ${Tables} } from '../src/database.js';
import { build${n.pascal}Schema } from '../src/schema.js';
import { ${n.camel}Service } from '../src/server.js';

const log = createLogger('test', 'silent');
const citizen = (id: string): Claims => ({ accountId: \`A-\${id.slice(2)}\`, personId: id, applicantId: id, roles: ['citizen'], department: null });
const zhangsan = citizen('P-000001');
const lisi = citizen('P-000002');

async function freshDatabase(): Promise<Database<${Tables}>> {
  const database = openDatabase<${Tables}>({ name: ${q(n.name)}, dataDir: ':memory:' });
  await prepareDatabase(${n.camel}Service, database, log);
  return database;
}

const ownedRecords = (database: Database<${Tables}>) =>
  database.db.selectFrom('applicant_record').selectAll().orderBy('id').execute();

describe(${q(`the ${n.name} subgraph`)}, () => {
  let database: Database<${Tables}>;
  const schema = build${n.pascal}Schema();

  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  /** Runs a document against the schema as the gateway's signed request would, without HTTP. */
  async function run(document: string, variables: Record<string, unknown>, claims: Claims | null): Promise<ExecutionResult<any>> {
    const services = create${n.pascal}Services(database.db);
    const contextValue: ${Context} = { claims, requestId: 'test', clientAddress: null, log, services, loaders: create${n.pascal}Loaders(services) };
    return execute({ schema: (await schema).schema, document: parse(document), variableValues: variables, contextValue }) as Promise<ExecutionResult<any>>;
  }

  const applicantRecords = (id: string, claims: Claims | null) =>
    run(
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Applicant { ${field} { id title status recordedOn } } } }',
      { reps: [{ __typename: 'Applicant', id }] },
      claims,
    );

  it('seeds the same demo data on every run, once', async () => {
    const other = await freshDatabase();
    try {
      const rows = await ownedRecords(database);
      expect(rows.length).toBeGreaterThan(0);
      expect(await ownedRecords(other)).toEqual(rows);
      await prepareDatabase(${n.camel}Service, other, log);
      expect(await ownedRecords(other)).toHaveLength(rows.length);
    } finally {
      await other.close();
    }
  });

  it('adds ${field} to every Applicant (@interfaceObject)', async () => {
    const { sdl } = await schema;
    expect(sdl).toMatch(/type Applicant @interfaceObject @key\\(fields: "id"\\)/);
    expect(sdl).toMatch(/${field}: \\[${Record}!\\]!/);
  });

  it('gives an applicant their own records, newest first', async () => {
    const result = await applicantRecords('P-000001', zhangsan);
    expect(result.errors).toBeUndefined();
    const records = result.data!._entities[0].${field} as Array<{ recordedOn: string }>;
    expect(records.length).toBeGreaterThan(0);
    expect(records.map((r) => r.recordedOn)).toEqual(records.map((r) => r.recordedOn).sort().reverse());
  });

  it('refuses anyone else, and anonymous callers', async () => {
    expect((await applicantRecords('P-000001', lisi)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await applicantRecords('P-000001', null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers a record by id and by reference only to its applicant', async () => {
    const [own] = (await ownedRecords(database)).filter((r) => r.applicant_id === 'P-000001');
    const byId = (claims: Claims) => run('query ($id: ID!) { ${n.camel}Record(id: $id) { id } }', { id: own!.id }, claims);
    expect((await byId(zhangsan)).data?.${n.camel}Record).toEqual({ id: own!.id });
    expect((await byId(lisi)).data?.${n.camel}Record).toBeNull();
    const reference = await run(
      'query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on ${Record} { title } } }',
      { reps: [{ __typename: ${q(Record)}, id: own!.id }] },
      lisi,
    );
    expect(reference.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
`,
  };
}
