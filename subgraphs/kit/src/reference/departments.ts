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

/** National licence type codes used across the demo departments. */
export const LICENCE_TYPE_CODES = {
  residentIdCard: 'JMSFZ',
  drivingLicence: 'JDCJSZ',
  vehicleLicence: 'JDCXSZ',
  businessLicence: 'YYZZ',
  foodBusinessLicence: 'SPJYXKZ',
  roadTransportLicence: 'DLYSJYXKZ',
} as const;
