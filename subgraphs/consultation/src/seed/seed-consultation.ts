import type { Kysely } from 'kysely';
import { DEMO_MATTERS, DEPARTMENTS, DRIVING_LICENCE_RENEWAL, insertInBatches, integer, pick, seededRandom } from '@govgraph/kit';
import { ConsultationComplaintOutcome } from '../complaint/complaint.enums.js';
import { ConsultationChannel } from '../consultation/consultation.enums.js';
import { consultationDueAt } from '../consultation/due-time.js';
import type { ConsultationTables } from '../database.js';
import { ConsultationPraiseKind } from '../praise/praise.enums.js';
import { ASKER_OPENINGS, faqTemplates } from './faq-templates.js';
import { HALL_2017, daysOf, tallies2017 } from './tallies-2017.js';

type ConsultationRow = ConsultationTables['consultation'];
type ComplaintRow = ConsultationTables['consultation_complaint'];
type PraiseRow = ConsultationTables['consultation_praise'];

/** The demo accounts as identity seeds them: zhangsan, lisi, wangwu, and wangwu's company. */
export const DEMO_APPLICANTS = { zhangsan: 'P-000001', lisi: 'P-000002', wangwu: 'P-000003', wangwuCompany: 'E-000001' } as const;
/** The demo officers' accounts, as identity seeds them (answered_by names an officer's account). */
const OFFICER_ACCOUNTS = { hall: 'A-000006', police: 'A-000004', market: 'A-000005' } as const;
/** How many answered consultations 2025–2026 hold over the demo matters. */
export const RECENT_CONSULTATIONS = 360;
/** Extra complaints of 2017 the hall office closed without needing to coordinate. */
const UNCOORDINATED_2017 = 6;

const HALL = DEPARTMENTS.dataAdministration;
const HOUR = 3_600_000;

/** An instant at a city (UTC+8) date and time. */
function cityInstant(day: string, hour: number, minute: number): Date {
  return new Date(Date.parse(`${day}T00:00:00.000+08:00`) + hour * HOUR + minute * 60_000);
}

function population(random: () => number): string {
  return `P-${String(integer(random, 1001, 1500)).padStart(6, '0')}`;
}

/** Deterministic demo data: the same rows on every machine (seededRandom), written once, in one transaction. */
export async function seedConsultation(trx: Kysely<ConsultationTables>): Promise<void> {
  const random = seededRandom(465488);
  await insertInBatches(trx, 'consultation_tally', tallies2017(HALL, random));
  await insertInBatches(
    trx,
    'consultation',
    numbered('CQ', [...recentConsultations(random), ...demoConsultations()], (r) => r.asked_at),
  );
  await insertInBatches(
    trx,
    'consultation_complaint',
    numbered('CC', [...complaints2017(random), ...demoComplaints()], (r) => r.received_at),
  );
  await insertInBatches(
    trx,
    'consultation_praise',
    numbered('CP', praise2017(random), (r) => r.received_on),
  );
}

/** Ids in the order things happened: CQ-000001 is the earliest. */
function numbered<T extends object>(prefix: string, rows: T[], at: (row: T) => string): Array<T & { id: string }> {
  return [...rows].sort((a, b) => at(a).localeCompare(at(b))).map((row, i) => ({ id: `${prefix}-${String(i + 1).padStart(6, '0')}`, ...row }));
}

/**
 * A few hundred answered consultations of 2025–2026 over the demo matters (the renewal matter
 * JJ-0101 the most), on every channel; most answers published under the matter's FAQ question.
 */
function recentConsultations(random: () => number): Array<Omit<ConsultationRow, 'id'>> {
  const renewal = DEMO_MATTERS.find((m) => m.code === DRIVING_LICENCE_RENEWAL)!;
  const start = Date.parse('2025-01-02T00:00:00Z');
  const spanDays = Math.floor((Date.parse('2026-11-20T00:00:00Z') - start) / 86_400_000);
  const rows: Array<Omit<ConsultationRow, 'id'>> = [];
  for (let i = 0; i < RECENT_CONSULTATIONS; i += 1) {
    const matter = random() < 0.35 ? renewal : pick(random, DEMO_MATTERS);
    const templates = faqTemplates(matter);
    // Skewed: the first questions are asked most.
    const template = templates[Math.floor(random() ** 2 * templates.length)]!;
    const channel = pick(random, [ConsultationChannel.HALL_DESK, ConsultationChannel.HOTLINE_12345, ConsultationChannel.WEBSITE, ConsultationChannel.WECHAT]);
    const day = new Date(start + integer(random, 0, spanDays) * 86_400_000).toISOString().slice(0, 10);
    const asked = cityInstant(day, integer(random, 8, 17), integer(random, 0, 59));
    const online = channel === ConsultationChannel.WEBSITE || channel === ConsultationChannel.WECHAT;
    const answeredAfter = !online ? 0 : random() < 0.92 ? integer(random, 1, 20) * HOUR : integer(random, 40, 90) * HOUR;
    const asker = online ? population(random) : null;
    const published = random() < 0.65;
    rows.push({
      applicant_id: asker,
      submitted_by: asker,
      department_code: matter.departmentCode,
      matter_code: matter.code,
      channel,
      question: `${pick(random, ASKER_OPENINGS)}${template.question}`,
      asked_at: asked.toISOString(),
      due_at: consultationDueAt(asked),
      answer: template.answer,
      answered_at: new Date(asked.getTime() + answeredAfter).toISOString(),
      answered_by: matter.departmentCode === DEPARTMENTS.trafficPolice.code ? OFFICER_ACCOUNTS.police : OFFICER_ACCOUNTS.hall,
      public_question: published ? template.question : null,
      public_answer: published ? template.answer : null,
    });
  }
  return rows;
}

function asked(applicantId: string, submittedBy: string, departmentCode: string, matterCode: string | null, channel: ConsultationChannel, question: string, at: string) {
  const askedAt = new Date(at);
  return {
    applicant_id: applicantId,
    submitted_by: submittedBy,
    department_code: departmentCode,
    matter_code: matterCode,
    channel,
    question,
    asked_at: askedAt.toISOString(),
    due_at: consultationDueAt(askedAt),
  };
}

function answered(answer: string, at: string, by: string) {
  return { answer, answered_at: new Date(at).toISOString(), answered_by: by, public_question: null, public_answer: null };
}

const WAITING = { answer: null, answered_at: null, answered_by: null, public_question: null, public_answer: null };

/**
 * The demo accounts' own: zhangsan asked three (one still waiting for the traffic police), lisi and
 * wangwu's company one each; two wait in the hall office's queue (officer.hall), one in market
 * regulation's.
 */
function demoConsultations(): Array<Omit<ConsultationRow, 'id'>> {
  const { zhangsan, lisi, wangwu, wangwuCompany } = DEMO_APPLICANTS;
  const JJ = DEPARTMENTS.trafficPolice.code;
  const SCJG = DEPARTMENTS.marketRegulation.code;
  return [
    {
      ...asked(zhangsan, zhangsan, JJ, DRIVING_LICENCE_RENEWAL, ConsultationChannel.WEBSITE, '我的驾驶证明年3月到期，现在可以在网上申请换证吗？', '2026-03-02T02:15:00.000Z'),
      ...answered('可以。有效期满前九十日内即可在网上申请期满换证，您的驾驶证明年3月到期，请于到期前九十日内申请。', '2026-03-02T07:40:00.000Z', OFFICER_ACCOUNTS.police),
      public_question: '驾驶证快到期了，提前多久可以申请换证？',
      public_answer: '机动车驾驶证有效期满前九十日内，可以向驾驶证核发地或者核发地以外的车辆管理所申请换证。',
    },
    {
      ...asked(zhangsan, zhangsan, HALL.code, null, ConsultationChannel.WECHAT, '大厅周六上午开门吗？我工作日没时间去。', '2026-06-12T12:05:00.000Z'),
      ...answered('市民中心大厅周六上午9:00至12:00开放部分窗口，驾驶证业务可全程网上办理，无需到现场。', '2026-06-15T01:30:00.000Z', OFFICER_ACCOUNTS.hall),
    },
    {
      ...asked(zhangsan, zhangsan, JJ, 'JJ-0102', ConsultationChannel.WEBSITE, '车辆年检合格标志网上申请后多久能收到电子凭证？', '2026-11-26T03:20:00.000Z'),
      ...WAITING,
    },
    {
      ...asked(lisi, lisi, HALL.code, null, ConsultationChannel.WEBSITE, '网上办事大厅登录时提示证件号码已被注册，应该怎么处理？', '2026-11-25T08:10:00.000Z'),
      ...WAITING,
    },
    {
      ...asked(wangwuCompany, wangwu, HALL.code, null, ConsultationChannel.WECHAT, '公司经办人变更后，原经办人的授权怎么撤销？', '2026-11-27T01:45:00.000Z'),
      ...WAITING,
    },
    {
      ...asked(wangwuCompany, wangwu, SCJG, 'SCJG-0201', ConsultationChannel.WEBSITE, '分公司办理营业执照，需要总公司出具什么文件？', '2026-11-24T06:00:00.000Z'),
      ...WAITING,
    },
    {
      ...asked(lisi, lisi, HALL.code, null, ConsultationChannel.WEBSITE, '办件进度在哪里可以查询？', '2025-09-30T02:00:00.000Z'),
      ...answered('登录网上办事大厅，在“我的办件”中可查看每一件的进度和办理记录。', '2025-10-09T02:30:00.000Z', OFFICER_ACCOUNTS.hall),
    },
  ];
}

/** 2017's complaints about the hall office: 59 closed after coordinating, a few without need to; most rated. */
function complaints2017(random: () => number): Array<Omit<ComplaintRow, 'id'>> {
  const days = daysOf(2017).filter((d) => d <= '2017-12-15');
  const rows: Array<Omit<ComplaintRow, 'id'>> = [];
  for (let i = 0; i < HALL_2017.coordinations + UNCOORDINATED_2017; i += 1) {
    const coordinated = i < HALL_2017.coordinations;
    const received = cityInstant(pick(random, days), integer(random, 8, 17), integer(random, 0, 59));
    const closed = new Date(received.getTime() + integer(random, 20, 120) * HOUR);
    const rated = random() < 0.8;
    const complainant = population(random);
    rows.push({
      applicant_id: complainant,
      submitted_by: complainant,
      department_code: HALL.code,
      matter_code: null,
      subject: pick(random, ['窗口排队等候时间过长', '工作人员答复不一致，多次往返', '网上申报后迟迟未受理', '自助终端故障无法打印', '咨询电话长时间无人接听']),
      received_at: received.toISOString(),
      coordinated: coordinated ? 1 : 0,
      coordination_note: coordinated ? '大厅管理处协调窗口单位当日处理并回复' : null,
      outcome: coordinated
        ? pick(random, [ConsultationComplaintOutcome.RESOLVED, ConsultationComplaintOutcome.RESOLVED, ConsultationComplaintOutcome.PARTLY_RESOLVED])
        : ConsultationComplaintOutcome.NOT_UPHELD,
      closed_at: closed.toISOString(),
      rating: rated ? integer(random, 3, 5) : null,
      rated_at: rated ? new Date(closed.getTime() + 24 * HOUR).toISOString() : null,
    });
  }
  return rows;
}

/** zhangsan's complaint about the traffic police, closed after coordination and rated; lisi's, open for the hall office. */
function demoComplaints(): Array<Omit<ComplaintRow, 'id'>> {
  return [
    {
      applicant_id: DEMO_APPLICANTS.zhangsan,
      submitted_by: DEMO_APPLICANTS.zhangsan,
      department_code: DEPARTMENTS.trafficPolice.code,
      matter_code: DRIVING_LICENCE_RENEWAL,
      subject: '网上申请换证后三个工作日仍未受理，电话咨询无人接听。',
      received_at: '2026-04-08T03:10:00.000Z',
      coordinated: 1,
      coordination_note: '大厅管理处协调交警局车管所当日受理，并回电说明原因',
      outcome: ConsultationComplaintOutcome.RESOLVED,
      closed_at: '2026-04-09T08:30:00.000Z',
      rating: 5,
      rated_at: '2026-04-10T01:00:00.000Z',
    },
    {
      applicant_id: DEMO_APPLICANTS.lisi,
      submitted_by: DEMO_APPLICANTS.lisi,
      department_code: DEPARTMENTS.marketRegulation.code,
      matter_code: null,
      subject: '窗口要求提交网上已经提交过的材料，多跑了一次。',
      received_at: '2026-11-23T02:40:00.000Z',
      coordinated: 0,
      coordination_note: null,
      outcome: null,
      closed_at: null,
      rating: null,
      rated_at: null,
    },
  ];
}

/** 2017's praise of the hall office: 125 letters, 134 banners, 2 plaques, over the year. */
function praise2017(random: () => number): Array<Omit<PraiseRow, 'id'>> {
  const days = daysOf(2017);
  const rows: Array<Omit<PraiseRow, 'id'>> = [];
  const add = (kind: ConsultationPraiseKind, count: number, note: string | null) => {
    for (let i = 0; i < count; i += 1) rows.push({ department_code: HALL.code, kind, received_on: pick(random, days), note });
  };
  add(ConsultationPraiseKind.LETTER, HALL_2017.letters, null);
  add(ConsultationPraiseKind.BANNER, HALL_2017.banners, null);
  add(ConsultationPraiseKind.PLAQUE, HALL_2017.plaques, '企业赠送');
  return rows;
}
