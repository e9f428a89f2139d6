import { rebuildTallies } from '@govgraph/applications/tallies';
import { DEPARTMENTS } from '@govgraph/kit';
import type { GraphHarness } from '../../src/harness.js';
import { CASE_ID, CASE_NUMBER } from './operation-rows.js';

/**
 * zhangsan's open case at the traffic police (so one officer's department is the right one and
 * the other's is not), with his uploaded document among its materials.
 */
export async function seedCaseOfZhangsan(graph: GraphHarness, documentId: string): Promise<void> {
  const db = graph.databases.applications!.db as any;
  const at = new Date().toISOString();
  await db
    .insertInto('application')
    .values({
      id: CASE_ID,
      number: CASE_NUMBER,
      applicant_id: 'P-000001',
      submitted_by: 'A-000001',
      matter_code: 'JJ-0103',
      matter_name: '机动车驾驶证遗失补证',
      department_code: DEPARTMENTS.trafficPolice.code,
      case_type: 'PROMISED',
      licensing: 1,
      promised_days: 1,
      channel: 'ONLINE',
      status: 'SUBMITTED',
      submitted_at: at,
      submitted_year: new Date().getFullYear(),
      accepted_at: null,
      decided_at: null,
      completed_at: null,
      deadline: '2099-12-31',
      paused_since: null,
      paused_days: 0,
      resume_status: null,
      on_time: null,
      idempotency_key: 'matrix-case-101',
      payload_hash: 'x',
      form_snapshot: null,
      licence_id: null,
    })
    .execute();
  await db
    .insertInto('application_field')
    .values({
      application_id: CASE_ID,
      position: 0,
      key: 'lossStatement',
      source: null,
      value: '驾驶证遗失',
      provenance_system: 'applications',
      provenance_department: null,
      trust_level: 'D',
      retrieved_at: at,
    })
    .execute();
  await db
    .insertInto('application_material')
    .values({ application_id: CASE_ID, position: 0, requirement_code: 'PHOTO', evidence_kind: 'Document', evidence_id: documentId })
    .execute();
  await db.insertInto('application_event').values({ application_id: CASE_ID, seq: 1, at, status: 'SUBMITTED', actor: '申请人', note: null }).execute();
  // Written around the service: count it as the service would have.
  await rebuildTallies(db);
}
