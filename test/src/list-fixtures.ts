import { rebuildTallies } from '@govgraph/applications/tallies';
import type { GraphHarness } from './harness.js';

/*
 * Long lists for one applicant, written straight into the subgraphs' test databases (copies of
 * demo rows under new ids): what the portal would show someone with many licences, documents,
 * cases and a long case file. Each grow* call tops a list up to `total` items.
 */

const db = (graph: GraphHarness, name: string) => graph.databases[name]!.db as any;

/** `total` valid driving licences held by `holderId` (copies of zhangsan's). */
export async function growLicences(graph: GraphHarness, holderId: string, total: number): Promise<string[]> {
  const licences = db(graph, 'licences');
  const template = await licences.selectFrom('licence').selectAll().where('holder_id', '=', 'P-000001').orderBy('valid_to', 'desc').executeTakeFirstOrThrow();
  const existing: Array<{ id: string }> = await licences.selectFrom('licence').select('id').where('holder_id', '=', holderId).orderBy('id').execute();
  const rows = Array.from({ length: Math.max(0, total - existing.length) }, (_, i) => {
    const n = existing.length + i;
    return { ...template, id: `${holderId}-licence-${String(n).padStart(3, '0')}`, number: `GROWTH${String(n).padStart(6, '0')}`, holder_id: holderId, previous_id: null };
  });
  if (rows.length) await licences.insertInto('licence').values(rows).execute();
  return [...existing.map((r) => r.id), ...rows.map((r) => r.id)];
}

/** `total` documents owned by `ownerId` (metadata only: listing them reads no blob). */
export async function growDocuments(graph: GraphHarness, ownerId: string, total: number): Promise<string[]> {
  const applications = db(graph, 'applications');
  const existing: Array<{ id: string }> = await applications.selectFrom('document').select('id').where('owner_id', '=', ownerId).orderBy('id').execute();
  const rows = Array.from({ length: Math.max(0, total - existing.length) }, (_, i) => {
    const n = existing.length + i;
    return {
      id: `doc-${ownerId}-${String(n).padStart(3, '0')}`,
      owner_id: ownerId,
      filename: `scan-${n}.pdf`,
      media_type: 'application/pdf',
      size: 1_000 + n,
      sha256: n.toString(16).padStart(64, '0'),
      uploaded_at: new Date(Date.UTC(2026, 10, 1, 0, n)).toISOString(),
    };
  });
  if (rows.length) await applications.insertInto('document').values(rows).execute();
  return [...existing.map((r) => r.id), ...rows.map((r) => r.id)];
}

/** `total` completed cases of `applicantId` (copies of a simulated 2025 case). */
export async function growApplications(graph: GraphHarness, applicantId: string, total: number): Promise<string[]> {
  const applications = db(graph, 'applications');
  const template = await applications
    .selectFrom('application')
    .selectAll()
    .where('submitted_year', '=', 2025)
    .where('applicant_id', 'like', 'P-%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const existing: Array<{ id: string }> = await applications.selectFrom('application').select('id').where('applicant_id', '=', applicantId).orderBy('id').execute();
  const rows = Array.from({ length: Math.max(0, total - existing.length) }, (_, i) => {
    const n = existing.length + i;
    return {
      ...template,
      id: `AP-GROWTH-${applicantId}-${String(n).padStart(3, '0')}`,
      number: `GROWTH-${applicantId}-${n}`,
      applicant_id: applicantId,
      submitted_by: applicantId,
    };
  });
  if (rows.length) await applications.insertInto('application').values(rows).execute();
  // Written around the service: count them as the service would have.
  await rebuildTallies(applications);
  return [...existing.map((r) => r.id), ...rows.map((r) => r.id)];
}

/**
 * A case file of `total` history entries, `total` form values and `total` materials, each
 * material backed by one of the applicant's licences and one of their documents (both lists
 * grown to `total` too), so every size reads both kinds of evidence.
 */
export async function growCaseFile(graph: GraphHarness, applicationId: string, total: number): Promise<void> {
  const applications = db(graph, 'applications');
  const { applicant_id: owner } = await applications.selectFrom('application').select('applicant_id').where('id', '=', applicationId).executeTakeFirstOrThrow();
  const licences = await growLicences(graph, owner, total);
  const documents = await growDocuments(graph, owner, total);
  const count = async (table: string, column: string) =>
    Number(
      (
        await applications
          .selectFrom(table)
          .select((eb: any) => eb.fn.count(column).distinct().as('n'))
          .where('application_id', '=', applicationId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [events, fields, materials] = [await count('application_event', 'seq'), await count('application_field', 'key'), await count('application_material', 'requirement_code')];
  const range = (from: number) => Array.from({ length: Math.max(0, total - from) }, (_, i) => from + i);
  const history = range(events).map((n) => ({
    application_id: applicationId,
    seq: n + 1,
    at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
    status: 'SUBMITTED',
    actor: '申请人',
    note: `entry ${n}`,
  }));
  const values = range(fields).map((n) => ({
    application_id: applicationId,
    position: n,
    key: `growth${n}`,
    source: null,
    value: `value ${n}`,
    provenance_system: 'applications',
    provenance_department: null,
    trust_level: 'D',
    retrieved_at: '2025-01-01T00:00:00.000Z',
  }));
  const evidence = range(materials).flatMap((n) => [
    { application_id: applicationId, position: 2 * n, requirement_code: `REQ-${n}`, evidence_kind: 'Licence', evidence_id: licences[n]! },
    { application_id: applicationId, position: 2 * n + 1, requirement_code: `REQ-${n}`, evidence_kind: 'Document', evidence_id: documents[n]! },
  ]);
  if (history.length) await applications.insertInto('application_event').values(history).execute();
  if (values.length) await applications.insertInto('application_field').values(values).execute();
  if (evidence.length) await applications.insertInto('application_material').values(evidence).execute();
  await rebuildTallies(applications);
}

/** A matter whose guide lists `total` materials (each accepting a licence type, cycling) and `total` form fields. */
export async function growMatterGuide(graph: GraphHarness, code: string, total: number): Promise<void> {
  const catalog = db(graph, 'catalog');
  const { basic_code: basicCode } = await catalog.selectFrom('matter').select('basic_code').where('code', '=', code).executeTakeFirstOrThrow();
  const types: Array<{ code: string }> = await db(graph, 'licences').selectFrom('licence_type').select('code').orderBy('code').execute();
  await catalog.deleteFrom('matter_material').where('basic_code', '=', basicCode).execute();
  await catalog.deleteFrom('matter_form_field').where('basic_code', '=', basicCode).execute();
  const positions = Array.from({ length: total }, (_, n) => n);
  await catalog
    .insertInto('matter_material')
    .values(
      positions.map((n) => ({
        basic_code: basicCode,
        code: `M${n}`,
        name: `材料${n}`,
        required: n % 2,
        accepts_licence_type: types[n % types.length]!.code,
        kind: 'LICENCE',
        accepts_licence_types: JSON.stringify([types[n % types.length]!.code]),
        document_category: null,
        valid_for_days: null,
        position: n,
      })),
    )
    .execute();
  await catalog
    .insertInto('matter_form_field')
    .values(
      positions.map((n) => ({ basic_code: basicCode, key: `field${n}`, label: `字段${n}`, type: 'TEXT', required: 0, source: null, options: null, rules: null, position: n })),
    )
    .execute();
}
