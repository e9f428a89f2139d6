import { DEPARTMENTS, LICENCE_TYPE_CODES as LT } from '@govgraph/kit';
import { HolderKind } from '../licence-type/licence-type.type.js';

export const DEMO_LICENCE_TYPES = [
  { code: LT.residentIdCard, name: '居民身份证', issuer: DEPARTMENTS.publicSecurity.code, holderKind: HolderKind.PERSON, years: 20,
    fields: [{ key: 'name', label: '姓名' }, { key: 'idNumber', label: '公民身份号码' }] },
  { code: LT.drivingLicence, name: '机动车驾驶证', issuer: DEPARTMENTS.trafficPolice.code, holderKind: HolderKind.PERSON, years: 6,
    fields: [{ key: 'drivingClass', label: '准驾车型' }, { key: 'archiveNumber', label: '档案编号' }] },
  { code: LT.vehicleLicence, name: '机动车行驶证', issuer: DEPARTMENTS.trafficPolice.code, holderKind: HolderKind.PERSON, years: 2,
    fields: [{ key: 'plateNumber', label: '号牌号码' }, { key: 'vehicleType', label: '车辆类型' }] },
  { code: LT.businessLicence, name: '营业执照', issuer: DEPARTMENTS.marketRegulation.code, holderKind: HolderKind.ENTERPRISE, years: null,
    fields: [{ key: 'entityType', label: '类型' }, { key: 'registeredCapital', label: '注册资本' }] },
  { code: LT.foodBusinessLicence, name: '食品经营许可证', issuer: DEPARTMENTS.marketRegulation.code, holderKind: HolderKind.ENTERPRISE, years: 5,
    fields: [{ key: 'businessScope', label: '经营项目' }] },
  { code: LT.roadTransportLicence, name: '道路运输经营许可证', issuer: DEPARTMENTS.transport.code, holderKind: HolderKind.ENTERPRISE, years: 4,
    fields: [{ key: 'scope', label: '经营范围' }] },
];

/**
 * zhangsan holds a valid driving licence and a vehicle licence whose validity ended in 2024;
 * lisi holds nothing; wangwu's company holds its business licence.
 */
export const DEMO_LICENCES = [
  { type: LT.drivingLicence, serial: '00000001', number: '440303199003071233', holderId: 'P-000001', holderName: '张三',
    issuedOn: '2026-03-10', validFrom: '2026-03-10', validTo: '2032-03-10', data: { drivingClass: 'C1', archiveNumber: '440300123456' } },
  { type: LT.vehicleLicence, serial: '00000002', number: '粤B·D12345', holderId: 'P-000001', holderName: '张三',
    issuedOn: '2022-06-30', validFrom: '2022-06-30', validTo: '2024-06-30', data: { plateNumber: '粤B·D12345', vehicleType: '小型轿车' } },
  { type: LT.businessLicence, serial: '00000003', number: '91440300MA5F2JNT4W', holderId: 'E-000001', holderName: '深圳市示例科技有限公司',
    issuedOn: '2016-08-18', validFrom: '2016-08-18', validTo: null, data: { entityType: '有限责任公司', registeredCapital: '100万元人民币' } },
];
