import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGraph, type GraphHarness } from '../src/harness.js';

const COMPANY = 'E-000001';

/**
 * Acting for an enterprise, the form's person fields (联系人, 联系电话) are the acting person's
 * own facts, with their provenance; the enterprise fields are the enterprise's. The person is
 * whoever acts: the legal representative, or an agent.
 */
describe('the acting person’s facts on an enterprise’s form', () => {
  let graph: GraphHarness;
  let matterCode: string;

  beforeAll(async () => {
    graph = await startGraph();
    // A generated matter for enterprises whose form asks for a contact person.
    const matters = await graph.query('{ matters(filter: { servedObject: ENTERPRISE, type: LICENSING }, first: 50) { edges { node { code form { fields { key source } } } } } }');
    const withContact = matters.data.matters.edges.find((edge: { node: { form: { fields: { key: string }[] } } }) =>
      edge.node.form.fields.some((field) => field.key === 'contactName'),
    );
    matterCode = withContact.node.code;
  });
  afterAll(async () => graph?.close());

  async function formAs(username: string): Promise<Record<string, { value: string | null; provenance: { system: string; trustLevel: string } | null }>> {
    const token = await graph.login(username);
    const acting = (await graph.operation('act-as.graphql', { enterpriseId: COMPANY }, token)).data.actAs.token as string;
    const prefill = (await graph.operation('start-form.graphql', { matterCode }, acting)).data.prefill;
    return Object.fromEntries(prefill.fields.map((field: { key: string; value: string | null; provenance: never }) => [field.key, field]));
  }

  it('fills the contact person from the legal representative acting (王五), the enterprise fields from the register', async () => {
    const fields = await formAs('wangwu');
    expect(fields.contactName).toMatchObject({ value: '王五', provenance: { system: 'identity', trustLevel: 'A' } });
    expect(fields.mobile?.value).toMatch(/^1\d{10}$/);
    expect(fields.enterpriseName).toMatchObject({ value: '深圳市示例科技有限公司', provenance: { system: 'identity', trustLevel: 'A' } });
    expect(fields.legalRepresentative?.value).toBe('王五');
  });

  it('fills it from the agent when an agent acts (李四), never from the legal representative', async () => {
    const fields = await formAs('lisi');
    expect(fields.contactName?.value).toBe('李四');
    expect(fields.legalRepresentative?.value).toBe('王五');
    const wangwu = await formAs('wangwu');
    expect(fields.mobile?.value).not.toBe(wangwu.mobile?.value);
  });
});
