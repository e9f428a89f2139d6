import { withCreditCodeCheck } from '../identifiers/credit-code.js';

/**
 * The city's department registry: every department system knows these codes (an agency's
 * unified social credit code is how catalogs and licence identifiers name it), so they are
 * shared reference data rather than any one subgraph's.
 */
export interface DepartmentRef {
  /** Unified social credit code of the agency (GB 32100). */
  code: string;
  /** Short key used in matter codes and logs. */
  key: string;
  name: string;
}

function department(key: string, organisationCode: string, name: string): DepartmentRef {
  // 1 = institutional registration (机构编制), 1 = government organ, 440300 = the city.
  return { key, code: withCreditCodeCheck(`11440300${organisationCode}`), name };
}

export const DEPARTMENTS = {
  dataAdministration: department('ZWSJ', '007543012', '市政务服务数据管理局'),
  publicSecurity: department('GA', '007542801', '市公安局'),
  trafficPolice: department('JJ', '007542828', '市公安局交通警察局'),
  marketRegulation: department('SCJG', '007543258', '市市场监督管理局'),
  humanResources: department('RLZY', '007543108', '市人力资源和社会保障局'),
  health: department('WJW', '007543204', '市卫生健康委员会'),
  transport: department('JTYS', '007543151', '市交通运输局'),
  housing: department('ZJ', '007543135', '市住房和建设局'),
} as const satisfies Record<string, DepartmentRef>;

/**
 * The 35 departments stationed in the online hall (docs/domain.md), in the hall's order. Names follow
 * the city's municipal departments; the first eight are the ones the demo data names above.
 */
export const CITY_DEPARTMENTS: readonly DepartmentRef[] = [
  DEPARTMENTS.dataAdministration,
  DEPARTMENTS.publicSecurity,
  DEPARTMENTS.trafficPolice,
  DEPARTMENTS.marketRegulation,
  DEPARTMENTS.humanResources,
  DEPARTMENTS.health,
  DEPARTMENTS.transport,
  DEPARTMENTS.housing,
  department('FGW', '007542940', '市发展和改革委员会'),
  department('JXW', '007542967', '市经济贸易和信息化委员会'),
  department('JY', '007542975', '市教育局'),
  department('KCW', '007542983', '市科技创新委员会'),
  department('MZ', '007543004', '市民政局'),
  department('SF', '007543020', '市司法局'),
  department('CZ', '007543039', '市财政委员会'),
  department('GT', '007543047', '市规划和国土资源委员会'),
  department('RJW', '007543055', '市人居环境委员会'),
  department('SW', '007543063', '市水务局'),
  department('WTL', '007543071', '市文体旅游局'),
  department('AJ', '007543098', '市安全生产监督管理局'),
  department('CG', '007543116', '市城市管理局'),
  department('SWJ', '007543124', '市税务局'),
  department('TJ', '007543143', '市统计局'),
  department('MZZJ', '007543160', '市民族宗教事务局'),
  department('RF', '007543178', '市人民防空办公室'),
  department('KA', '007543186', '市口岸办公室'),
  department('SYP', '007543194', '市食品药品监督管理局'),
  department('SB', '007543212', '市社会保险基金管理局'),
  department('GJJ', '007543220', '市住房公积金管理中心'),
  department('DA', '007543239', '市档案局'),
  department('QX', '007543247', '市气象局'),
  department('NY', '007543263', '市农业和渔业局'),
  department('CL', '007543271', '市残疾人联合会'),
  department('XF', '007543280', '市公安消防支队'),
  department('CRJ', '007543298', '市公安局出入境管理局'),
];

/** National licence type codes used across the demo departments. */
export const LICENCE_TYPE_CODES = {
  residentIdCard: 'JMSFZ',
  drivingLicence: 'JDCJSZ',
  vehicleLicence: 'JDCXSZ',
  businessLicence: 'YYZZ',
  foodBusinessLicence: 'SPJYXKZ',
  roadTransportLicence: 'DLYSJYXKZ',
  residencePermit: 'JZZ',
  marriageCertificate: 'JHZ',
  householdRegister: 'HKB',
  teacherQualification: 'JSZGZ',
  physicianLicence: 'YSZYZS',
  nurseLicence: 'HSZYZS',
  constructionQualification: 'JZSGQYZZ',
  constructionPermit: 'JZGCSGXKZ',
  presalePermit: 'SPFYSXKZ',
  propertyCertificate: 'BDCQZS',
  drugBusinessLicence: 'YPJYXKZ',
  medicalDeviceLicence: 'YLQXJYXKZ',
  hygieneLicence: 'GGCSWSXKZ',
  entertainmentLicence: 'YLCSJYXKZ',
  travelAgencyLicence: 'LXSYWJYXKZ',
  publicationLicence: 'CBWJYXKZ',
  taxiLicence: 'CZQCJYXKZ',
  ridehailVehicleLicence: 'WYCYSZ',
  ridehailDriverLicence: 'WYCJSYZ',
  hazardousChemicalsLicence: 'WXHXPJYXKZ',
  fireworksLicence: 'YHBZJYXKZ',
  pollutantDischargePermit: 'PWXKZ',
  waterAbstractionPermit: 'QSXKZ',
  drainagePermit: 'PSXKZ',
  lawyerLicence: 'LSZYZ',
  disabilityCertificate: 'CJRZ',
  socialSecurityCard: 'SBK',
  highTechEnterprise: 'GXJSQYZS',
  privateSchoolPermit: 'MBXXBXXKZ',
  socialOrganisationCertificate: 'SHTTDJZS',
  specialEquipmentRegistration: 'TZSBSYDJZ',
  productionLicence: 'GYCPSCXKZ',
  hkMacaoPermit: 'WLGATXZ',
  passport: 'PTHZ',
} as const;

const CITY_DEPARTMENT_CODES: ReadonlySet<string> = new Set(CITY_DEPARTMENTS.map((d) => d.code));

/** One of the city's 35 departments, by its credit code: the check every department code given as input or key needs. */
export function isCityDepartment(code: unknown): code is string {
  return typeof code === 'string' && CITY_DEPARTMENT_CODES.has(code);
}
