import { CREDIT_CODE_CHARACTERS, withCreditCodeCheck } from '../identifiers/credit-code.js';
import { residentIdCheckCharacter } from '../identifiers/resident-id.js';
import { DISTRICTS } from '../reference/divisions.js';
import { integer, pick, seededRandom } from '../seeded-random.js';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强玉兰晨晓文博宇浩然欣怡子涵雨轩思远佳琪梓萱俊杰嘉怡诗雨浩宇'];
const STREETS = [
  '深南大道',
  '滨河大道',
  '北环大道',
  '红荔路',
  '莲花路',
  '福华路',
  '建设路',
  '人民南路',
  '宝安大道',
  '龙岗大道',
  '沙河西路',
  '前海路',
  '科苑路',
  '梅林路',
  '布吉路',
  '坪山大道',
  '光明大道',
  '盐田路',
  '葵涌路',
  '民治大道',
];
const TRADE_NAMES = [...'华兴盛达鹏程恒泰创新腾飞宏远嘉禾万通瑞丰金桥信诚新锐卓越汇智同创和顺景行海纳'];
const INDUSTRIES = ['科技', '贸易', '餐饮管理', '物流', '建筑工程', '文化传媒', '医疗器械', '电子', '供应链', '软件', '环保科技', '食品'];
const ENTITY_TYPES = ['有限责任公司', '有限责任公司', '有限责任公司', '股份有限公司', '个人独资企业'];
const MOBILE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '155', '158', '159', '186', '187', '188', '189'];

/** The city's ten districts: the nine with codes, and 大鹏新区 inside 龙岗's code range. */
const RESIDENCES = [...DISTRICTS.map((d) => ({ code: d.code, prefix: '' })), { code: '440307', prefix: '大鹏新区' }];

export interface GeneratedPerson {
  id: string;
  name: string;
  idNumber: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  mobile: string;
  email: string | null;
  divisionCode: string;
  addressDetail: string;
}

export interface GeneratedEnterprise {
  id: string;
  creditCode: string;
  name: string;
  entityType: string;
  legalRepresentativeId: string;
  divisionCode: string;
  addressDetail: string;
  establishedOn: string;
}

export interface GeneratedAgent {
  enterpriseId: string;
  personId: string;
  validFrom: string;
  validTo: string | null;
}

export interface Population {
  persons: GeneratedPerson[];
  enterprises: GeneratedEnterprise[];
  agents: GeneratedAgent[];
}

function isoDate(days: number): string {
  return new Date(Date.UTC(1950, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The demo city's population, shared reference data like the department registry: identity
 * holds these people and enterprises, the licence library their licences — both derive the same
 * rows from the same seed, neither imports the other.
 *
 * A deterministic city: persons with valid resident ID numbers spread over the ten districts,
 * enterprises with valid credit codes, each with a legal representative and some agents (a
 * share of them expired). `taken` holds identifiers the fixed demo accounts already use.
 */
export function generatePopulation(options: { persons: number; enterprises: number; seed?: number; taken?: Iterable<string> }): Population {
  const random = seededRandom(options.seed ?? 20_171_231);
  const used = new Set<string>(options.taken ?? []);
  const unique = (make: () => string): string => {
    for (;;) {
      const value = make();
      if (!used.has(value)) {
        used.add(value);
        return value;
      }
    }
  };

  const persons: GeneratedPerson[] = [];
  for (let i = 0; i < options.persons; i++) {
    const residence = pick(random, RESIDENCES);
    const birthDate = isoDate(integer(random, 0, 20_089)); // 1950-01-01 … 2004-12-31
    const idNumber = unique(() => {
      const first17 = `${residence.code}${birthDate.replaceAll('-', '')}${String(integer(random, 0, 999)).padStart(3, '0')}`;
      return first17 + residentIdCheckCharacter(first17);
    });
    const given = Array.from({ length: integer(random, 1, 2) }, () => pick(random, GIVEN)).join('');
    persons.push({
      id: `P-${String(1001 + i).padStart(6, '0')}`,
      name: pick(random, SURNAMES) + given,
      idNumber,
      gender: Number(idNumber[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
      birthDate,
      mobile: unique(() => pick(random, MOBILE_PREFIXES) + String(integer(random, 0, 99_999_999)).padStart(8, '0')),
      email: random() < 0.4 ? `resident${1001 + i}@example.cn` : null,
      divisionCode: residence.code,
      addressDetail: `${residence.prefix}${pick(random, STREETS)}${integer(random, 1, 9999)}号`,
    });
  }

  const enterprises: GeneratedEnterprise[] = [];
  const agents: GeneratedAgent[] = [];
  for (let i = 0; i < options.enterprises; i++) {
    const residence = pick(random, RESIDENCES);
    const creditCode = unique(() => {
      const organisation = Array.from({ length: 9 }, () => pick(random, [...CREDIT_CODE_CHARACTERS])).join('');
      return withCreditCodeCheck(`91${residence.code}${organisation}`);
    });
    const id = `E-${String(1001 + i).padStart(6, '0')}`;
    const name = unique(() => `深圳市${pick(random, TRADE_NAMES)}${pick(random, TRADE_NAMES)}${pick(random, INDUSTRIES)}有限公司`);
    const establishedOn = isoDate(integer(random, 16_000, 27_000)); // 1993 … 2023
    enterprises.push({
      id,
      creditCode,
      name,
      entityType: pick(random, ENTITY_TYPES),
      legalRepresentativeId: pick(random, persons).id,
      divisionCode: residence.code,
      addressDetail: `${residence.prefix}${pick(random, STREETS)}${integer(random, 1, 9999)}号`,
      establishedOn,
    });
    for (let a = integer(random, 0, 2); a > 0; a--) {
      const expired = random() < 0.25;
      agents.push({
        enterpriseId: id,
        personId: pick(random, persons).id,
        validFrom: isoDate(integer(random, 25_000, 27_000)),
        validTo: expired ? isoDate(integer(random, 27_100, 27_300)) : random() < 0.5 ? null : isoDate(integer(random, 30_000, 31_000)),
      });
    }
  }
  // One person may be named twice for an enterprise; keep the first.
  const seen = new Set<string>();
  const distinctAgents = agents.filter((a) => {
    const key = `${a.enterpriseId}:${a.personId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { persons, enterprises, agents: distinctAgents };
}

/**
 * The demo city both identity and the licence library seed from. `taken` holds the fixed demo
 * accounts' identifiers (identity's DEMO_PERSONS and DEMO_ENTERPRISES; a test keeps them in step).
 */
export const DEMO_POPULATION_OPTIONS = {
  persons: 10_000,
  enterprises: 2_000,
  taken: [
    '440303199003071233',
    '13800138000',
    '440304198511200021',
    '13900139000',
    '440305197806150051',
    '13700137000',
    '440303198204120033',
    '13600136000',
    '440304198809090048',
    '13500135000',
    '440304197903150049',
    '13400134000',
    '440304198006120071',
    '13300133000',
    '91440300MA5F2JNT4W',
  ],
} as const;

let cached: Population | null = null;
/** The demo population, generated once per process. */
export function demoPopulation(): Population {
  cached ??= generatePopulation(DEMO_POPULATION_OPTIONS);
  return cached;
}
