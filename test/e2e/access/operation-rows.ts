import { DEMO_PERSONS } from '@govgraph/identity';
import { DEPARTMENTS, formatLicenceId } from '@govgraph/kit';
import { CALLERS, type Caller } from './callers.js';

/**
 * What each caller gets from each contract operation of schema/operations: the operation's data
 * with their own data only ('own'), an answer with nobody's personal data ('public'), a null
 * answer that does not even say the thing exists ('none'), or a refusal with this code and no data.
 */
export type Outcome = 'own' | 'public' | 'none' | { refused: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' };

/** What a row's variables may depend on: who asks, and zhangsan's complete submission. */
export interface RowContext {
  caller: Caller;
  zhangsanSubmission: Record<string, unknown>;
}

export interface OperationRow {
  file: string;
  /** Variables on the matrix's data (CASE_ID is zhangsan's case at the traffic police). */
  variables: Record<string, unknown> | ((context: RowContext) => Record<string, unknown>);
  /** Data that only the row's 'own' callers may see (beyond each caller's own personal data). */
  shows?: RegExp;
  expected: Record<Caller, Outcome>;
}

export const CASE_ID = 'AP-2026-99000101';
export const CASE_NUMBER = '440300202699000101';
/** The seed's: zhangsan's open request for disclosure and waiting question at the traffic police, his rated complaint, lisi's open one. */
export const DISCLOSURE_REQUEST_OF_ZHANGSAN = 'DQ-000011';
export const CONSULTATION_OF_ZHANGSAN = 'CQ-000366';
export const COMPLAINT_OF_ZHANGSAN = 'CC-000066';
export const COMPLAINT_OF_LISI = 'CC-000067';
const SEED_OFFICE = DEPARTMENTS.dataAdministration.code;
const TRAFFIC_POLICE = DEPARTMENTS.trafficPolice.code;
export const LICENCE_OF_ZHANGSAN = formatLicenceId({ typeCode: 'JDCJSZ', issuerCreditCode: DEPARTMENTS.trafficPolice.code, serial: '00000001', version: '1' });

const unauthenticated = { refused: 'UNAUTHENTICATED' } as const;
const forbidden = { refused: 'FORBIDDEN' } as const;
const notFound = { refused: 'NOT_FOUND' } as const;
const conflict = { refused: 'CONFLICT' } as const;
const everyone = (outcome: Outcome, overrides: Partial<Record<Caller, Outcome>> = {}): Record<Caller, Outcome> => ({
  anonymous: outcome,
  'citizen A (zhangsan)': outcome,
  'citizen B (lisi)': outcome,
  'enterprise agent (lisi for E-000001)': outcome,
  'officer, right department (police)': outcome,
  'officer, other department (market)': outcome,
  'expired token (zhangsan)': unauthenticated,
  ...overrides,
});

export const OPERATION_ROWS: OperationRow[] = [
  { file: 'annual-report.graphql', variables: { departmentCode: SEED_OFFICE, year: 2017 }, expected: everyone('public') },
  { file: 'disclosure-releases.graphql', variables: { departmentCode: SEED_OFFICE, year: 2017, first: 5 }, expected: everyone('public') },
  { file: 'matter-questions.graphql', variables: { code: 'JJ-0101' }, expected: everyone('public') },
  {
    file: 'request-disclosure.graphql',
    variables: { input: { departmentCode: TRAFFIC_POLICE, description: '申请公开本局2025年度驾驶证换证办理量统计' } },
    shows: /"status":"RECEIVED"/,
    expected: everyone('own', { anonymous: unauthenticated }),
  },
  { file: 'my-disclosure-requests.graphql', variables: {}, expected: everyone('own', { anonymous: unauthenticated }) },
  {
    file: 'department-disclosure-requests.graphql',
    variables: { first: 20 },
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': 'own' }),
  },
  {
    // zhangsan's request is the traffic police's: another department's officer is not told it exists.
    file: 'extend-disclosure-request.graphql',
    variables: { id: DISCLOSURE_REQUEST_OF_ZHANGSAN, days: 10, reason: '需要汇总多个业务系统的数据' },
    shows: /"status":"EXTENDED"/,
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': notFound }),
  },
  {
    file: 'answer-disclosure-request.graphql',
    variables: { id: DISCLOSURE_REQUEST_OF_ZHANGSAN, outcome: 'DISCLOSED' },
    shows: /"status":"ANSWERED"/,
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': notFound }),
  },
  {
    file: 'ask-consultation.graphql',
    variables: { input: { departmentCode: TRAFFIC_POLICE, matterCode: 'JJ-0101', channel: 'WEBSITE', question: '驾驶证到期前多久可以申请换证？' } },
    shows: /"status":"WAITING"/,
    expected: everyone('own', { anonymous: unauthenticated }),
  },
  { file: 'my-consultations.graphql', variables: {}, expected: everyone('own', { anonymous: unauthenticated }) },
  {
    file: 'department-consultations.graphql',
    variables: { status: 'WAITING', first: 20 },
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': 'own' }),
  },
  {
    file: 'answer-consultation.graphql',
    variables: { id: CONSULTATION_OF_ZHANGSAN, answer: '可以在驾驶证有效期满前九十日内申请换证。' },
    shows: /"status":"ANSWERED"/,
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': notFound }),
  },
  {
    file: 'file-complaint.graphql',
    variables: { input: { departmentCode: TRAFFIC_POLICE, subject: '网上预约换证时段一直显示已满' } },
    shows: /"coordinated":false/,
    expected: everyone('own', { anonymous: unauthenticated }),
  },
  {
    // Only the hall office coordinates and closes complaints: no caller here is of it (officer.hall is, in annual-report.e2e.ts).
    file: 'close-complaint.graphql',
    variables: { id: COMPLAINT_OF_LISI, outcome: 'RESOLVED', coordinated: true, note: '已协调' },
    expected: everyone(forbidden, { anonymous: unauthenticated }),
  },
  {
    // zhangsan rated his closed complaint already; nobody else may even learn of it.
    file: 'rate-complaint.graphql',
    variables: { id: COMPLAINT_OF_ZHANGSAN, rating: 4 },
    expected: everyone(notFound, { anonymous: unauthenticated, 'citizen A (zhangsan)': conflict }),
  },
  {
    file: 'act-as.graphql',
    variables: { enterpriseId: 'E-000001' },
    expected: everyone(forbidden, { anonymous: unauthenticated, 'citizen B (lisi)': 'own', 'enterprise agent (lisi for E-000001)': 'own' }),
  },
  {
    file: 'application-detail.graphql',
    variables: { id: CASE_ID },
    shows: new RegExp(CASE_NUMBER),
    expected: everyone('none', { anonymous: unauthenticated, 'citizen A (zhangsan)': 'own', 'officer, right department (police)': 'own' }),
  },
  {
    // The reference portal's: zhangsan's case asks for no correction, so even he is told it is in the wrong state.
    file: 'correct-application.graphql',
    variables: { input: { id: CASE_ID, fields: [{ key: 'mobile', value: '13800138000' }], note: '补正' } },
    expected: everyone(notFound, { anonymous: unauthenticated, 'citizen A (zhangsan)': conflict }),
  },
  {
    file: 'decide-application.graphql',
    variables: { input: { id: CASE_ID, action: 'ACCEPT', note: '材料齐全' } },
    shows: /"status":"ACCEPTED"/,
    // Another department's officer is not told that the case exists.
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': notFound }),
  },
  { file: 'hall-statistics.graphql', variables: { year: 2025 }, expected: everyone('public') },
  {
    file: 'issue-licence.graphql',
    variables: { input: { typeCode: 'SPJYXKZ', holderId: 'E-000001', holderName: '深圳市示例科技有限公司', data: [{ key: 'businessScope', value: '预包装食品销售' }] } },
    shows: /"issueLicence":\{"licence":\{"id"/,
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, other department (market)': 'own' }),
  },
  // An account that does not exist (one per caller, below the login throttle): the same refusal for everyone, naming nobody.
  { file: 'licence-types.graphql', variables: {}, expected: everyone('public') },
  { file: 'login.graphql', variables: ({ caller }) => ({ username: `no.such.account.${CALLERS.indexOf(caller)}`, password: 'demo' }), expected: everyone(unauthenticated) },
  { file: 'matter-form.graphql', variables: { code: 'JJ-0101' }, expected: everyone('public') },
  { file: 'matter-guide.graphql', variables: { code: 'JJ-0101' }, expected: everyone('public') },
  { file: 'my-applications.graphql', variables: { first: 20 }, expected: everyone('own', { anonymous: unauthenticated }) },
  {
    file: 'my-data-access.graphql',
    variables: { first: 20 },
    expected: everyone('own', { anonymous: unauthenticated }),
  },
  { file: 'my-home.graphql', variables: {}, expected: everyone('own', { anonymous: unauthenticated }) },
  {
    file: 'officer-queue.graphql',
    variables: { first: 20 },
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own', 'officer, other department (market)': 'own' }),
  },
  {
    file: 'review-application.graphql',
    variables: { id: CASE_ID },
    shows: new RegExp(CASE_NUMBER),
    expected: everyone('none', { anonymous: unauthenticated, 'citizen A (zhangsan)': 'own', 'officer, right department (police)': 'own' }),
  },
  { file: 'search-catalog.graphql', variables: { filter: { text: '驾驶证' }, first: 5 }, expected: everyone('public') },
  {
    file: 'start-form.graphql',
    variables: { matterCode: 'JJ-0101' },
    expected: everyone('own', { anonymous: unauthenticated }),
  },
  {
    // zhangsan's complete renewal (his licence, his photo and certificate) sent by everyone: only
    // he may use his materials; the enterprise cannot apply for a person's matter at all.
    file: 'submit-application.graphql',
    variables: ({ zhangsanSubmission }) => ({ input: zhangsanSubmission }),
    shows: /"status":"SUBMITTED"/,
    expected: everyone({ refused: 'BAD_USER_INPUT' }, { anonymous: unauthenticated, 'citizen A (zhangsan)': 'own' }),
  },
  {
    // The traffic police's board: its own officer only. Every department's is the hall office's supervisor's (test/e2e/supervision.e2e.ts, with officer.hall).
    file: 'supervision-board.graphql',
    variables: { departmentCode: TRAFFIC_POLICE },
    shows: new RegExp(`"supervisionBoard":\\{"today":"[0-9-]+","warningDays":3,"year":[0-9]+,"department":\\{"code":"${TRAFFIC_POLICE}"`),
    expected: everyone(forbidden, { anonymous: unauthenticated, 'officer, right department (police)': 'own' }),
  },
  { file: 'verify-licence.graphql', variables: { id: LICENCE_OF_ZHANGSAN }, expected: everyone('public') },
  {
    // Last: zhangsan withdraws his case, which nobody else may do or even learn of.
    file: 'withdraw-application.graphql',
    variables: { input: { id: CASE_ID, note: '不再需要' } },
    shows: /"status":"WITHDRAWN"/,
    expected: everyone(notFound, { anonymous: unauthenticated, 'citizen A (zhangsan)': 'own' }),
  },
];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const personal = (ids: string[]) =>
  new RegExp(
    DEMO_PERSONS.filter((p) => ids.includes(p.id))
      .flatMap((p) => [p.name, p.idNumber, p.mobile, p.addressDetail].map(escapeRegExp))
      .join('|'),
  );
/** An officer's name is how the data-access log tells a citizen who read their data; the rest of the officer stays private. */
const officerPrivate = (ids: string[]) => DEMO_PERSONS.filter((p) => ids.includes(p.id)).flatMap((p) => [p.idNumber, p.mobile, p.addressDetail].map(escapeRegExp));
const citizenMustNotSee = (citizens: string[]) => new RegExp([personal(citizens).source, ...officerPrivate(['P-000004', 'P-000005'])].join('|'));

/**
 * Personal data each caller must never receive from any operation. An officer meets an applicant
 * through a case of their department (zhangsan's case is at the traffic police); a citizen sees
 * the name of the officer who read their data (an officer asking as an applicant too); the agent sees its legal representative's name,
 * never his ID number or mobile.
 */
export const NEVER_FOR: Record<Caller, RegExp> = {
  anonymous: personal(DEMO_PERSONS.map((p) => p.id)),
  'citizen A (zhangsan)': citizenMustNotSee(['P-000002', 'P-000003']),
  'citizen B (lisi)': citizenMustNotSee(['P-000001', 'P-000003']),
  'enterprise agent (lisi for E-000001)': new RegExp(`${citizenMustNotSee(['P-000001']).source}|440305197806150051|13700137000`),
  'officer, right department (police)': personal(['P-000002', 'P-000003', 'P-000005']),
  // As an applicant (its own requests and questions) the market officer sees the police officer's name in its data-access log.
  'officer, other department (market)': new RegExp([personal(['P-000001', 'P-000002', 'P-000003']).source, ...officerPrivate(['P-000004'])].join('|')),
  'expired token (zhangsan)': personal(DEMO_PERSONS.map((p) => p.id)),
};
