import { DEPARTMENTS, TrustLevel, type DemoField } from '@govgraph/kit';
import type { ApplicationTables } from '../database.js';
import { talliedCase } from '../lifecycle/case-writer.js';
import { TallyBook } from '../statistics/case-tally.js';
import { departmentName } from '../lifecycle/actors.js';
import { cityDateOf, isoInstant } from './seed-clock.js';
import type { SeedApplicant } from './seed-applicants.js';
import type { SeedMatter } from './seed-matters.js';

/** A simulated case before it is numbered: times in milliseconds since the epoch. */
export interface SeedCase {
  matter: SeedMatter;
  applicantId: string;
  submittedBy: string;
  channel: 'ONLINE' | 'WINDOW';
  status: string;
  submittedAt: number;
  acceptedAt: number | null;
  decidedAt: number | null;
  completedAt: number | null;
  /** City date (YYYY-MM-DD), from addWorkingDays. */
  deadline: string;
  onTime: number | null;
  history: SeedEvent[];
  /** Form values, for the few cases that carry them. */
  fields?: SeedField[];
}

export interface SeedEvent {
  at: number;
  status: string;
  actor: string;
  note: string | null;
}

export interface SeedField {
  key: string;
  source: string | null;
  value: string | null;
  /** `identity` (trust A) for values identity holds, `applications` (trust D) for declared ones. */
  system: 'identity' | 'applications';
  retrievedAt: number;
}

export { APPLICANT_ACTOR, SYSTEM_ACTOR } from '../lifecycle/actors.js';

/**
 * A department's window officer in a seeded history. The live system writes the department and
 * the officer's account (`officerActor`); seeded cases name the role instead of an account.
 */
export function windowOfficer(departmentCode: string): string {
  return `${departmentName(departmentCode) ?? departmentCode} 窗口人员`;
}

export function caseId(year: number, sequence: number): string {
  return `AP-${year}-${String(sequence).padStart(8, '0')}`;
}

export function caseNumber(year: number, sequence: number): string {
  return `440300${year}${String(sequence).padStart(8, '0')}`;
}

/** Values the applicant declared, by form key: plausible text for the demo forms' own fields. */
const DECLARED: Record<string, (facts: SeedApplicant['facts'], random: () => number) => string> = {
  applicationReason: (_f, r) => ['个人办事需要', '单位要求提供', '办理相关业务需要', '按规定定期办理'][Math.floor(r() * 4)]!,
  lossStatement: () => '证件不慎遗失，已登报声明作废',
  deliveryMethod: (_f, r) => (r() < 0.7 ? '邮寄' : '窗口自取'),
  drivingLicenceNumber: (f) => f['person.idNumber'] ?? '',
  plateNumber: (_f, r) => `粤B·${[...'ABCDEFGHJK'][Math.floor(r() * 10)]}${String(Math.floor(r() * 100_000)).padStart(5, '0')}`,
  businessPremises: (f) => f['enterprise.address'] ?? '',
  businessScope: (_f, r) => ['预包装食品销售', '热食类食品制售', '餐饮服务', '食品销售（含冷藏冷冻）'][Math.floor(r() * 4)]!,
  newEnterpriseName: (f) => `${(f['enterprise.name'] ?? '').replace('有限公司', '')}发展有限公司`,
  foodLicenceNumber: (_f, r) => `JY14403${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
  childName: (f) => `${(f['person.name'] ?? '张').slice(0, 1)}小宝`,
  bankAccount: (_f, r) => `6217${String(Math.floor(r() * 1e12)).padStart(12, '0')}`,
  vehicleCount: (_f, r) => String(3 + Math.floor(r() * 40)),
  qualificationCategory: () => '施工总承包三级',
};

/**
 * The form values of a case: values identity holds (the field's source is a `person.` or
 * `enterprise.` fact) from identity at trust A, read when the form was opened; the rest declared
 * by the applicant (trust D). Optional fields without a value are left out.
 */
export function formValues(
  fields: readonly DemoField[],
  applicant: SeedApplicant,
  openedAt: number,
  submittedAt: number,
  random: () => number,
  declared: Record<string, string> = {},
): SeedField[] {
  const values: SeedField[] = [];
  for (const field of fields) {
    const fromIdentity = field.source !== undefined && (field.source.startsWith('person.') || field.source.startsWith('enterprise.'));
    if (fromIdentity && !(field.key in declared)) {
      const value = applicant.facts[field.source!] ?? null;
      if (value === null && !field.required) continue;
      values.push({ key: field.key, source: field.source!, value, system: 'identity', retrievedAt: openedAt });
      continue;
    }
    const make = DECLARED[field.key];
    const value = declared[field.key] ?? (make ? make(applicant.facts, random) : (field.options?.[0] ?? '见附件'));
    values.push({ key: field.key, source: field.source ?? null, value, system: 'applications', retrievedAt: submittedAt });
  }
  return values;
}

export interface SeedRows {
  application: Array<ApplicationTables['application']>;
  application_event: Array<ApplicationTables['application_event']>;
  application_field: Array<ApplicationTables['application_field']>;
  /** Year → last sequence used. */
  counters: Map<number, number>;
  /** The counters the cases add (case-tally.ts), written with them. */
  tallies: TallyBook;
}

/**
 * Numbers the cases per city year in submission order, as the live system would have (it takes
 * the next sequence at submission), and turns them into rows.
 */
export function toRows(cases: SeedCase[], startAfter: ReadonlyMap<number, number> = new Map(), tallies = new TallyBook()): SeedRows {
  const rows: SeedRows = { application: [], application_event: [], application_field: [], counters: new Map(startAfter), tallies };
  const ordered = cases.map((c, index) => ({ c, index })).sort((a, b) => a.c.submittedAt - b.c.submittedAt || a.index - b.index);
  const identityDepartment = DEPARTMENTS.dataAdministration.name;
  // An instant case's seven times are one instant: format it once.
  let lastInstant = Number.NaN;
  let lastIso = '';
  const iso = (instant: number): string => (instant === lastInstant ? lastIso : ((lastInstant = instant), (lastIso = isoInstant(instant))));
  for (const { c } of ordered) {
    const submittedDate = cityDateOf(c.submittedAt);
    const year = Number(submittedDate.slice(0, 4));
    const sequence = (rows.counters.get(year) ?? 0) + 1;
    rows.counters.set(year, sequence);
    const id = caseId(year, sequence);
    rows.application.push({
      id,
      number: caseNumber(year, sequence),
      applicant_id: c.applicantId,
      submitted_by: c.submittedBy,
      matter_code: c.matter.code,
      matter_name: c.matter.name,
      department_code: c.matter.departmentCode,
      case_type: c.matter.caseType,
      licensing: c.matter.licensing ? 1 : 0,
      promised_days: c.matter.promisedDays,
      channel: c.channel,
      status: c.status,
      submitted_at: iso(c.submittedAt),
      submitted_year: year,
      accepted_at: c.acceptedAt === null ? null : iso(c.acceptedAt),
      decided_at: c.decidedAt === null ? null : iso(c.decidedAt),
      completed_at: c.completedAt === null ? null : iso(c.completedAt),
      deadline: c.deadline,
      paused_since: null,
      paused_days: 0,
      resume_status: null,
      on_time: c.onTime,
      idempotency_key: null,
      payload_hash: null,
      form_snapshot: null,
      licence_id: null,
    });
    const history = c.history.map((e, i) => ({ application_id: id, seq: i + 1, at: iso(e.at), status: e.status, actor: e.actor, note: e.note }));
    rows.application_event.push(...history);
    const row = rows.application[rows.application.length - 1]!;
    tallies.entries(talliedCase(row), history, null);
    tallies.status(row.department_code, null, row.status);
    tallies.applicantCase(row.applicant_id);
    c.fields?.forEach((f, position) => {
      rows.application_field.push({
        application_id: id,
        position,
        key: f.key,
        source: f.source,
        value: f.value,
        provenance_system: f.system,
        provenance_department: f.system === 'identity' ? identityDepartment : null,
        trust_level: f.system === 'identity' ? TrustLevel.A : TrustLevel.D,
        retrieved_at: iso(f.retrievedAt),
      });
    });
  }
  return rows;
}
