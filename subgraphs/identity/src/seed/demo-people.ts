import { DEPARTMENTS } from '@govgraph/kit';

/** The fixed demo accounts (password `demo` for all), as the README lists them. */
export const DEMO_PASSWORD = 'demo';

export const DEMO_PERSONS = [
  {
    id: 'P-000001',
    username: 'zhangsan',
    name: '张三',
    idNumber: '440303199003071233',
    mobile: '13800138000',
    email: 'zhangsan@example.cn',
    divisionCode: '440303',
    addressDetail: '东门街道解放路1001号',
    roles: ['citizen'],
    department: null,
  },
  {
    id: 'P-000002',
    username: 'lisi',
    name: '李四',
    idNumber: '440304198511200021',
    mobile: '13900139000',
    email: null,
    divisionCode: '440304',
    addressDetail: '华富街道深南中路2018号',
    roles: ['citizen'],
    department: null,
  },
  {
    id: 'P-000003',
    username: 'wangwu',
    name: '王五',
    idNumber: '440305197806150051',
    mobile: '13700137000',
    email: 'wangwu@example.cn',
    divisionCode: '440305',
    addressDetail: '粤海街道科技园路1号',
    roles: ['citizen'],
    department: null,
  },
  {
    id: 'P-000004',
    username: 'officer.police',
    name: '赵警官',
    idNumber: '440303198204120033',
    mobile: '13600136000',
    email: null,
    divisionCode: '440303',
    addressDetail: '笋岗街道宝安北路3001号',
    roles: ['officer'],
    department: DEPARTMENTS.trafficPolice.code,
  },
  {
    id: 'P-000005',
    username: 'officer.market',
    name: '钱科员',
    idNumber: '440304198809090048',
    mobile: '13500135000',
    email: null,
    divisionCode: '440304',
    addressDetail: '莲花街道深南大道7010号',
    roles: ['officer'],
    department: DEPARTMENTS.marketRegulation.code,
  },
  {
    // The hall office's officer: answers consultations, coordinates complaints, replies to its disclosure requests.
    id: 'P-000006',
    username: 'officer.hall',
    name: '孙主任',
    idNumber: '440304197903150049',
    mobile: '13400134000',
    email: null,
    divisionCode: '440304',
    addressDetail: '福田街道福中三路2012号',
    roles: ['officer'],
    department: DEPARTMENTS.dataAdministration.code,
  },
  {
    // The hall office's supervisor (电子监察): every department's deadlines (docs/supervision.md).
    id: 'P-000007',
    username: 'officer.supervisor',
    name: '周督查',
    idNumber: '440304198006120071',
    mobile: '13300133000',
    email: null,
    divisionCode: '440304',
    addressDetail: '莲花街道红荔路6008号',
    roles: ['officer', 'supervisor'],
    department: DEPARTMENTS.dataAdministration.code,
  },
] as const;

export const DEMO_ENTERPRISES = [
  {
    id: 'E-000001',
    creditCode: '91440300MA5F2JNT4W',
    name: '深圳市示例科技有限公司',
    entityType: '有限责任公司',
    legalRepresentativeId: 'P-000003',
    divisionCode: '440305',
    addressDetail: '粤海街道高新南七道018号',
    establishedOn: '2016-08-18',
  },
] as const;

/** lisi is a current authorised agent of wangwu's company; zhangsan's authorisation ended. */
export const DEMO_AGENTS = [
  { enterpriseId: 'E-000001', personId: 'P-000002', role: 'AUTHORISED_AGENT', validFrom: '2024-01-01', validTo: '2030-12-31' },
  { enterpriseId: 'E-000001', personId: 'P-000001', role: 'AUTHORISED_AGENT', validFrom: '2021-01-01', validTo: '2024-12-31' },
] as const;
