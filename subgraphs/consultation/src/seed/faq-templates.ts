import { DRIVING_LICENCE_RENEWAL, type DemoMatter } from '@govgraph/kit';

/** A question applicants ask about a matter, as an officer publishes it, and its answer. */
export interface FaqTemplate {
  question: string;
  answer: string;
}

/** Questions only the renewal matter of the demo (JJ-0101) is asked. */
const RENEWAL_QUESTIONS: FaqTemplate[] = [
  { question: '驾驶证快到期了，提前多久可以申请换证？', answer: '机动车驾驶证有效期满前九十日内，可以向驾驶证核发地或者核发地以外的车辆管理所申请换证。' },
  { question: '驾驶证期满换证可以邮寄领证吗？', answer: '可以。申请时领证方式选择“邮寄”，新证将以邮政快递寄往您填写的联系地址。' },
];

/**
 * The questions asked about a matter, most asked first, with answers from what the catalog says
 * of it: materials, online depth, time limits, fee, legal basis.
 */
export function faqTemplates(matter: DemoMatter): FaqTemplate[] {
  const materials = matter.materials.filter((m) => m.required && m.kind !== 'GENERATED_FORM').map((m) => m.name);
  const general: FaqTemplate[] = [
    {
      question: `办理${matter.name}需要准备哪些材料？`,
      answer: `需要提交：${materials.join('、') || '无需另交材料'}。申请表由系统根据您填写的内容自动生成，无需另行填写。`,
    },
    {
      question: `${matter.name}可以全程网上办理吗？`,
      answer:
        matter.onlineDepth >= 4 && matter.visitsRequired === 0
          ? '可以。本事项网上办理深度为四级，全程网上办理，无需到现场。'
          : `本事项网上办理深度为${matter.onlineDepth}级，需到现场${matter.visitsRequired}次。`,
    },
    {
      question: `${matter.name}多长时间能办好？`,
      answer:
        matter.promisedTimeLimitDays === 0
          ? '本事项为即办件，材料齐全的当场办结。'
          : `承诺办理时限为${matter.promisedTimeLimitDays}个工作日（法定时限${matter.legalTimeLimitDays}个工作日），自受理之日起计算。`,
    },
    { question: `${matter.name}收费吗？`, answer: `收费标准：${matter.fee}。` },
    { question: `${matter.name}的办理依据是什么？`, answer: `办理依据：${matter.legalBasis}。` },
  ];
  return matter.code === DRIVING_LICENCE_RENEWAL ? [general[0]!, ...RENEWAL_QUESTIONS, ...general.slice(1)] : general;
}

/** How askers put the same question in their own words. */
export const ASKER_OPENINGS = ['请问', '您好，请问', '我想咨询一下，', '麻烦问一下，', '你好，'] as const;
