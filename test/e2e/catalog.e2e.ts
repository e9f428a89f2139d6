import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

const STATISTICS =
  '{ catalogStatistics { departmentCount matterCount licensingMatterCount fullyOnlineRate districtImplementationCount districtCount subdistrictCount communityCount } }';

describe('the matter catalog at the hall’s scale, through the gateway', () => {
  let graph: GraphHarness;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(async () => graph?.close());

  it('reports the hall’s figures: 35 departments, 1,444 matters, 556 licensing items, 95.9 % fully online', async () => {
    const result = await graph.query(STATISTICS);
    expect(result.errors).toBeUndefined();
    expect(result.data.catalogStatistics).toEqual({
      departmentCount: 35,
      matterCount: 1_444,
      licensingMatterCount: 556,
      fullyOnlineRate: 0.959,
      districtImplementationCount: 500,
      districtCount: 10,
      subdistrictCount: 74,
      communityCount: 645,
    });
  });

  it('walks all 1,444 city matters in pages of 100 without repeats or gaps', async () => {
    const codes: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: any = await graph.operation('search-catalog.graphql', { filter: { level: 'CITY' }, first: 100, after });
      expect(result.errors).toBeUndefined();
      expect(result.data.matters.totalCount).toBe(1_444);
      codes.push(...result.data.matters.edges.map((e: any) => e.node.code));
      after = result.data.matters.pageInfo.hasNextPage ? result.data.matters.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(15);
    expect(codes).toHaveLength(1_444);
    expect(new Set(codes).size).toBe(1_444);
  });

  it('finds 驾驶证 matters by a two-character substring and by the whole word', async () => {
    for (const text of ['驾驶', '驾驶证']) {
      const result = await graph.operation('search-catalog.graphql', { filter: { text }, first: 100 });
      expect(result.errors).toBeUndefined();
      const names = result.data.matters.edges.map((e: any) => e.node.name as string);
      expect(names).toContain('机动车驾驶证期满换证');
      expect(names.every((name: string) => name.includes(text)) || result.data.matters.edges.some((e: any) => e.node.department.name.includes(text))).toBe(true);
    }
    const byDepartment = await graph.operation('search-catalog.graphql', { filter: { text: '交通警察局' } });
    expect(byDepartment.data.matters.totalCount).toBeGreaterThan(40);
  });

  it('combines filters, and lists departments with their matter counts', async () => {
    const result = await graph.operation('search-catalog.graphql', {
      filter: { type: 'LICENSING', servedObject: 'ENTERPRISE', minOnlineDepth: 4, level: 'CITY' },
      first: 50,
    });
    expect(result.errors).toBeUndefined();
    for (const { node } of result.data.matters.edges) expect(node).toMatchObject({ type: 'LICENSING', onlineDepth: 4 });
    expect(result.data.departments).toHaveLength(35);
    const total = result.data.departments.reduce((sum: number, d: { matterCount: number }) => sum + d.matterCount, 0);
    expect(total).toBe(1_944);
  });

  it('costs the same number of catalog queries for 100 results as for 1 (no N+1)', async () => {
    const catalog = graph.databases.catalog!;
    const cost = async (first: number) => {
      const before = catalog.queryCount();
      const result = await graph.operation('search-catalog.graphql', { first });
      expect(result.data.matters.edges).toHaveLength(first);
      return catalog.queryCount() - before;
    };
    const one = await cost(1);
    const hundred = await cost(100);
    expect(hundred).toBe(one);
    expect(one).toBeLessThanOrEqual(5);
  });

  it('shows the guide of a generated matter with its shared definition and rules', async () => {
    const list = await graph.operation('search-catalog.graphql', { filter: { divisionCode: '440303' }, first: 1 });
    const districtCode = list.data.matters.edges[0].node.code as string;
    const [district, city] = await Promise.all([
      graph.operation('matter-guide.graphql', { code: districtCode }),
      graph.operation('matter-guide.graphql', { code: districtCode.replace(/-440303$/, '') }),
    ]);
    expect(district.errors).toBeUndefined();
    const { code: _a, level: districtLevel, ...districtGuide } = district.data.matter;
    const { code: _b, level: cityLevel, ...cityGuide } = city.data.matter;
    expect([districtLevel, cityLevel]).toEqual(['DISTRICT', 'CITY']);
    expect(districtGuide).toEqual(cityGuide);
    const tree = await graph.query('{ division { name children { code name children { name } } } }');
    expect(tree.data.division.children).toHaveLength(10);
    expect(tree.data.division.children.flatMap((d: any) => d.children)).toHaveLength(74);
  });

  it('declares what satisfies each material: a licence of the accepted types, a document of a category, or the generated form', async () => {
    const MATERIALS = 'materials { code kind acceptsLicenceType { code } acceptsLicenceTypes { code name } documentCategory validForDays }';
    const renewal = await graph.query(`{ matter(code: "JJ-0101") { ${MATERIALS} } }`);
    expect(renewal.errors).toBeUndefined();
    expect(renewal.data.matter.materials).toEqual([
      {
        code: 'CURRENT_DRIVING_LICENCE',
        kind: 'LICENCE',
        acceptsLicenceType: { code: 'JDCJSZ' },
        acceptsLicenceTypes: [{ code: 'JDCJSZ', name: '机动车驾驶证' }],
        documentCategory: null,
        validForDays: null,
      },
      { code: 'PHOTO', kind: 'DOCUMENT', acceptsLicenceType: null, acceptsLicenceTypes: [], documentCategory: 'PHOTO', validForDays: 180 },
      { code: 'HEALTH_CERTIFICATE', kind: 'DOCUMENT', acceptsLicenceType: null, acceptsLicenceTypes: [], documentCategory: 'HEALTH_CERTIFICATE', validForDays: 180 },
      { code: 'APPLICATION_FORM', kind: 'GENERATED_FORM', acceptsLicenceType: null, acceptsLicenceTypes: [], documentCategory: null, validForDays: null },
    ]);
    // A licensing matter served to persons and enterprises alike: either applicant's licence proves who applies.
    const page = await graph.query('{ matters(filter: { type: LICENSING, servedObject: PERSON }, first: 100) { edges { node { code servedObjects } } } }');
    expect(page.errors).toBeUndefined();
    const code = page.data.matters.edges.map((e: any) => e.node).find((n: any) => n.servedObjects.length === 2)?.code;
    expect(code).toBeDefined();
    const both = (await graph.query(`{ matter(code: "${code}") { ${MATERIALS} } }`)).data.matter;
    expect(both.materials[0]).toMatchObject({
      code: 'APPLICANT_ID_PROOF',
      kind: 'LICENCE',
      acceptsLicenceTypes: [
        { code: 'JMSFZ', name: '居民身份证' },
        { code: 'YYZZ', name: '营业执照' },
      ],
    });
    expect(both.materials.filter((m: any) => m.kind === 'GENERATED_FORM').map((m: any) => m.code)).toEqual(['APPLICATION_FORM']);
  });

  it.each([
    ['a malformed cursor', { after: 'bm90LWEtY3Vyc29y' }, 'BAD_USER_INPUT'],
    ['a negative first', { first: -1 }, 'BAD_USER_INPUT'],
    ['a first over the largest page', { first: 101 }, 'BAD_USER_INPUT'],
    // The gateway's cost limit refuses a million-item page before the catalog is asked.
    ['a huge first', { first: 1_000_000 }, 'LIMIT_EXCEEDED'],
    ['an unknown enum value', { filter: { type: 'NOT_A_TYPE' } }, 'BAD_USER_INPUT'],
    ['a 10 KB search string', { filter: { text: '驾'.repeat(10_000) } }, 'BAD_USER_INPUT'],
    ['a division that is not a code', { filter: { divisionCode: 'abc' } }, 'BAD_USER_INPUT'],
  ])('answers %s with a coded error', async (_name, variables, code) => {
    const result = await graph.operation('search-catalog.graphql', variables);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message.length).toBeLessThan(300);
    expect(JSON.stringify(result)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
