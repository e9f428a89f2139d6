import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { growApplications, growCaseFile, growDocuments, growLicences, growMatterGuide } from '../src/list-fixtures.js';
import { queriesPerSubgraph } from '../src/query-count.js';

/**
 * Database queries per request must not grow with the length of a list: one query per entity
 * type per request (DataLoader), whatever the list's length. Counted in every subgraph's
 * database, for every contract operation with a list whose length a test can set: 1, 10, 100.
 * The response cache is off so every request reaches the subgraphs.
 */
const SIZES = [1, 10, 100] as const;
type Counts = Record<string, number>;

describe('queries per request do not grow with the list', () => {
  let graph: GraphHarness;
  let police: string;
  let zhangsan: string;
  let lisi: string;
  const table: Array<[string, Counts[]]> = [];

  beforeAll(async () => {
    // No background read of identity inside a measured window: the gateway's re-read of ended
    // authorisations (every 30 s by default) would count as the request's on a slow machine.
    graph = await startGraph({ gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off', GATEWAY_ENDED_AUTHORISATIONS_REFRESH_MS: '3600000' } });
    [police, zhangsan, lisi] = await Promise.all([graph.login('officer.police'), graph.login('zhangsan'), graph.login('lisi')]);
  });
  afterAll(async () => {
    // The table docs/benchmarks.md shows (growth section): queries per subgraph at 1 / 10 / 100.
    const subgraphs = Object.keys(table[0]?.[1][0] ?? {});
    console.log(`| operation (list of 1 / 10 / 100) | ${subgraphs.join(' | ')} |\n|---|${subgraphs.map(() => '---:').join('|')}|`);
    for (const [name, counts] of table) console.log(`| ${name} | ${subgraphs.map((s) => counts.map((c) => c[s]).join(' / ')).join(' | ')} |`);
    await graph?.close();
  });

  /** Counts for each size (`prepare` makes the list that long first) and expects them equal. */
  async function expectFlat(
    name: string,
    prepare: (size: number) => Promise<void>,
    run: (size: number) => Promise<{ errors?: unknown; data?: any }>,
    length: (data: any) => number,
  ) {
    const counts: Counts[] = [];
    for (const size of SIZES) {
      await prepare(size);
      let data: any;
      counts.push(
        await queriesPerSubgraph(graph, async () => {
          const result = await run(size);
          data = result.data;
          return result;
        }),
      );
      expect(length(data), `${name}: the list has ${size} items`).toBe(size);
    }
    table.push([name, counts]);
    expect(counts[1], `${name} at 10 vs 1`).toEqual(counts[0]);
    expect(counts[2], `${name} at 100 vs 1`).toEqual(counts[0]);
  }

  it('OfficerQueue costs the same for 1, 10 and 100 cases (grants read and logged in batches)', async () => {
    await expectFlat(
      'OfficerQueue (cases)',
      async () => undefined,
      (first) => graph.operation('officer-queue.graphql', { status: 'COMPLETED', first }, police),
      (data) => data.officerQueue.edges.length,
    );
  });

  it('SearchCatalog costs the same for 1, 10 and 100 matters', async () => {
    await expectFlat(
      'SearchCatalog (matters)',
      async () => undefined,
      (first) => graph.operation('search-catalog.graphql', { first }, zhangsan),
      (data) => data.matters.edges.length,
    );
  });

  it('MyHome costs the same with 1, 10 and 100 licences, documents and cases', async () => {
    await expectFlat(
      'MyHome (licences, documents; cases counted)',
      async (size) => {
        await growLicences(graph, 'P-000002', size);
        await growDocuments(graph, 'P-000002', size);
        await growApplications(graph, 'P-000002', size);
      },
      () => graph.operation('my-home.graphql', {}, lisi),
      (data) => {
        expect(data.me.documents.length).toBe(data.me.licences.length);
        expect(data.me.applications.totalCount).toBe(data.me.licences.length);
        return data.me.licences.length;
      },
    );
  });

  it('ApplicationDetail costs the same with 1, 10 and 100 history entries, form values and materials (licence + document each)', async () => {
    const [caseId] = await growApplications(graph, 'P-000002', 1);
    await expectFlat(
      'ApplicationDetail (history, fields, materials)',
      (size) => growCaseFile(graph, caseId!, size),
      () => graph.operation('application-detail.graphql', { id: caseId }, lisi),
      (data) => {
        const a = data.application;
        expect([a.fields.length, a.materials.length]).toEqual([a.history.length, a.history.length]);
        // Each material: a licence with its current status and a document.
        expect(a.materials.every((m: any) => m.evidence.length === 2 && m.evidence[0].status === 'VALID' && m.evidence[1].filename)).toBe(true);
        return a.history.length;
      },
    );
  });

  it('MatterGuide costs the same with 1, 10 and 100 materials and form fields', async () => {
    await expectFlat(
      'MatterGuide (materials, form fields)',
      (size) => growMatterGuide(graph, 'JJ-0101', size),
      () => graph.operation('matter-guide.graphql', { code: 'JJ-0101' }, zhangsan),
      (data) => {
        expect(data.matter.form.fields).toHaveLength(data.matter.materials.length);
        expect(data.matter.materials.every((m: any) => m.acceptsLicenceType?.name)).toBe(true);
        return data.matter.materials.length;
      },
    );
  });

  it('pages by cursor through a whole queue and an applicant’s cases: every case once, in order', async () => {
    // The cursors seek the index with a row-value comparison; walking every page proves it keeps the order,
    // ties included (the applicant's copied cases share one submission instant).
    const db = graph.databases.applications!.db as any;
    const expected: string[] = (
      await db
        .selectFrom('application')
        .select('id')
        .where('department_code', '=', graph.claimsOf(police).department)
        .where('status', '=', 'COMPLETED')
        .orderBy('deadline')
        .orderBy('id')
        .execute()
    ).map((r: { id: string }) => r.id);
    const seen: string[] = [];
    for (let after: string | null = null, pages = 0; pages < 100; pages++) {
      const page: any = await graph.operation('officer-queue.graphql', { status: 'COMPLETED', first: 100, after }, police);
      seen.push(...page.data.officerQueue.edges.map((e: any) => e.node.id));
      if (!page.data.officerQueue.pageInfo.hasNextPage) break;
      after = page.data.officerQueue.pageInfo.endCursor;
    }
    expect(expected.length).toBeGreaterThan(500);
    expect(seen).toEqual(expected);

    await growApplications(graph, 'P-000002', 100);
    const mine: string[] = [];
    const ownCases = 'query ($after: String) { me { applications(first: 7, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } } }';
    for (let after: string | null = null, pages = 0; pages < 100; pages++) {
      const page: any = await graph.query(ownCases, { after }, lisi);
      mine.push(...page.data.me.applications.edges.map((e: any) => e.node.id));
      if (!page.data.me.applications.pageInfo.hasNextPage) break;
      after = page.data.me.applications.pageInfo.endCursor;
    }
    const newestFirst = (
      await db.selectFrom('application').select('id').where('applicant_id', '=', 'P-000002').orderBy('submitted_at', 'desc').orderBy('id', 'desc').execute()
    ).map((r: { id: string }) => r.id);
    expect(mine).toEqual(newestFirst);
  });

  it('MyDataAccess costs the same for short and long pages', async () => {
    const log = (first: number) => queriesPerSubgraph(graph, () => graph.operation('my-data-access.graphql', { first }, zhangsan));
    expect(await log(100)).toEqual(await log(1));
  });
});

interface Connection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: Array<{ cursor: string; node: { id?: string; code?: string; at?: string } }>;
}
type PageArgs = { first?: number; after?: string | null; last?: number; before?: string | null };

/**
 * Walks a connection forward to its end, then backward from the last page's start cursor: the
 * backward walk meets the same pages, hasPreviousPage / hasNextPage are true except at the ends,
 * and `last` alone gives the list's end. Returns the rows seen, in the list's order.
 */
async function walkBothWays(read: (args: PageArgs) => Promise<Connection>, size: number): Promise<string[][]> {
  const keyOf = (c: Connection) => c.edges.map((e) => e.cursor);
  const forward: Connection[] = [await read({ first: size })];
  while (forward.at(-1)!.pageInfo.hasNextPage) forward.push(await read({ first: size, after: forward.at(-1)!.pageInfo.endCursor }));
  expect(forward.length).toBeGreaterThan(2);
  expect(forward.map((c) => c.pageInfo.hasPreviousPage)).toEqual(forward.map((_, i) => i > 0));
  expect(forward.map((c) => c.pageInfo.hasNextPage)).toEqual(forward.map((_, i) => i < forward.length - 1));
  for (const c of forward) expect([c.pageInfo.startCursor, c.pageInfo.endCursor]).toEqual([c.edges[0]?.cursor, c.edges.at(-1)?.cursor]);

  const backward: Connection[] = [];
  for (let before = forward.at(-1)!.pageInfo.startCursor; ; ) {
    const page = await read({ last: size, before });
    backward.unshift(page);
    if (!page.pageInfo.hasPreviousPage) break;
    before = page.pageInfo.startCursor;
  }
  expect(backward.map(keyOf)).toEqual(forward.slice(0, -1).map(keyOf));
  expect(backward.every((c) => c.pageInfo.hasNextPage)).toBe(true);
  expect(backward.map((c) => c.pageInfo.hasPreviousPage)).toEqual(backward.map((_, i) => i > 0));
  expect(backward.map((c) => c.totalCount)).toEqual(backward.map(() => forward[0]!.totalCount));

  const end = await read({ last: size });
  expect(keyOf(end)).toEqual(forward.flatMap(keyOf).slice(-size));
  expect([end.pageInfo.hasPreviousPage, end.pageInfo.hasNextPage]).toEqual([true, false]);
  return forward.map((c) => c.edges.map((e) => e.node.id ?? e.node.code ?? e.node.at!));
}

const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node';
const ARGS = '$first: Int, $after: String, $last: Int, $before: String';
const PASS = 'first: $first, after: $after, last: $last, before: $before';

function pagingBothWays(database: string, start: () => Promise<GraphHarness>) {
  describe(`connections page both ways through the gateway (${database})`, () => {
    let graph: GraphHarness;
    let police: string;
    let zhangsan: string;
    let lisi: string;

    beforeAll(async () => {
      graph = await start();
      [police, zhangsan, lisi] = await Promise.all([graph.login('officer.police'), graph.login('zhangsan'), graph.login('lisi')]);
    }, 180_000);
    afterAll(async () => {
      await graph?.close();
    });

    async function connection(query: string, variables: Record<string, unknown>, token: string, pick: (data: any) => Connection): Promise<Connection> {
      const result: any = await graph.query(query, variables, token);
      expect(result.errors, JSON.stringify(variables)).toBeUndefined();
      return pick(result.data);
    }

    it('officerQueue: forward then backward meets the same pages, every completed case once, in order', async () => {
      const queue = `query (${ARGS}) { officerQueue(status: COMPLETED, ${PASS}) { ${PAGE} { id } } } }`;
      const pages = await walkBothWays((args) => connection(queue, args, police, (d) => d.officerQueue), 97);
      const expected = (
        await graph.databases
          .applications!.db.selectFrom('application')
          .select('id')
          .where('department_code', '=', graph.claimsOf(police).department)
          .where('status', '=', 'COMPLETED')
          .orderBy('deadline')
          .orderBy('id')
          .execute()
      ).map((r: { id: string }) => r.id);
      expect(pages.flat()).toEqual(expected);
    });

    it('me.applications (Person through the applicant entity): both ways, newest first', async () => {
      await growApplications(graph, 'P-000002', 23);
      const mine = `query (${ARGS}) { me { applications(${PASS}) { ${PAGE} { id } } } } }`;
      const pages = await walkBothWays((args) => connection(mine, args, lisi, (d) => d.me.applications), 5);
      const newestFirst = (
        await graph.databases
          .applications!.db.selectFrom('application')
          .select('id')
          .where('applicant_id', '=', 'P-000002')
          .orderBy('submitted_at', 'desc')
          .orderBy('id', 'desc')
          .execute()
      ).map((r: { id: string }) => r.id);
      expect(pages.flat()).toEqual(newestFirst);
    });

    it('matters: both ways through a department and a text search, in code order', async () => {
      for (const filter of [{ departmentCode: graph.claimsOf(police).department }, { text: '驾驶' }]) {
        const matters = `query ($filter: MatterFilter, ${ARGS}) { matters(filter: $filter, ${PASS}) { ${PAGE} { code } } } }`;
        const pages = await walkBothWays((args) => connection(matters, { filter, ...args }, zhangsan, (d) => d.matters), filter.text ? 2 : 11);
        expect(pages.flat()).toEqual([...pages.flat()].sort());
      }
    });

    it('dataAccessLog: both ways, newest first', async () => {
      const me = graph.claimsOf(zhangsan).applicantId!;
      await graph.databases
        .identity!.db.insertInto('data_access')
        .values(
          Array.from({ length: 14 }, (_, i) => ({
            id: `DA-PAGING-${String(i).padStart(2, '0')}`,
            applicant_id: me,
            at: `2020-01-0${1 + Math.floor(i / 2)}T08:00:00.000Z`,
            accessor_account_id: 'A-PAGING',
            accessor_name: '测试',
            department_code: null,
            purpose: 'paging',
            case_id: null,
            fields: '[]',
          })),
        )
        .execute();
      const log = `query (${ARGS}) { me { dataAccessLog(${PASS}) { ${PAGE} { at } } } } }`;
      const pages = await walkBothWays((args) => connection(log, args, zhangsan, (d) => d.me.dataAccessLog), 4);
      expect(pages.flat()).toEqual([...pages.flat()].sort().reverse());
    });

    it('`last` or `before` alone pages backward: first’s default of 20 does not count as given', async () => {
      const catalog = await connection('{ matters(last: 3) { totalCount pageInfo { hasNextPage hasPreviousPage } edges { cursor } } }', {}, zhangsan, (d) => d.matters);
      expect([catalog.edges.length, catalog.pageInfo.hasNextPage, catalog.pageInfo.hasPreviousPage]).toEqual([3, false, true]);
      const page = await connection('{ matters(first: 30) { edges { cursor } } }', {}, zhangsan, (d) => d.matters);
      const before = await connection(`query ($before: String) { matters(before: $before) { edges { cursor } } }`, { before: page.edges[25]!.cursor }, zhangsan, (d) => d.matters);
      expect(before.edges.map((e) => e.cursor)).toEqual(page.edges.slice(5, 25).map((e) => e.cursor));
    });

    it('refuses first with last, after with before, and a cursor of another list, naming the argument', async () => {
      const queue = await connection('{ officerQueue(first: 1) { edges { cursor } } }', {}, police, (d) => d.officerQueue);
      const queueCursor = queue.edges[0]!.cursor;
      const refusals: Array<[string, Record<string, unknown>, string, string, RegExp]> = [
        ['{ matters(first: 2, last: 2) { totalCount } }', {}, zhangsan, 'last', /first and last/],
        [`query (${ARGS}) { officerQueue(${PASS}) { totalCount } }`, { after: queueCursor, before: queueCursor }, police, 'before', /after and before/],
        [`query (${ARGS}) { me { applications(${PASS}) { totalCount } } }`, { first: 20, last: 5 }, lisi, 'last', /first and last/],
        [`query (${ARGS}) { me { applications(${PASS}) { totalCount } } }`, { last: 2, before: queueCursor }, lisi, 'before', /not a cursor of this list/],
        [`query (${ARGS}) { me { dataAccessLog(${PASS}) { totalCount } } }`, { last: 2, after: 'x' }, zhangsan, 'after', /with first/],
        ['{ matters(last: 101) { totalCount } }', {}, zhangsan, 'last', /between 0 and 100/],
      ];
      for (const [query, variables, token, field, message] of refusals) {
        const result: any = await graph.query(query, variables, token);
        expect(result.errors?.[0]?.extensions, query).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(result.errors[0].message).toMatch(message);
      }
    });
  });
}

pagingBothWays('SQLite', () => startGraph({ gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off' } }));
if (await postgresAvailable()) pagingBothWays('PostgreSQL', () => startGraph({ postgresUrl: POSTGRES_URL, gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off' } }));
