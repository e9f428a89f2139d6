import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS, prepareDatabase, type Database } from '@govgraph/kit';
import type { DisclosureTables } from '../src/database.js';
import { DEPARTMENT_NAME } from '../src/department.js';
import { SEED_LAST_DAY } from '../src/seed/demo-releases.js';
import { disclosureService } from '../src/server.js';
import { freshDatabase, log, refusal, testGraph, type TestGraph } from './harness.js';

const TABLES = ['disclosure_release', 'disclosure_release_channel', 'disclosure_channel_year', 'disclosure_request', 'disclosure_review'] as const;
const everything = async (database: Database<DisclosureTables>) => Promise.all(TABLES.map((table) => database.db.selectFrom(table).selectAll().execute()));

const RELEASES = `query ($code: String!, $year: Int, $category: DisclosureCategory, $first: Int, $after: String, $last: Int, $before: String) {
  disclosureReleases(departmentCode: $code, year: $year, category: $category, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id category title publishedOn department { code } channels } }
  }
}`;
const zwsj = DEPARTMENTS.dataAdministration.code;

describe('the disclosure subgraph', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await testGraph();
  });
  afterAll(async () => {
    await graph?.database.close();
  });

  it('seeds the same demo data on every run, once, nothing dated after the seed’s last day', async () => {
    const other = await freshDatabase();
    try {
      const rows = await everything(graph.database);
      expect(await everything(other)).toEqual(rows);
      await prepareDatabase(disclosureService, other, log);
      expect((await everything(other)).map((t) => t.length)).toEqual(rows.map((t) => t.length));
    } finally {
      await other.close();
    }
    const db = graph.database.db;
    const latest = await Promise.all([
      db
        .selectFrom('disclosure_release')
        .select((eb) => eb.fn.max('published_on').as('d'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_request')
        .select((eb) => eb.fn.max('received_on').as('d'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_request')
        .select((eb) => eb.fn.max('replied_on').as('d'))
        .executeTakeFirstOrThrow(),
      db
        .selectFrom('disclosure_review')
        .select((eb) => eb.fn.max('filed_on').as('d'))
        .executeTakeFirstOrThrow(),
    ]);
    for (const { d } of latest) expect(String(d) <= SEED_LAST_DAY).toBe(true);
    const in2017 = await db.selectFrom('disclosure_request').select('id').where('received_on', '<', '2018-01-01').execute();
    expect(in2017).toEqual([]);
    const outcomes = await db.selectFrom('disclosure_request').select('outcome').distinct().where('outcome', 'is not', null).execute();
    expect(outcomes).toHaveLength(5);
  });

  it('is run by the seed office', () => {
    expect(disclosureService.department).toBe(DEPARTMENT_NAME);
    expect(DEPARTMENT_NAME).toBe(DEPARTMENTS.dataAdministration.name);
  });

  it('prints the types, fields and mutations of issue 23', () => {
    const { sdl } = graph;
    expect(sdl).toMatch(/type Applicant @interfaceObject @key\(fields: "id"\)/);
    expect(sdl).toMatch(/disclosureRequests: \[DisclosureRequest!\]!/);
    expect(sdl).toMatch(/type AnnualReport @key\(fields: "departmentCode year"\)/);
    expect(sdl).toMatch(/type DisclosureRequest @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type DisclosureRelease @key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Department @key\(fields: "code", resolvable: false\)/);
    expect(sdl).toMatch(/annualReport\([\s\S]*?\): AnnualReport!/);
    expect(sdl).toMatch(/disclosureRequest\(id: ID!\): DisclosureRequest\n/);
    expect(sdl).toMatch(/departmentDisclosureRequests\([\s\S]*?\): DisclosureRequestConnection!/);
    expect(sdl).toMatch(/disclosureReleases\([\s\S]*?\): DisclosureReleaseConnection!/);
    expect(sdl).toMatch(/requestDisclosure\(input: DisclosureRequestInput!\): DisclosureRequest!/);
    expect(sdl).toMatch(/extendDisclosureRequest\([\s\S]*?\): DisclosureRequest!/);
    expect(sdl).toMatch(/answerDisclosureRequest\([\s\S]*?\): DisclosureRequest!/);
    expect(sdl).toMatch(/recordDisclosureReview\([\s\S]*?\): DisclosureRequest!/);
    for (const name of [
      'DisclosureProactiveSection',
      'DisclosureOnRequestSection',
      'DisclosureFeesSection',
      'DisclosureReviewSection',
      'DisclosureReviewCounts',
      'DisclosureChannelFigures',
    ]) {
      expect(sdl).toContain(`type ${name} {`);
    }
    expect(sdl).not.toMatch(/DisclosureRecord/);
    // Every type this subgraph names is its own (Disclosure…) or shared by key.
    const own = [...sdl.matchAll(/^(?:type|enum|input) (\w+)/gm)].map((m) => m[1]);
    expect(own.filter((name) => !name!.startsWith('Disclosure'))).toEqual(['Department', 'Applicant', 'Query', 'PageInfo', 'AnnualReport', 'Mutation']);
  });

  it('lists a department’s releases newest first to anyone, filtered by year and category, both ways', async () => {
    const all = await graph.run(RELEASES, { code: zwsj, year: 2017, first: 100 }, null);
    expect(all.errors).toBeUndefined();
    const page1 = all.data!.disclosureReleases;
    expect(page1.totalCount).toBe(128);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const page2 = (await graph.run(RELEASES, { code: zwsj, year: 2017, first: 100, after: page1.pageInfo.endCursor }, null)).data!.disclosureReleases;
    expect(page2.edges).toHaveLength(28);
    expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const dates = [...page1.edges, ...page2.edges].map((e: { node: { publishedOn: string } }) => e.node.publishedOn);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set([...page1.edges, ...page2.edges].map((e: { node: { id: string } }) => e.node.id)).size).toBe(128);
    expect(page1.edges.every((e: { node: { channels: string[]; department: { code: string } } }) => e.node.channels[0] === 'WEBSITE' && e.node.department.code === zwsj)).toBe(
      true,
    );
    const back = (await graph.run(RELEASES, { code: zwsj, year: 2017, last: 28, before: page2.pageInfo.endCursor }, null)).data!.disclosureReleases;
    const ids = (edges: Array<{ node: { id: string } }>) => edges.map((e) => e.node.id);
    expect(ids(back.edges)).toEqual([...ids(page1.edges).slice(-1), ...ids(page2.edges).slice(0, 27)]);
    expect(back.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    const stats = (await graph.run(RELEASES, { code: zwsj, year: 2017, category: 'STATISTICS' }, null)).data!.disclosureReleases;
    expect(stats.totalCount).toBe(10);
  });

  it('refuses unknown departments, years out of range and mixed paging with the field', async () => {
    expect(refusal(await graph.run(RELEASES, { code: 'nonsense' }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'departmentCode' });
    expect(refusal(await graph.run(RELEASES, { code: zwsj, year: 1999 }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'year' });
    expect(refusal(await graph.run(RELEASES, { code: zwsj, first: 5, last: 5 }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'last' });
    expect(refusal(await graph.run(RELEASES, { code: zwsj, first: 101 }, null))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
