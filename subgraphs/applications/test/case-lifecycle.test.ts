import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseType, DEPARTMENTS, FileEventBus, FormFieldType, MatterType, createLogger, migrateToLatest, openDatabase, TrustLevel, type Claims, type Database } from '@govgraph/kit';
import { testParties } from '@govgraph/kit/testing';
import { createApplicationsServices, type ApplicationsServices } from '../src/context.js';
import type { ApplicationTables } from '../src/database.js';
import { DecisionAction } from '../src/application/application.enums.js';
import { applicationMigrations } from '../src/migrations/index.js';
import type { FormSnapshot } from '../src/prefill/form-snapshot.js';

const POLICE = DEPARTMENTS.trafficPolice.code;
const applicant: Claims = { accountId: 'A-000001', personId: 'P-000001', applicantId: 'P-000001', roles: ['citizen'], department: null };
const stranger: Claims = { accountId: 'A-000002', personId: 'P-000002', applicantId: 'P-000002', roles: ['citizen'], department: null };
const officer: Claims = { accountId: 'A-000004', personId: 'P-000004', applicantId: 'P-000004', roles: ['officer'], department: POLICE };

function snapshot(code: string, caseType: CaseType, type: MatterType, promised: number, takenAt: string): FormSnapshot {
  return {
    matter: { code, name: `matter ${code}`, type, caseType, promisedTimeLimitDays: promised, departmentCode: POLICE },
    fields: [
      { key: 'applicantName', label: '申请人姓名', type: FormFieldType.TEXT, required: true, source: 'person.name', options: null, rules: { maxLength: 50 } },
      { key: 'idNumber', label: '公民身份号码', type: FormFieldType.ID_NUMBER, required: true, source: 'person.idNumber', options: null, rules: null },
      { key: 'delivery', label: '领证方式', type: FormFieldType.CHOICE, required: false, source: null, options: ['邮寄', '窗口自取'], rules: null },
    ],
    materials: [{ code: 'PHOTO', required: true, acceptsLicenceType: null }],
    licences: [],
    prefilled: [{ key: 'applicantName', value: '张三', provenance: { system: 'identity', department: null, trustLevel: TrustLevel.A, retrievedAt: takenAt } }],
    takenAt,
  };
}

describe('the case lifecycle on a real database', () => {
  let database: Database<ApplicationTables>;
  let services: ApplicationsServices;
  let now = new Date('2026-12-04T02:00:00.000Z'); // a Friday, 10:00 in the city
  // Signs case decisions as applications; nothing here consumes, so refusals need no counter.
  const bus = new FileEventBus(':memory:', createLogger('test', 'silent'), { party: testParties(['applications']).applications, eventsRefused: { inc: () => {} } });

  const fields = [
    { key: 'applicantName', value: '张三' },
    { key: 'idNumber', value: '440303199003071233' },
  ];
  const materials = [{ requirementCode: 'PHOTO', documentId: 'D-photo' }];
  const submit = (matterCode: string, idempotencyKey: string, claims = applicant) => services.submissions.submit(claims, { matterCode, idempotencyKey, fields, materials });

  beforeAll(async () => {
    database = openDatabase<ApplicationTables>({ name: 'applications', dataDir: ':memory:' });
    await migrateToLatest(database.db, applicationMigrations, database.dialect);
    services = createApplicationsServices(database.db, {
      keys: testParties(['applications']).applications.keys,
      bus,
      log: createLogger('test', 'silent'),
      dataDir: mkdtempSync(join(tmpdir(), 'govgraph-lifecycle-')),
      clock: () => now,
    });
    await database.db
      .insertInto('document')
      .values({ id: 'D-photo', owner_id: 'P-000001', filename: 'p.png', media_type: 'image/png', size: 1, sha256: 'a'.repeat(64), uploaded_at: now.toISOString() })
      .execute();
    const taken = now.toISOString();
    await services.sessions.save('P-000001', snapshot('PROMISED-1', CaseType.PROMISED, MatterType.CONFIRMATION, 1, taken));
    await services.sessions.save('P-000001', snapshot('INSTANT-1', CaseType.INSTANT, MatterType.PUBLIC_SERVICE, 0, taken));
    await services.sessions.save('P-000001', snapshot('INSTANT-LICENSING', CaseType.INSTANT, MatterType.LICENSING, 0, taken));
  });
  afterAll(async () => {
    await bus.close();
    await database?.close();
  });

  it('decides instant matters on submission, waiting for the licence where one must follow', async () => {
    const instant = await submit('INSTANT-1', 'instant-case-0001');
    expect(instant).toMatchObject({ status: 'COMPLETED', onTime: true, deadline: '2026-12-04', decidedAt: now.toISOString() });
    const history = await services.applications.historyOf([instant.id]);
    expect(history.map((h) => [h.status, h.actor])).toEqual([
      ['SUBMITTED', '申请人'],
      ['APPROVED', '系统'],
      ['COMPLETED', '系统'],
    ]);
    const licensing = await submit('INSTANT-LICENSING', 'instant-case-0002');
    expect(licensing.status).toBe('APPROVED');
  });

  it('counts the deadline in working days over the weekend, keeps provenance, and makes one case per key', async () => {
    const cases = await Promise.all(Array.from({ length: 5 }, () => submit('PROMISED-1', 'promised-case-01')));
    expect(new Set(cases.map((c) => c.id)).size).toBe(1);
    expect(cases[0]).toMatchObject({ status: 'SUBMITTED', deadline: '2026-12-07', submittedBy: 'P-000001' });
    const stored = await services.applications.fieldsOf([cases[0]!.id]);
    expect(stored.map((f) => [f.key, f.provenance_system, f.trust_level])).toEqual([
      ['applicantName', 'identity', 'A'],
      ['idNumber', 'applications', 'D'],
    ]);
    const count = await database.db
      .selectFrom('application')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idempotency_key', '=', 'promised-case-01')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('refuses moves from the wrong state, by the wrong people', async () => {
    const record = await submit('PROMISED-1', 'promised-case-02');
    await expect(services.lifecycle.decide(officer, { id: record.id, action: DecisionAction.APPROVE })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(services.lifecycle.decide(applicant, { id: record.id, action: DecisionAction.ACCEPT })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    await expect(services.lifecycle.decide({ ...officer, department: DEPARTMENTS.marketRegulation.code }, { id: record.id, action: DecisionAction.ACCEPT })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await expect(services.lifecycle.withdraw(stranger, { id: record.id })).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('lets the applicant withdraw before a decision, and not after', async () => {
    const record = await submit('PROMISED-1', 'promised-case-03');
    const withdrawn = await services.lifecycle.withdraw(applicant, { id: record.id, note: '不再需要' });
    expect(withdrawn.status).toBe('WITHDRAWN');
    await expect(services.lifecycle.withdraw(applicant, { id: record.id })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(services.lifecycle.decide(officer, { id: record.id, action: DecisionAction.ACCEPT })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
  });

  it('resumes the clock when a case awaiting correction is rejected, and marks a late decision', async () => {
    now = new Date('2026-12-07T02:00:00.000Z'); // Monday
    await services.sessions.save('P-000001', snapshot('PROMISED-1', CaseType.PROMISED, MatterType.CONFIRMATION, 1, now.toISOString()));
    const record = await submit('PROMISED-1', 'promised-case-04');
    expect(record.deadline).toBe('2026-12-08');
    await services.lifecycle.decide(officer, { id: record.id, action: DecisionAction.REQUEST_CORRECTION, note: '补充材料' });
    now = new Date('2026-12-09T02:00:00.000Z'); // Wednesday: Tuesday and Wednesday paused
    const rejected = await services.lifecycle.decide(officer, { id: record.id, action: DecisionAction.REJECT, note: '逾期未补正' });
    expect(rejected).toMatchObject({ status: 'REJECTED', pausedDays: 2, deadline: '2026-12-10', onTime: true });

    await services.sessions.save('P-000001', snapshot('PROMISED-1', CaseType.PROMISED, MatterType.CONFIRMATION, 1, now.toISOString()));
    const late = await submit('PROMISED-1', 'promised-case-05');
    await services.lifecycle.decide(officer, { id: late.id, action: DecisionAction.ACCEPT });
    now = new Date('2026-12-14T02:00:00.000Z');
    const approved = await services.lifecycle.decide(officer, { id: late.id, action: DecisionAction.APPROVE });
    expect(approved).toMatchObject({ status: 'APPROVED', deadline: '2026-12-10', onTime: false });
    const completed = await services.lifecycle.decide(officer, { id: late.id, action: DecisionAction.COMPLETE });
    expect(completed.status).toBe('COMPLETED');
  });

  it('refuses a submission a day after the form was opened', async () => {
    now = new Date('2026-12-20T02:00:00.000Z');
    await expect(submit('PROMISED-1', 'promised-case-06')).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', reason: 'FORM_NOT_OPENED' } });
  });
});
