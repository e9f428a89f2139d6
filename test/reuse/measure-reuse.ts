import type { GraphHarness, GraphQLResponse } from '../src/harness.js';

/** Who the report opens forms as: a citizen, and a person acting for their company. */
export interface ReuseApplicant {
  label: string;
  kind: 'PERSON' | 'ENTERPRISE';
  username: string;
  /** Set when the person acts for an enterprise. */
  enterpriseId?: string;
}

export const DEMO_APPLICANTS: readonly ReuseApplicant[] = [
  { label: 'zhangsan (citizen)', kind: 'PERSON', username: 'zhangsan' },
  { label: 'wangwu for 深圳市示例科技有限公司', kind: 'ENTERPRISE', username: 'wangwu', enterpriseId: 'E-000001' },
];

/** Counts over a set of forms: fields that name a source, and required materials. */
export interface Coverage {
  forms: number;
  sourcedFields: number;
  sourcedFilled: number;
  requiredMaterials: number;
  requiredSatisfied: number;
}

export interface ApplicantReuse {
  applicant: ReuseApplicant;
  overall: Coverage;
  byDepartment: Map<string, Coverage>;
  /** Field sources left empty and required materials left unsatisfied, by how often. */
  unfilledSources: Map<string, number>;
  unsatisfiedMaterials: Map<string, number>;
}

const emptyCoverage = (): Coverage => ({ forms: 0, sourcedFields: 0, sourcedFilled: 0, requiredMaterials: 0, requiredSatisfied: 0 });
export const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

const MATTERS = `query ReuseMatters($filter: MatterFilter, $after: String) {
  matters(filter: $filter, first: 40, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { code department { name } form { fields { key source } } materials { code name required } } }
  }
}`;

interface MatterRow {
  code: string;
  department: { name: string };
  form: { fields: { key: string; source: string | null }[] };
  materials: { code: string; name: string; required: boolean }[];
}

/** Every matter of the catalog (city and district implementations) that serves this kind of applicant. */
async function mattersFor(graph: GraphHarness, kind: ReuseApplicant['kind']): Promise<MatterRow[]> {
  const rows: MatterRow[] = [];
  let after: string | null = null;
  do {
    const page: GraphQLResponse = await graph.query(MATTERS, { filter: { servedObject: kind }, after });
    if (page.errors) throw new Error(JSON.stringify(page.errors));
    rows.push(...page.data.matters.edges.map((edge: { node: MatterRow }) => edge.node));
    after = page.data.matters.pageInfo.hasNextPage ? page.data.matters.pageInfo.endCursor : null;
  } while (after);
  return rows;
}

async function tokenFor(graph: GraphHarness, applicant: ReuseApplicant): Promise<string> {
  const token = await graph.login(applicant.username);
  if (!applicant.enterpriseId) return token;
  const acting = await graph.operation('act-as.graphql', { enterpriseId: applicant.enterpriseId }, token);
  if (acting.errors) throw new Error(JSON.stringify(acting.errors));
  return acting.data.actAs.token as string;
}

/** Runs `task` over `items`, `parallel` at a time. */
async function inBatches<T>(items: readonly T[], parallel: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

/**
 * Opens the form of every matter the applicant may apply for (the portal's StartForm, as a
 * returning applicant would) and counts what arrives filled: each field that names a source,
 * and each required material that something the graph holds satisfies.
 */
export async function measureReuse(graph: GraphHarness, applicant: ReuseApplicant, parallel = 6): Promise<ApplicantReuse> {
  const [matters, token] = await Promise.all([mattersFor(graph, applicant.kind), tokenFor(graph, applicant)]);
  const result: ApplicantReuse = { applicant, overall: emptyCoverage(), byDepartment: new Map(), unfilledSources: new Map(), unsatisfiedMaterials: new Map() };
  await inBatches(matters, parallel, async (matter) => {
    const answer = await graph.operation('start-form.graphql', { matterCode: matter.code }, token);
    if (answer.errors || !answer.data.prefill) throw new Error(`StartForm ${matter.code}: ${JSON.stringify(answer.errors)}`);
    const prefill = answer.data.prefill as {
      fields: { key: string; value: string | null }[];
      materials: { requirementCode: string; satisfiedBy: unknown[] }[];
    };
    const department = result.byDepartment.get(matter.department.name) ?? emptyCoverage();
    result.byDepartment.set(matter.department.name, department);
    const values = new Map(prefill.fields.map((field) => [field.key, field.value]));
    const offers = new Map(prefill.materials.map((material) => [material.requirementCode, material.satisfiedBy.length]));
    for (const coverage of [result.overall, department]) coverage.forms += 1;
    for (const field of matter.form.fields) {
      if (!field.source) continue;
      const filled = values.get(field.key) !== null && values.get(field.key) !== undefined;
      for (const coverage of [result.overall, department]) {
        coverage.sourcedFields += 1;
        if (filled) coverage.sourcedFilled += 1;
      }
      if (!filled) add(result.unfilledSources, field.source);
    }
    for (const material of matter.materials) {
      if (!material.required) continue;
      const satisfied = (offers.get(material.code) ?? 0) > 0;
      for (const coverage of [result.overall, department]) {
        coverage.requiredMaterials += 1;
        if (satisfied) coverage.requiredSatisfied += 1;
      }
      if (!satisfied) add(result.unsatisfiedMaterials, material.name.endsWith('申请表') ? '（各事项的）申请表' : material.name);
    }
  });
  return result;
}
