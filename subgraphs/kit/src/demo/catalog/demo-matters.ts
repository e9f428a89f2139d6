import { DEPARTMENTS, LICENCE_TYPE_CODES as LT } from '../../reference/departments.js';
import { CaseType, FormFieldType as F, MatterType, ServedObject } from '../../graphql/matter.enums.js';

export interface FieldRules {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  min?: number;
  max?: number;
}
export interface DemoField {
  key: string;
  label: string;
  type: F;
  required: boolean;
  source?: string;
  options?: string[];
  rules?: FieldRules;
}
/**
 * How a material is satisfied, as the catalog declares it (GraphQL `MaterialKind`): LICENCE, an
 * electronic licence of an accepted type (免证办); DOCUMENT, a document the applicant gives
 * (uploaded, or one given earlier for the same category); GENERATED_FORM, the application form
 * the system generates from the submitted fields (免填单).
 */
export type DemoMaterialKind = 'LICENCE' | 'DOCUMENT' | 'GENERATED_FORM';

/** A material and its declaration: what satisfies it is said here, never guessed from its code or name. */
export type DemoMaterial = { code: string; name: string; required: boolean } & (
  | {
      kind: 'LICENCE';
      /** Every licence type that satisfies it, the first the one `acceptsLicenceType` names. */
      acceptsLicenceTypes: [string, ...string[]];
    }
  | {
      kind: 'DOCUMENT';
      /** A stable upper-case code: a document given earlier for this category may be offered again. */
      documentCategory: string;
      /** An earlier document older than this is stale and not offered; absent, no limit. */
      validForDays?: number;
    }
  | { kind: 'GENERATED_FORM' }
);
export interface DemoMatter {
  code: string;
  basicCode: string;
  name: string;
  type: MatterType;
  departmentCode: string;
  legalBasis: string;
  legalTimeLimitDays: number;
  promisedTimeLimitDays: number;
  caseType: CaseType;
  onlineDepth: number;
  visitsRequired: number;
  fee: string;
  servedObjects: ServedObject[];
  materials: DemoMaterial[];
  fields: DemoField[];
  /** Defined by the city, implemented by every district too. */
  commonToDistricts?: boolean;
}

/** Person fields whose values identity holds: the same keys on every form, so they are reused. */
const personFields: DemoField[] = [
  { key: 'applicantName', label: '申请人姓名', type: F.TEXT, required: true, source: 'person.name' },
  { key: 'idNumber', label: '公民身份号码', type: F.ID_NUMBER, required: true, source: 'person.idNumber' },
  { key: 'mobile', label: '手机号码', type: F.MOBILE, required: true, source: 'person.mobile' },
  { key: 'address', label: '联系地址', type: F.ADDRESS, required: true, source: 'person.address' },
];
const enterpriseFields: DemoField[] = [
  { key: 'enterpriseName', label: '企业名称', type: F.TEXT, required: true, source: 'enterprise.name' },
  { key: 'creditCode', label: '统一社会信用代码', type: F.CREDIT_CODE, required: true, source: 'enterprise.creditCode' },
  { key: 'legalRepresentative', label: '法定代表人', type: F.TEXT, required: true, source: 'enterprise.legalRepresentative' },
  { key: 'registeredAddress', label: '住所', type: F.ADDRESS, required: true, source: 'enterprise.address' },
];
const photo: DemoMaterial = { code: 'PHOTO', name: '近期一寸白底免冠彩色照片', required: true, kind: 'DOCUMENT', documentCategory: 'PHOTO', validForDays: 180 };
const businessLicence: DemoMaterial = { code: 'BUSINESS_LICENCE', name: '营业执照', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.businessLicence] };
/** A document of the applicant's own, offered again from an earlier application of the same category. */
function documentMaterial(code: string, name: string, validForDays?: number): DemoMaterial {
  return { code, name, required: true, kind: 'DOCUMENT', documentCategory: code, ...(validForDays === undefined ? {} : { validForDays }) };
}

const JJ = DEPARTMENTS.trafficPolice.code;
const SCJG = DEPARTMENTS.marketRegulation.code;

/** The renewal matter of issue 2's thin slice: every field but one has a source. */
export const DRIVING_LICENCE_RENEWAL = 'JJ-0101';
export const VEHICLE_INSPECTION_MARK = 'JJ-0102';

const HAND_WRITTEN_MATTERS: DemoMatter[] = [
  {
    code: DRIVING_LICENCE_RENEWAL,
    basicCode: '000113015000',
    name: '机动车驾驶证期满换证',
    type: MatterType.LICENSING,
    departmentCode: JJ,
    legalBasis: '《中华人民共和国道路交通安全法》第十九条；《机动车驾驶证申领和使用规定》第五十七条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 1,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '10元（工本费）',
    servedObjects: [ServedObject.PERSON],
    fields: [
      ...personFields,
      { key: 'drivingLicenceNumber', label: '现驾驶证证号', type: F.TEXT, required: true, source: `licence.${LT.drivingLicence}.number` },
      { key: 'deliveryMethod', label: '领证方式', type: F.CHOICE, required: true, options: ['邮寄', '窗口自取'] },
    ],
    materials: [
      { code: 'CURRENT_DRIVING_LICENCE', name: '现机动车驾驶证', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.drivingLicence] },
      photo,
      documentMaterial('HEALTH_CERTIFICATE', '机动车驾驶人身体条件证明', 180),
    ],
  },
  {
    code: VEHICLE_INSPECTION_MARK,
    basicCode: '000113022000',
    name: '机动车检验合格标志核发',
    type: MatterType.CONFIRMATION,
    departmentCode: JJ,
    legalBasis: '《中华人民共和国道路交通安全法》第十三条',
    legalTimeLimitDays: 5,
    promisedTimeLimitDays: 0,
    caseType: CaseType.INSTANT,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.PERSON, ServedObject.ENTERPRISE],
    fields: [...personFields.slice(0, 3), { key: 'plateNumber', label: '号牌号码', type: F.TEXT, required: true, source: `licence.${LT.vehicleLicence}.plateNumber` }],
    materials: [
      { code: 'VEHICLE_LICENCE', name: '机动车行驶证', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.vehicleLicence] },
      documentMaterial('INSPECTION_REPORT', '机动车安全技术检验报告'),
    ],
  },
  {
    code: 'JJ-0103',
    basicCode: '000113016000',
    name: '机动车驾驶证遗失补证',
    type: MatterType.LICENSING,
    departmentCode: JJ,
    legalBasis: '《机动车驾驶证申领和使用规定》第六十一条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 1,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '10元（工本费）',
    servedObjects: [ServedObject.PERSON],
    fields: [...personFields, { key: 'lossStatement', label: '遗失情况说明', type: F.TEXT, required: true }],
    materials: [photo],
  },
  {
    code: 'SCJG-0201',
    basicCode: '000172006000',
    name: '食品经营许可证核发',
    type: MatterType.LICENSING,
    departmentCode: SCJG,
    legalBasis: '《中华人民共和国食品安全法》第三十五条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.ENTERPRISE],
    fields: [
      ...enterpriseFields,
      { key: 'businessPremises', label: '经营场所', type: F.ADDRESS, required: true },
      { key: 'businessScope', label: '经营项目', type: F.TEXT, required: true },
    ],
    materials: [businessLicence, documentMaterial('PREMISES_LAYOUT', '经营场所平面布局图')],
  },
  {
    code: 'SCJG-0202',
    basicCode: '000172001000',
    name: '企业名称变更登记',
    type: MatterType.LICENSING,
    departmentCode: SCJG,
    legalBasis: '《企业名称登记管理规定》第二十条',
    legalTimeLimitDays: 15,
    promisedTimeLimitDays: 1,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.ENTERPRISE],
    fields: [...enterpriseFields, { key: 'newEnterpriseName', label: '拟变更名称', type: F.TEXT, required: true }],
    materials: [businessLicence, documentMaterial('SHAREHOLDER_RESOLUTION', '股东会决议')],
  },
  {
    code: 'SCJG-0203',
    basicCode: '000172006001',
    name: '食品经营许可证延续',
    type: MatterType.LICENSING,
    departmentCode: SCJG,
    legalBasis: '《食品经营许可管理办法》第二十五条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 5,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.ENTERPRISE],
    fields: [
      ...enterpriseFields,
      { key: 'foodLicenceNumber', label: '原许可证编号', type: F.TEXT, required: true, source: `licence.${LT.foodBusinessLicence}.number` },
      { key: 'businessScope', label: '经营项目', type: F.TEXT, required: true, source: `licence.${LT.foodBusinessLicence}.businessScope` },
    ],
    materials: [businessLicence, { code: 'CURRENT_FOOD_LICENCE', name: '原食品经营许可证', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.foodBusinessLicence] }],
  },
  {
    code: 'RLZY-0301',
    basicCode: '000107003000',
    name: '失业保险金申领',
    type: MatterType.BENEFIT,
    departmentCode: DEPARTMENTS.humanResources.code,
    legalBasis: '《失业保险条例》第十四条',
    legalTimeLimitDays: 10,
    promisedTimeLimitDays: 5,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.PERSON],
    fields: [...personFields, { key: 'bankAccount', label: '社会保障卡金融账号', type: F.TEXT, required: true }],
    materials: [documentMaterial('TERMINATION_PROOF', '终止或解除劳动合同证明')],
  },
  {
    code: 'WJW-0401',
    basicCode: '000109011000',
    name: '出生医学证明补发',
    type: MatterType.PUBLIC_SERVICE,
    departmentCode: DEPARTMENTS.health.code,
    legalBasis: '《中华人民共和国母婴保健法》第二十三条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    caseType: CaseType.PROMISED,
    onlineDepth: 3,
    visitsRequired: 1,
    fee: '不收费',
    servedObjects: [ServedObject.PERSON],
    fields: [...personFields, { key: 'childName', label: '新生儿姓名', type: F.TEXT, required: true }],
    materials: [{ code: 'PARENT_ID', name: '父母居民身份证', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.residentIdCard] }],
  },
  {
    code: 'GA-0501',
    basicCode: '000111021000',
    name: '居住证签注',
    type: MatterType.CONFIRMATION,
    departmentCode: DEPARTMENTS.publicSecurity.code,
    legalBasis: '《居住证暂行条例》第十三条',
    legalTimeLimitDays: 15,
    promisedTimeLimitDays: 0,
    caseType: CaseType.INSTANT,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.PERSON],
    fields: personFields,
    materials: [{ code: 'RESIDENT_ID', name: '居民身份证', required: true, kind: 'LICENCE', acceptsLicenceTypes: [LT.residentIdCard] }],
  },
  {
    code: 'JTYS-0601',
    basicCode: '000118004000',
    name: '道路运输经营许可证核发',
    type: MatterType.LICENSING,
    departmentCode: DEPARTMENTS.transport.code,
    legalBasis: '《中华人民共和国道路运输条例》第十条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 10,
    caseType: CaseType.PROMISED,
    onlineDepth: 3,
    visitsRequired: 1,
    fee: '不收费',
    servedObjects: [ServedObject.ENTERPRISE],
    fields: [...enterpriseFields, { key: 'vehicleCount', label: '营运车辆数', type: F.NUMBER, required: true }],
    materials: [businessLicence],
  },
  {
    code: 'ZJ-0701',
    basicCode: '000114002000',
    name: '建筑施工企业资质认定',
    type: MatterType.LICENSING,
    departmentCode: DEPARTMENTS.housing.code,
    legalBasis: '《中华人民共和国建筑法》第十三条',
    legalTimeLimitDays: 20,
    promisedTimeLimitDays: 15,
    caseType: CaseType.PROMISED,
    onlineDepth: 4,
    visitsRequired: 0,
    fee: '不收费',
    servedObjects: [ServedObject.ENTERPRISE],
    fields: [...enterpriseFields, { key: 'qualificationCategory', label: '申请资质类别', type: F.TEXT, required: true }],
    materials: [businessLicence, documentMaterial('TECHNICAL_STAFF', '技术负责人身份证明及职称证书')],
  },
];

/**
 * The hand-written matters, each with its application form as a material the system generates
 * from the submitted fields (免填单), as every generated matter has.
 */
export const DEMO_MATTERS: DemoMatter[] = HAND_WRITTEN_MATTERS.map((matter) => ({
  ...matter,
  materials: [...matter.materials, { code: 'APPLICATION_FORM', name: `${matter.name}申请表`, required: true, kind: 'GENERATED_FORM' }],
}));
