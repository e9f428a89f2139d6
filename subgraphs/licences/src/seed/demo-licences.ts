import { LICENCE_TYPE_CODES as LT, integer, seededRandom, type Population } from '@govgraph/kit';

export interface DemoLicence {
  type: string;
  number: string;
  holderId: string;
  holderName: string;
  issuedOn: string;
  validFrom: string;
  validTo: string | null;
  /** National status code as recorded (expiry is derived from validTo). */
  statusCode: string;
  data: Record<string, string>;
}

/**
 * The fixed demo accounts' licences. zhangsan: a valid driving licence, a vehicle licence that
 * expired in 2024, his ID card; wangwu: his ID card; wangwu's company: its business licence and a
 * food business licence revoked in 2023. lisi holds none, on purpose.
 */
export const DEMO_LICENCES: DemoLicence[] = [
  {
    type: LT.drivingLicence,
    number: '440303199003071233',
    holderId: 'P-000001',
    holderName: '张三',
    issuedOn: '2026-03-10',
    validFrom: '2026-03-10',
    validTo: '2032-03-10',
    statusCode: '01',
    data: { drivingClass: 'C1', archiveNumber: '440300123456' },
  },
  {
    type: LT.vehicleLicence,
    number: '粤B·D12345',
    holderId: 'P-000001',
    holderName: '张三',
    issuedOn: '2022-06-30',
    validFrom: '2022-06-30',
    validTo: '2024-06-30',
    statusCode: '01',
    data: { plateNumber: '粤B·D12345', vehicleType: '小型轿车' },
  },
  {
    type: LT.residentIdCard,
    number: '440303199003071233',
    holderId: 'P-000001',
    holderName: '张三',
    issuedOn: '2018-05-02',
    validFrom: '2018-05-02',
    validTo: '2038-05-02',
    statusCode: '01',
    data: { name: '张三', idNumber: '440303199003071233', issuingAuthority: '深圳市公安局罗湖分局' },
  },
  {
    type: LT.residentIdCard,
    number: '440305197806150051',
    holderId: 'P-000003',
    holderName: '王五',
    issuedOn: '2015-09-12',
    validFrom: '2015-09-12',
    validTo: '2035-09-12',
    statusCode: '01',
    data: { name: '王五', idNumber: '440305197806150051', issuingAuthority: '深圳市公安局南山分局' },
  },
  {
    type: LT.businessLicence,
    number: '91440300MA5F2JNT4W',
    holderId: 'E-000001',
    holderName: '深圳市示例科技有限公司',
    issuedOn: '2016-08-18',
    validFrom: '2016-08-18',
    validTo: null,
    statusCode: '01',
    data: { entityType: '有限责任公司', registeredCapital: '100万元人民币', businessScope: '软件开发；信息技术咨询服务' },
  },
  {
    type: LT.foodBusinessLicence,
    number: 'JY14403050012345',
    holderId: 'E-000001',
    holderName: '深圳市示例科技有限公司',
    issuedOn: '2019-04-01',
    validFrom: '2019-04-01',
    validTo: '2024-03-31',
    statusCode: '03',
    data: { businessScope: '预包装食品销售', premises: '粤海街道高新南七道018号' },
  },
];

function shiftYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}

function day(random: () => number, fromYear: number, toYear: number): string {
  return `${integer(random, fromYear, toYear)}-${String(integer(random, 1, 12)).padStart(2, '0')}-${String(integer(random, 1, 28)).padStart(2, '0')}`;
}

const SECTOR_LICENCES = [LT.foodBusinessLicence, LT.roadTransportLicence, LT.hygieneLicence, LT.drugBusinessLicence, LT.entertainmentLicence, LT.constructionQualification];

/**
 * The demo city's licences: an ID card for every person, a driving licence for a third of them
 * (some expired), a business licence for every enterprise and a sector licence for a quarter of
 * them — a few revoked or revoked as a penalty. Deterministic.
 */
export function populationLicences(population: Population): DemoLicence[] {
  const random = seededRandom(556);
  const licences: DemoLicence[] = [];
  for (const person of population.persons) {
    const issued = day(random, 2010, 2024);
    licences.push({
      type: LT.residentIdCard,
      number: person.idNumber,
      holderId: person.id,
      holderName: person.name,
      issuedOn: issued,
      validFrom: issued,
      validTo: shiftYears(issued, 20),
      statusCode: '01',
      data: { name: person.name, idNumber: person.idNumber, issuingAuthority: '深圳市公安局' },
    });
    if (random() < 0.35) {
      const from = day(random, 2016, 2025);
      licences.push({
        type: LT.drivingLicence,
        number: person.idNumber,
        holderId: person.id,
        holderName: person.name,
        issuedOn: from,
        validFrom: from,
        validTo: shiftYears(from, 6),
        statusCode: random() < 0.02 ? '07' : '01',
        data: { drivingClass: random() < 0.8 ? 'C1' : 'C2', archiveNumber: `4403${String(integer(random, 0, 99_999_999)).padStart(8, '0')}` },
      });
    }
  }
  for (const enterprise of population.enterprises) {
    licences.push({
      type: LT.businessLicence,
      number: enterprise.creditCode,
      holderId: enterprise.id,
      holderName: enterprise.name,
      issuedOn: enterprise.establishedOn,
      validFrom: enterprise.establishedOn,
      validTo: null,
      statusCode: random() < 0.03 ? '04' : '01',
      data: { entityType: enterprise.entityType, registeredCapital: `${integer(random, 1, 500) * 10}万元人民币`, businessScope: '一般经营项目' },
    });
    if (random() < 0.25) {
      const type = SECTOR_LICENCES[Math.floor(random() * SECTOR_LICENCES.length)]!;
      const from = day(random, 2018, 2025);
      const roll = random();
      licences.push({
        type,
        number: `${type.slice(0, 2)}${String(integer(random, 0, 99_999_999)).padStart(10, '0')}`,
        holderId: enterprise.id,
        holderName: enterprise.name,
        issuedOn: from,
        validFrom: from,
        validTo: shiftYears(from, 4),
        statusCode: roll < 0.05 ? '03' : roll < 0.08 ? '07' : '01',
        data: {},
      });
    }
  }
  return licences;
}
