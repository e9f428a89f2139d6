import { CITY_DEPARTMENTS, LICENCE_TYPE_CODES as LT } from '@govgraph/kit';
import { HolderKind } from '../licence-type/licence-type.enums.js';

const P = HolderKind.PERSON;
const E = HolderKind.ENTERPRISE;

function issuer(key: string): string {
  const department = CITY_DEPARTMENTS.find((d) => d.key === key);
  if (!department) throw new Error(`unknown department key ${key}`);
  return department.code;
}

type Field = [key: string, label: string];
function type(code: string, name: string, departmentKey: string, holderKind: HolderKind, years: number | null, fields: Field[]) {
  return { code, name, issuer: issuer(departmentKey), holderKind, years, fields: fields.map(([key, label]) => ({ key, label })) };
}

/** About forty licence types across the demo departments, with the structured fields each carries. */
export const LICENCE_TYPES = [
  type(LT.residentIdCard, '居民身份证', 'GA', P, 20, [
    ['name', '姓名'],
    ['idNumber', '公民身份号码'],
    ['issuingAuthority', '签发机关'],
  ]),
  type(LT.residencePermit, '居住证', 'GA', P, 1, [['address', '居住地址']]),
  type(LT.householdRegister, '居民户口簿', 'GA', P, null, [['householdType', '户别']]),
  type(LT.hkMacaoPermit, '往来港澳通行证', 'CRJ', P, 10, [['name', '姓名']]),
  type(LT.passport, '普通护照', 'CRJ', P, 10, [['name', '姓名']]),
  type(LT.drivingLicence, '机动车驾驶证', 'JJ', P, 6, [
    ['drivingClass', '准驾车型'],
    ['archiveNumber', '档案编号'],
  ]),
  type(LT.vehicleLicence, '机动车行驶证', 'JJ', P, 2, [
    ['plateNumber', '号牌号码'],
    ['vehicleType', '车辆类型'],
  ]),
  type(LT.businessLicence, '营业执照', 'SCJG', E, null, [
    ['entityType', '类型'],
    ['registeredCapital', '注册资本'],
    ['businessScope', '经营范围'],
  ]),
  type(LT.foodBusinessLicence, '食品经营许可证', 'SCJG', E, 5, [
    ['businessScope', '经营项目'],
    ['premises', '经营场所'],
  ]),
  type(LT.specialEquipmentRegistration, '特种设备使用登记证', 'SCJG', E, null, [['equipmentType', '设备类别']]),
  type(LT.productionLicence, '工业产品生产许可证', 'SCJG', E, 5, [['product', '产品名称']]),
  type(LT.roadTransportLicence, '道路运输经营许可证', 'JTYS', E, 4, [['scope', '经营范围']]),
  type(LT.taxiLicence, '出租汽车经营许可证', 'JTYS', E, 6, [['vehicleCount', '车辆数']]),
  type(LT.ridehailVehicleLicence, '网络预约出租汽车运输证', 'JTYS', P, 8, [['plateNumber', '号牌号码']]),
  type(LT.ridehailDriverLicence, '网络预约出租汽车驾驶员证', 'JTYS', P, 6, [['serviceArea', '服务区域']]),
  type(LT.constructionQualification, '建筑业企业资质证书', 'ZJ', E, 5, [['qualification', '资质类别及等级']]),
  type(LT.constructionPermit, '建筑工程施工许可证', 'ZJ', E, 1, [['project', '工程名称']]),
  type(LT.presalePermit, '商品房预售许可证', 'ZJ', E, 2, [
    ['project', '项目名称'],
    ['area', '预售面积'],
  ]),
  type(LT.propertyCertificate, '不动产权证书', 'GT', P, null, [
    ['location', '坐落'],
    ['area', '面积'],
  ]),
  type(LT.marriageCertificate, '结婚证', 'MZ', P, null, [
    ['spouse', '配偶姓名'],
    ['registeredOn', '登记日期'],
  ]),
  type(LT.socialOrganisationCertificate, '社会团体法人登记证书', 'MZ', E, 5, [['businessScope', '业务范围']]),
  type(LT.teacherQualification, '教师资格证书', 'JY', P, null, [
    ['subject', '任教学科'],
    ['level', '资格种类'],
  ]),
  type(LT.privateSchoolPermit, '民办学校办学许可证', 'JY', E, 5, [['schoolLevel', '办学层次']]),
  type(LT.physicianLicence, '医师执业证书', 'WJW', P, null, [['practiceScope', '执业范围']]),
  type(LT.nurseLicence, '护士执业证书', 'WJW', P, 5, [['practiceSite', '执业地点']]),
  type(LT.hygieneLicence, '公共场所卫生许可证', 'WJW', E, 4, [['category', '许可项目']]),
  type(LT.drugBusinessLicence, '药品经营许可证', 'SYP', E, 5, [['scope', '经营范围']]),
  type(LT.medicalDeviceLicence, '医疗器械经营许可证', 'SYP', E, 5, [['scope', '经营范围']]),
  type(LT.entertainmentLicence, '娱乐场所经营许可证', 'WTL', E, 2, [['category', '经营类别']]),
  type(LT.travelAgencyLicence, '旅行社业务经营许可证', 'WTL', E, null, [['scope', '经营范围']]),
  type(LT.publicationLicence, '出版物经营许可证', 'WTL', E, 6, [['scope', '经营范围']]),
  type(LT.hazardousChemicalsLicence, '危险化学品经营许可证', 'AJ', E, 3, [['scope', '许可范围']]),
  type(LT.fireworksLicence, '烟花爆竹经营（零售）许可证', 'AJ', E, 1, [['premises', '经营场所']]),
  type(LT.pollutantDischargePermit, '排污许可证', 'RJW', E, 5, [['pollutants', '主要污染物']]),
  type(LT.waterAbstractionPermit, '取水许可证', 'SW', E, 5, [['annualVolume', '年取水量']]),
  type(LT.drainagePermit, '城镇污水排入排水管网许可证', 'SW', E, 5, [['outlets', '排水口数量']]),
  type(LT.lawyerLicence, '律师执业证', 'SF', P, null, [['firm', '执业机构']]),
  type(LT.disabilityCertificate, '残疾人证', 'CL', P, 10, [
    ['category', '残疾类别'],
    ['grade', '残疾等级'],
  ]),
  type(LT.socialSecurityCard, '社会保障卡', 'SB', P, 10, [['cardNumber', '社会保障号码']]),
  type(LT.highTechEnterprise, '高新技术企业证书', 'KCW', E, 3, [['field', '技术领域']]),
];
