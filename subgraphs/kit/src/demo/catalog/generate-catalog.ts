import { CITY_DEPARTMENTS, LICENCE_TYPE_CODES as LT } from '../../reference/departments.js';
import { CITY_DIVISION, DISTRICTS } from '../../reference/divisions.js';
import { seededRandom } from '../../seeded-random.js';
import { CaseType, FormFieldType as F, MatterLevel, MatterType, ServedObject } from '../../graphql/matter.enums.js';
import { DEMO_MATTERS, type DemoField, type DemoMaterial, type DemoMatter } from './demo-matters.js';
import { ACTIONS, SUBJECTS } from './subjects.js';

/** The hall's 2017 figures (docs/domain.md). */
export const HALL_FIGURES = { departments: 35, matters: 1_444, licensing: 556, fullyOnlineLicensing: 533 } as const;

/** Non-licensing matters by type; with the 556 licensing items they make 1,444. */
const OTHER_TYPES: Array<[MatterType, number]> = [
  [MatterType.PUBLIC_SERVICE, 380],
  [MatterType.CONFIRMATION, 220],
  [MatterType.BENEFIT, 90],
  [MatterType.OTHER_POWER, 90],
  [MatterType.INSPECTION, 50],
  [MatterType.REWARD, 20],
  [MatterType.LEVY, 20],
  [MatterType.ADJUDICATION, 18],
];

/** Subjects that are themselves electronic licences: changing or renewing one accepts the current licence. */
const LICENCE_SUBJECTS: Record<string, string> = {
  机动车驾驶证: LT.drivingLicence,
  道路运输经营许可: LT.roadTransportLicence,
  居民身份证: LT.residentIdCard,
  食品生产许可证: LT.foodBusinessLicence,
};

const LAWS: Record<string, string> = {
  LICENSING: '中华人民共和国行政许可法',
  CONFIRMATION: '广东省行政许可和行政确认事项目录管理办法',
  BENEFIT: '社会救助暂行办法',
  PUBLIC_SERVICE: '深圳市政务服务管理办法',
  INSPECTION: '中华人民共和国行政处罚法',
  REWARD: '深圳市表彰奖励管理办法',
  LEVY: '行政事业性收费管理条例',
  ADJUDICATION: '中华人民共和国行政复议法',
  OTHER_POWER: '深圳市政府部门权责清单管理办法',
};

const PERSON_FIELDS: DemoField[] = [
  { key: 'applicantName', label: '申请人姓名', type: F.TEXT, required: true, source: 'person.name', rules: { maxLength: 50 } },
  { key: 'idNumber', label: '公民身份号码', type: F.ID_NUMBER, required: true, source: 'person.idNumber' },
  { key: 'mobile', label: '手机号码', type: F.MOBILE, required: true, source: 'person.mobile', rules: { pattern: '^1\\d{10}$' } },
  { key: 'address', label: '联系地址', type: F.ADDRESS, required: true, source: 'person.address', rules: { maxLength: 200 } },
];
const OPTIONAL_PERSON_FIELDS: DemoField[] = [
  { key: 'email', label: '电子邮箱', type: F.EMAIL, required: false, source: 'person.email' },
  { key: 'gender', label: '性别', type: F.CHOICE, required: false, source: 'person.gender', options: ['男', '女'] },
  { key: 'birthDate', label: '出生日期', type: F.DATE, required: false, source: 'person.birthDate' },
];
const ENTERPRISE_FIELDS: DemoField[] = [
  { key: 'enterpriseName', label: '企业名称', type: F.TEXT, required: true, source: 'enterprise.name', rules: { maxLength: 200 } },
  { key: 'creditCode', label: '统一社会信用代码', type: F.CREDIT_CODE, required: true, source: 'enterprise.creditCode' },
  { key: 'legalRepresentative', label: '法定代表人', type: F.TEXT, required: true, source: 'enterprise.legalRepresentative' },
  { key: 'registeredAddress', label: '住所', type: F.ADDRESS, required: true, source: 'enterprise.address', rules: { maxLength: 200 } },
];
/**
 * Matters served to persons and enterprises alike name the applicant without assuming which:
 * identity states `applicant.*` for whoever applies (a person's name, ID number and address, or an
 * enterprise's name, credit code and registered address).
 */
const APPLICANT_FIELDS: DemoField[] = [
  { key: 'applicantName', label: '申请人名称', type: F.TEXT, required: true, source: 'applicant.name', rules: { maxLength: 200 } },
  {
    key: 'applicantIdNumber',
    label: '申请人证件号码（身份证号或统一社会信用代码）',
    type: F.TEXT,
    required: true,
    source: 'applicant.idNumber',
    rules: { pattern: '^[0-9A-Z]{18}$' },
  },
  { key: 'applicantAddress', label: '申请人地址', type: F.ADDRESS, required: true, source: 'applicant.address', rules: { maxLength: 200 } },
];
const CONTACT_FIELDS: DemoField[] = [
  { key: 'contactName', label: '联系人', type: F.TEXT, required: true, source: 'person.name', rules: { maxLength: 50 } },
  { key: 'mobile', label: '联系电话', type: F.MOBILE, required: true, source: 'person.mobile', rules: { pattern: '^1\\d{10}$' } },
];

export interface CatalogSeed {
  definitions: DemoMatter[];
  implementations: Array<{ code: string; basicCode: string; level: MatterLevel; departmentCode: string; divisionCode: string }>;
}

/**
 * The demo catalog at the hall's scale: the fixed demo matters plus generated ones, so that at
 * scale 1 there are exactly 1,444 city matters, 556 licensing items, 533 of them fully online
 * (95.9 %), and common matters implemented by each district from the same definition.
 * `scale` multiplies every count, for benchmarks.
 */
export function generateCatalog(scale = 1): CatalogSeed {
  const random = seededRandom(1_444);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const definitions: DemoMatter[] = [...DEMO_MATTERS];
  const used = new Set(definitions.map((d) => `${d.departmentCode}:${d.name}`));
  const sequence = new Map<string, number>(CITY_DEPARTMENTS.map((d) => [d.key, 1000]));

  const demoLicensing = DEMO_MATTERS.filter((m) => m.type === MatterType.LICENSING);
  const slots: Array<{ type: MatterType; depth4?: boolean }> = [];
  const licensing = HALL_FIGURES.licensing * scale - demoLicensing.length;
  const online = HALL_FIGURES.fullyOnlineLicensing * scale - demoLicensing.filter((m) => m.onlineDepth === 4).length;
  for (let i = 0; i < licensing; i++) slots.push({ type: MatterType.LICENSING, depth4: i < online });
  for (const [type, count] of OTHER_TYPES) {
    const demo = DEMO_MATTERS.filter((m) => m.type === type).length;
    for (let i = 0; i < count * scale - demo; i++) slots.push({ type });
  }

  slots.forEach((slot, index) => {
    // Departments take turns, so each gets its share of every type.
    const department = CITY_DEPARTMENTS[index % CITY_DEPARTMENTS.length]!;
    const subjects = SUBJECTS[department.key]!;
    const actions = ACTIONS[slot.type]!;
    let name = '';
    for (let attempt = 0; attempt < 50 && (!name || used.has(`${department.code}:${name}`)); attempt++) {
      name = `${pick(subjects)}${pick(actions)}`;
    }
    if (used.has(`${department.code}:${name}`)) name = `${name}（${Math.floor(index / CITY_DEPARTMENTS.length) + 1}）`;
    used.add(`${department.code}:${name}`);
    const seq = (sequence.get(department.key) ?? 1000) + 1;
    sequence.set(department.key, seq);
    definitions.push(generatedDefinition(slot.type, slot.depth4 ?? false, department, name, seq, random));
  });

  const implementations: CatalogSeed['implementations'] = definitions.map((d) => ({
    code: d.code,
    basicCode: d.basicCode,
    level: MatterLevel.CITY,
    departmentCode: d.departmentCode,
    divisionCode: CITY_DIVISION.code,
  }));
  // Common matters: defined once by the city department, implemented by every district (全城通办).
  const common = definitions.filter((d) => d.commonToDistricts).slice(0, 50 * scale);
  const districtCodes = [...DISTRICTS.map((d) => d.code), '440307500'];
  for (const definition of common) {
    for (const division of districtCodes) {
      implementations.push({
        code: `${definition.code}-${division}`,
        basicCode: definition.basicCode,
        level: MatterLevel.DISTRICT,
        departmentCode: definition.departmentCode,
        divisionCode: division,
      });
    }
  }
  return { definitions, implementations };
}

function generatedDefinition(type: MatterType, depth4: boolean, department: { key: string; code: string }, name: string, seq: number, random: () => number): DemoMatter {
  const licensing = type === MatterType.LICENSING;
  const forEnterprises = licensing ? random() < 0.75 : random() < 0.3;
  const servedObjects = forEnterprises ? (random() < 0.2 ? [ServedObject.ENTERPRISE, ServedObject.PERSON] : [ServedObject.ENTERPRISE]) : [ServedObject.PERSON];
  const instant = !licensing && random() < 0.45;
  const legal = licensing ? 20 : [5, 10, 15, 20, 30][Math.floor(random() * 5)]!;
  const onlineDepth = licensing ? (depth4 ? 4 : 3 - Math.floor(random() * 2)) : [4, 4, 4, 3, 2][Math.floor(random() * 5)]!;
  const subject = Object.keys(LICENCE_SUBJECTS).find((s) => name.startsWith(s));

  const forBoth = servedObjects.length > 1;
  const fields: DemoField[] = forBoth ? [...APPLICANT_FIELDS, ...CONTACT_FIELDS] : forEnterprises ? [...ENTERPRISE_FIELDS, ...CONTACT_FIELDS] : [...PERSON_FIELDS];
  if (!forEnterprises && random() < 0.5) fields.push(OPTIONAL_PERSON_FIELDS[Math.floor(random() * OPTIONAL_PERSON_FIELDS.length)]!);
  fields.push({ key: 'applicationReason', label: '申请事由', type: F.TEXT, required: true, rules: { maxLength: 500 } });
  if (subject && LICENCE_SUBJECTS[subject] === LT.drivingLicence) {
    fields.push({ key: 'drivingLicenceNumber', label: '驾驶证证号', type: F.TEXT, required: true, source: `licence.${LT.drivingLicence}.number` });
  }

  // Each material declares what satisfies it. The identity proof of a matter served to persons and
  // enterprises alike accepts either applicant's licence: a person never holds a business licence.
  const materials: DemoMaterial[] = [
    servedObjects.length > 1
      ? { code: 'APPLICANT_ID_PROOF', name: '申请人身份证明', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.residentIdCard, LT.businessLicence] }
      : forEnterprises
        ? { code: 'BUSINESS_LICENCE', name: '营业执照', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.businessLicence] }
        : { code: 'RESIDENT_ID', name: '居民身份证', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.residentIdCard] },
  ];
  if (subject) materials.push({ code: 'CURRENT_LICENCE', name: `原${subject}`, required: true, kind: 'LICENCE', acceptsLicenceTypes: [LICENCE_SUBJECTS[subject]!] });
  // The application form is generated from the submitted fields (免填单): nobody uploads it.
  materials.push({ code: 'APPLICATION_FORM', name: `${name}申请表`, required: true, kind: 'GENERATED_FORM' });
  if (random() < 0.5) materials.push({ code: 'SUPPORTING_DOCUMENTS', name: '其他证明材料', required: false, kind: 'DOCUMENT', documentCategory: 'SUPPORTING_DOCUMENTS' });

  return {
    code: `${department.key}-${String(seq).padStart(4, '0')}`,
    basicCode: `${department.code.slice(8, 17)}${String(seq).padStart(6, '0')}`,
    name,
    type,
    departmentCode: department.code,
    legalBasis: `《${LAWS[type]}》第${2 + Math.floor(random() * 60)}条`,
    legalTimeLimitDays: legal,
    promisedTimeLimitDays: instant ? 0 : Math.max(1, Math.round(legal / 3)),
    caseType: instant ? CaseType.INSTANT : CaseType.PROMISED,
    onlineDepth,
    visitsRequired: onlineDepth === 4 ? 0 : onlineDepth === 3 ? 1 : 2,
    fee: random() < 0.85 ? '不收费' : `${[5, 10, 20, 50][Math.floor(random() * 4)]}元（工本费）`,
    servedObjects,
    fields,
    materials,
    commonToDistricts: !forEnterprises && (type === MatterType.PUBLIC_SERVICE || type === MatterType.CONFIRMATION),
  };
}
