import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog, ServedObject } from '@govgraph/kit';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { startGraph, type GraphHarness } from '../src/harness.js';
import { fetchesOf } from '../src/query-plan.js';

const RENEWAL = 'JJ-0101';
const INSPECTION = 'JJ-0102';

/** A generated matter served to persons: its application form is declared GENERATED_FORM. */
function generatedPersonMatter(): { code: string; formName: string } {
  const { definitions, implementations } = generateCatalog(1);
  const definition = definitions.find(
    (d) => d.servedObjects.length === 1 && d.servedObjects[0] === ServedObject.PERSON && d.materials.some((m) => m.code === 'APPLICATION_FORM' && m.kind === 'GENERATED_FORM'),
  )!;
  const implementation = implementations.find((i) => i.basicCode === definition.basicCode)!;
  return { code: implementation.code, formName: definition.materials.find((m) => m.code === 'APPLICATION_FORM')!.name };
}

const GENERATED_FORM_OFFER = `query GeneratedFormOffer($matterCode: ID!) {
  prefill(matterCode: $matterCode) {
    matter { materials { code kind documentCategory validForDays acceptsLicenceTypes { code } } }
    materials { requirementCode satisfiedBy { __typename ... on GeneratedForm { name format generatedAt } ... on Licence { id } } }
  }
}`;

function byKey(fields: any[]): Record<string, any> {
  return Object.fromEntries(fields.map((f) => [f.key, f]));
}

/** The thin slice of issue 2: one query opens a form prefilled from three departments. */
function startFormJourney(open: () => Promise<GraphHarness>) {
  let graph: GraphHarness;
  let zhangsan: string;
  let lisi: string;

  beforeAll(async () => {
    graph = await open();
    [zhangsan, lisi] = await Promise.all([graph.login('zhangsan'), graph.login('lisi')]);
  });
  afterAll(async () => graph?.close());

  it('prefills zhangsan’s renewal form from identity and licences, with provenance', async () => {
    const result = await graph.operation('start-form.graphql', { matterCode: RENEWAL }, zhangsan);
    expect(result.errors).toBeUndefined();
    const prefill = result.data.prefill;
    expect(prefill.matter).toMatchObject({ code: RENEWAL, name: '机动车驾驶证期满换证' });
    expect(prefill.matter.form.fields.map((f: { key: string }) => f.key)).toEqual(['applicantName', 'idNumber', 'mobile', 'address', 'drivingLicenceNumber', 'deliveryMethod']);

    const fields = byKey(prefill.fields);
    expect(fields.applicantName).toMatchObject({ value: '张三', provenance: { system: 'identity', trustLevel: 'A', department: '市政务服务数据管理局' } });
    expect(fields.idNumber).toMatchObject({ value: '440303199003071233', provenance: { system: 'identity' } });
    expect(fields.mobile).toMatchObject({ value: '13800138000', provenance: { system: 'identity' } });
    expect(fields.address).toMatchObject({ value: '罗湖区东门街道解放路1001号', provenance: { system: 'identity' } });
    expect(fields.drivingLicenceNumber).toMatchObject({
      value: '440303199003071233',
      provenance: { system: 'licences', department: '市公安局交通警察局', trustLevel: 'A' },
    });
    expect(Date.parse(fields.applicantName!.provenance.retrievedAt)).not.toBeNaN();
    // The one field without a source stays for the applicant to fill.
    expect(fields.deliveryMethod).toEqual({ key: 'deliveryMethod', value: null, provenance: null });

    const materials = Object.fromEntries(prefill.materials.map((m: { requirementCode: string }) => [m.requirementCode, m]));
    expect(materials.CURRENT_DRIVING_LICENCE.satisfiedBy).toEqual([
      {
        __typename: 'Licence',
        id: expect.stringMatching(/^1\.2\.156\.3005\.2\.JDCJSZ\./),
        title: '机动车驾驶证',
        number: '440303199003071233',
        validTo: '2032-03-10',
      },
    ]);
    expect(materials.PHOTO.satisfiedBy).toEqual([]);
    expect(materials.HEALTH_CERTIFICATE.satisfiedBy).toEqual([]);
    // The application form is the system's to make from the fields: offered, never uploaded.
    expect(materials.APPLICATION_FORM.satisfiedBy).toEqual([{ __typename: 'GeneratedForm' }]);
  });

  it('matches materials by the catalog’s declaration: the licence by type, the photo by category, the application form generated', async () => {
    const renewal = await graph.query(GENERATED_FORM_OFFER, { matterCode: RENEWAL }, zhangsan);
    expect(renewal.errors).toBeUndefined();
    const declared = Object.fromEntries(renewal.data.prefill.matter.materials.map((m: { code: string }) => [m.code, m]));
    expect(declared.CURRENT_DRIVING_LICENCE).toMatchObject({ kind: 'LICENCE', acceptsLicenceTypes: [{ code: 'JDCJSZ' }] });
    expect(declared.PHOTO).toMatchObject({ kind: 'DOCUMENT', documentCategory: 'PHOTO', validForDays: 180 });
    const offers = Object.fromEntries(renewal.data.prefill.materials.map((m: { requirementCode: string; satisfiedBy: unknown }) => [m.requirementCode, m.satisfiedBy]));
    expect(offers.CURRENT_DRIVING_LICENCE).toEqual([{ __typename: 'Licence', id: expect.stringMatching(/^1\.2\.156\.3005\.2\.JDCJSZ\./) }]);

    const matter = generatedPersonMatter();
    const result = await graph.query(GENERATED_FORM_OFFER, { matterCode: matter.code }, zhangsan);
    expect(result.errors).toBeUndefined();
    const form = result.data.prefill.materials.find((m: { requirementCode: string }) => m.requirementCode === 'APPLICATION_FORM');
    expect(form.satisfiedBy).toEqual([{ __typename: 'GeneratedForm', name: matter.formName, format: 'application/pdf', generatedAt: null }]);
    // The contract operation selects only Licence and Document: the new member arrives with its __typename alone.
    const contract = await graph.operation('start-form.graphql', { matterCode: matter.code }, zhangsan);
    expect(contract.errors).toBeUndefined();
    expect(contract.data.prefill.materials.find((m: { requirementCode: string }) => m.requirementCode === 'APPLICATION_FORM').satisfiedBy).toEqual([
      { __typename: 'GeneratedForm' },
    ]);
  });

  it('takes nothing from an expired licence', async () => {
    const result = await graph.operation('start-form.graphql', { matterCode: INSPECTION }, zhangsan);
    expect(result.errors).toBeUndefined();
    const fields = byKey(result.data.prefill.fields);
    expect(fields.applicantName!.value).toBe('张三');
    expect(fields.plateNumber).toEqual({ key: 'plateNumber', value: null, provenance: null });
    const vehicleLicence = result.data.prefill.materials.find((m: { requirementCode: string }) => m.requirementCode === 'VEHICLE_LICENCE');
    expect(vehicleLicence.satisfiedBy).toEqual([]);
  });

  it('prefills lisi’s profile but no licence fields: she holds none', async () => {
    const result = await graph.operation('start-form.graphql', { matterCode: RENEWAL }, lisi);
    expect(result.errors).toBeUndefined();
    const fields = byKey(result.data.prefill.fields);
    expect(fields.applicantName!.value).toBe('李四');
    expect(fields.idNumber!.value).toBe('440304198511200021');
    expect(fields.mobile!.value).toBe('13900139000');
    expect(fields.address!.value).toBe('福田区华富街道深南中路2018号');
    expect(fields.drivingLicenceNumber).toMatchObject({ value: null, provenance: null });
    for (const material of result.data.prefill.materials) {
      expect(material.satisfiedBy).toEqual(material.requirementCode === 'APPLICATION_FORM' ? [{ __typename: 'GeneratedForm' }] : []);
    }
  });

  it('plans StartForm across all four subgraphs', async () => {
    graph.plans.length = 0;
    await graph.operation('start-form.graphql', { matterCode: RENEWAL }, zhangsan);
    const plan = graph.plans.find((p) => p.operationName === 'StartForm');
    expect(plan).toBeDefined();
    const fetches = fetchesOf(plan!.plan);
    const services = new Set(fetches.map((f) => f.serviceName));
    expect([...services].sort()).toEqual(['applications', 'catalog', 'identity', 'licences']);
    // Three waves, five fetches: the offered licence's details come back with the prefill (@provides).
    expect(fetches).toHaveLength(5);
  });

  it('answers an unknown matter with NOT_FOUND and a huge code with BAD_USER_INPUT', async () => {
    const unknown = await graph.operation('start-form.graphql', { matterCode: 'NO-SUCH-MATTER' }, zhangsan);
    expect(unknown.data?.prefill ?? null).toBeNull();
    expect(unknown.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const huge = await graph.operation('start-form.graphql', { matterCode: 'X'.repeat(10_000) }, zhangsan);
    expect(huge.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(huge.errors?.[0]?.message.length).toBeLessThan(200);
    expect(JSON.stringify(huge)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('refuses StartForm without a token', async () => {
    const result = await graph.operation('start-form.graphql', { matterCode: RENEWAL });
    expect(result.data?.prefill ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
}

describe('StartForm through the gateway (SQLite)', () => {
  startFormJourney(() => startGraph());
});

describe.runIf(await postgresAvailable())('StartForm through the gateway (PostgreSQL)', () => {
  startFormJourney(() => startGraph({ postgresUrl: POSTGRES_URL }));
});
