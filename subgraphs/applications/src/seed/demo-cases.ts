import { CaseType, DEPARTMENTS, CITY_DEPARTMENTS, seededRandom } from '@govgraph/kit';
import { addWorkingDays } from '@govgraph/kit';
import { ApplicantPicker, enterpriseFacts, personFacts, type SeedApplicant } from './seed-applicants.js';
import { APPLICANT_ACTOR, formValues, windowOfficer, type SeedCase } from './seed-case.js';
import { MINUTE_MS, cityInstant, workingDayOnOrAfter, workingDaysIn } from './seed-clock.js';
import { seedMatters, type SeedMatter } from './seed-matters.js';

/*
 * The demo accounts' own history (identity's DEMO_PERSONS / DEMO_ENTERPRISES: the values below
 * are what identity holds for them) and the officers' open queues. Tests submit zhangsan's
 * driving-licence renewal (JJ-0101) and wangwu's company's food licence (SCJG-0201) themselves,
 * so neither has an open case here, and the open queues never belong to a demo account.
 */

const ZHANGSAN = {
  id: 'P-000001',
  name: '张三',
  idNumber: '440303199003071233',
  mobile: '13800138000',
  email: 'zhangsan@example.cn',
  gender: 'MALE',
  birthDate: '1990-03-07',
  divisionCode: '440303',
  addressDetail: '东门街道解放路1001号',
} as const;
const WANGWU = {
  id: 'P-000003',
  name: '王五',
  idNumber: '440305197806150051',
  mobile: '13700137000',
  email: 'wangwu@example.cn',
  gender: 'MALE',
  birthDate: '1978-06-15',
  divisionCode: '440305',
  addressDetail: '粤海街道科技园路1号',
} as const;
const DEMO_COMPANY = {
  id: 'E-000001',
  name: '深圳市示例科技有限公司',
  creditCode: '91440300MA5F2JNT4W',
  divisionCode: '440305',
  addressDetail: '粤海街道高新南七道018号',
} as const;

function matterByCode(code: string): SeedMatter {
  const matter = seedMatters().find((m) => m.code === code);
  if (!matter) throw new Error(`demo seed: no matter ${code} in the generated catalog`);
  return matter;
}

interface Moments {
  submittedAt: number;
  acceptedAt?: number | null;
  decidedAt?: number | null;
  completedAt?: number | null;
}

/** A promised case up to where `moments` go: submitted, accepted, approved, completed. */
function promisedCase(matter: SeedMatter, applicant: SeedApplicant, submittedDate: string, m: Moments, fields: SeedCase['fields']): SeedCase {
  const officer = windowOfficer(matter.departmentCode);
  const deadline = addWorkingDays(submittedDate, matter.promisedDays);
  const history: SeedCase['history'] = [{ at: m.submittedAt, status: 'SUBMITTED', actor: APPLICANT_ACTOR, note: null }];
  if (m.acceptedAt) history.push({ at: m.acceptedAt, status: 'ACCEPTED', actor: officer, note: null });
  if (m.decidedAt) history.push({ at: m.decidedAt, status: 'APPROVED', actor: officer, note: null });
  if (m.completedAt) history.push({ at: m.completedAt, status: 'COMPLETED', actor: officer, note: null });
  return {
    matter,
    applicantId: applicant.applicantId,
    submittedBy: applicant.submittedBy,
    channel: 'ONLINE',
    status: history.at(-1)!.status,
    submittedAt: m.submittedAt,
    acceptedAt: m.acceptedAt ?? null,
    decidedAt: m.decidedAt ?? null,
    completedAt: m.completedAt ?? null,
    deadline,
    onTime: m.decidedAt ? 1 : null,
    history,
    fields,
  };
}

/**
 * zhangsan: the lost driving licence replaced in March 2026 (the licence library's licence of
 * 2026-03-10) and a birth certificate reissued in September; wangwu's company: a certificate from
 * the tax bureau in October, submitted by wangwu as its legal representative.
 *
 * Values the applicant declared are offered again on later forms with the same key, so these
 * cases declare nothing the tests' forms expect empty: no plateNumber (JJ-0102 must prefill
 * nothing from zhangsan's expired vehicle licence), no deliveryMethod (JJ-0101), nothing of
 * SCJG-0201's form.
 */
export function demoAccountCases(): SeedCase[] {
  const random = seededRandom(2026);
  const zhangsan: SeedApplicant = { applicantId: ZHANGSAN.id, submittedBy: ZHANGSAN.id, facts: personFacts(ZHANGSAN) };
  const company: SeedApplicant = {
    applicantId: DEMO_COMPANY.id,
    submittedBy: WANGWU.id,
    facts: { ...personFacts(WANGWU), ...enterpriseFacts(DEMO_COMPANY, WANGWU) },
  };
  const cases: SeedCase[] = [];

  // 机动车驾驶证遗失补证 (promised, 1 working day).
  const lost = matterByCode('JJ-0103');
  const lostDay = workingDayOnOrAfter('2026-03-09');
  const lostAt = cityInstant(lostDay, 10 * 60 + 5);
  const replacedDay = addWorkingDays(lostDay, 1);
  cases.push(
    promisedCase(
      lost,
      zhangsan,
      lostDay,
      {
        submittedAt: lostAt,
        acceptedAt: lostAt + 27 * MINUTE_MS,
        decidedAt: cityInstant(replacedDay, 9 * 60 + 40),
        completedAt: cityInstant(replacedDay, 10 * 60 + 15),
      },
      formValues(lost.fields, zhangsan, lostAt - 4 * MINUTE_MS, lostAt, random, { lossStatement: '驾驶证于2026年3月初不慎遗失，特申请补领' }),
    ),
  );

  // 出生医学证明补发 (promised, 10 working days): decided a few days after acceptance.
  const birth = matterByCode('WJW-0401');
  const birthDay = workingDayOnOrAfter('2026-09-14');
  const birthAt = cityInstant(birthDay, 20 * 60 + 12);
  const birthAccepted = cityInstant(addWorkingDays(birthDay, 1), 9 * 60 + 18);
  const birthDecided = cityInstant(addWorkingDays(birthDay, 4), 14 * 60 + 5);
  cases.push(
    promisedCase(
      birth,
      zhangsan,
      birthDay,
      {
        submittedAt: birthAt,
        acceptedAt: birthAccepted,
        decidedAt: birthDecided,
        completedAt: birthDecided + 35 * MINUTE_MS,
      },
      formValues(birth.fields, zhangsan, birthAt - 5 * MINUTE_MS, birthAt, random, { childName: '张小雨' }),
    ),
  );

  // The company: a promised, non-licensing matter of the tax bureau for enterprises.
  const taxBureau = CITY_DEPARTMENTS.find((d) => d.key === 'SWJ')!.code;
  const forCompanies = seedMatters().filter((m) => m.servesEnterprises && !m.licensing && m.caseType === CaseType.PROMISED && m.promisedDays >= 1 && !m.code.includes('-44'));
  const certificate = forCompanies.find((m) => m.departmentCode === taxBureau) ?? forCompanies[0]!;
  const certificateDay = workingDayOnOrAfter('2026-10-12');
  const certificateAt = cityInstant(certificateDay, 10 * 60 + 20);
  const issuedDay = addWorkingDays(certificateDay, 1);
  cases.push(
    promisedCase(
      certificate,
      company,
      certificateDay,
      {
        submittedAt: certificateAt,
        acceptedAt: certificateAt + 31 * MINUTE_MS,
        decidedAt: cityInstant(issuedDay, 15 * 60),
        completedAt: cityInstant(issuedDay, 15 * 60 + 25),
      },
      formValues(certificate.fields, company, certificateAt - 6 * MINUTE_MS, certificateAt, random, { applicationReason: '参加政府采购投标需要' }),
    ),
  );
  return cases;
}

/**
 * About a hundred open cases (SUBMITTED or ACCEPTED) in November 2026, so that every officer's
 * queue has work: 15 each for the traffic police and market regulation (the demo officers'
 * departments), the rest round the other departments. Applicants from the population only.
 */
export function openCases(options: { count?: number } = {}): SeedCase[] {
  const count = options.count ?? 100;
  const random = seededRandom(2611);
  const applicants = new ApplicantPicker(random);
  const promised = seedMatters().filter((m) => m.caseType === CaseType.PROMISED && m.promisedDays >= 1);
  const byDepartment = new Map<string, SeedMatter[]>();
  for (const m of promised) byDepartment.set(m.departmentCode, [...(byDepartment.get(m.departmentCode) ?? []), m]);

  const focus = [DEPARTMENTS.trafficPolice.code, DEPARTMENTS.marketRegulation.code];
  const departments: string[] = focus.flatMap((code) => Array.from({ length: 15 }, () => code));
  const others = CITY_DEPARTMENTS.map((d) => d.code).filter((code) => !focus.includes(code) && byDepartment.has(code));
  for (let i = 0; departments.length < count; i++) departments.push(others[i % others.length]!);

  const acceptedDays = workingDaysIn('2026-11-02', '2026-11-20');
  const recentDays = workingDaysIn('2026-11-19', '2026-11-25');
  return departments.map((departmentCode, i) => {
    const matters = byDepartment.get(departmentCode)!;
    const matter = matters[Math.floor(random() * matters.length)]!;
    const applicant = applicants.pick(matter);
    // Two in five are new (last days, not yet accepted); the rest accepted and being handled.
    const accepted = i % 5 >= 2;
    const days = accepted ? acceptedDays : recentDays;
    const day = days[Math.floor(random() * days.length)]!;
    const submittedAt = cityInstant(day, 480 + Math.floor(random() * 720)) + Math.floor(random() * 60) * 1000;
    const acceptedAt = accepted ? cityInstant(addWorkingDays(day, 1), 540 + Math.floor(random() * 120)) : null;
    return promisedCase(matter, applicant, day, { submittedAt, acceptedAt }, formValues(matter.fields, applicant, submittedAt - 5 * MINUTE_MS, submittedAt, random));
  });
}
