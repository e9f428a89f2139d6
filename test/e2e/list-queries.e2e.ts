import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    graph = await startGraph({ gatewayEnv: { GATEWAY_RESPONSE_CACHE: 'off' } });
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
