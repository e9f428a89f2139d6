import { addWorkingDays, DEPARTMENTS, type DepartmentRef } from '@govgraph/kit';
import type { DisclosureTables } from '../database.js';
import { DisclosureOutcome, DisclosureRefusalGround, DisclosureRequestStatus, DisclosureReviewKind, DisclosureReviewResult } from '../request/request.enums.js';

type RequestRow = DisclosureTables['disclosure_request'];
type ReviewRow = DisclosureTables['disclosure_review'];

/** The demo accounts as identity seeds them: zhangsan, lisi, wangwu, and wangwu's company. */
export const DEMO_APPLICANTS = { zhangsan: 'P-000001', lisi: 'P-000002', wangwu: 'P-000003', wangwuCompany: 'E-000001' } as const;

interface DemoRequest {
  requester: string;
  /** Who submitted it: the requester, or for the company, wangwu acting for it. */
  submittedBy?: string;
  department: DepartmentRef;
  receivedOn: string;
  description: string;
  /** Working days after receipt the reply came; absent for a request still open. */
  repliedAfter?: number;
  outcome?: DisclosureOutcome;
  refusalGround?: DisclosureRefusalGround;
  extension?: { after: number; days: number; reason: string };
  review?: { kind: DisclosureReviewKind; filedAfter: number; result: DisclosureReviewResult; closedAfter: number | null };
}

const { zhangsan, lisi, wangwu, wangwuCompany } = DEMO_APPLICANTS;

/**
 * Recent requests (2025–2026) to several departments: every outcome, one extended, one
 * reconsidered; zhangsan's two (one answered, one open with the traffic police), the company's
 * one, and a few waiting in the seed office's queue. None in 2017: that year had none.
 */
const REQUESTS: readonly DemoRequest[] = [
  {
    requester: zhangsan,
    department: DEPARTMENTS.trafficPolice,
    receivedOn: '2025-03-10',
    description: '申请公开2024年本市主要道路交通事故多发路段的统计数据及整治措施。',
    repliedAfter: 12,
    outcome: DisclosureOutcome.DISCLOSED,
  },
  {
    requester: lisi,
    department: DEPARTMENTS.marketRegulation,
    receivedOn: '2025-05-12',
    description: '申请公开2024年度本市食品安全监督抽检不合格产品的企业名单及处理结果。',
    repliedAfter: 17,
    outcome: DisclosureOutcome.PARTIALLY_DISCLOSED,
    refusalGround: DisclosureRefusalGround.TRADE_SECRET,
  },
  {
    requester: wangwu,
    department: DEPARTMENTS.housing,
    receivedOn: '2025-06-02',
    description: '申请公开某住宅小区保障性住房配租对象的名单及其家庭收入审核材料。',
    repliedAfter: 14,
    outcome: DisclosureOutcome.NOT_DISCLOSED,
    refusalGround: DisclosureRefusalGround.PERSONAL_PRIVACY,
    review: { kind: DisclosureReviewKind.RECONSIDERATION, filedAfter: 10, result: DisclosureReviewResult.MAINTAINED, closedAfter: 40 },
  },
  {
    requester: wangwuCompany,
    submittedBy: wangwu,
    department: DEPARTMENTS.marketRegulation,
    receivedOn: '2025-09-15',
    description: '申请公开本公司所在行业2023年以来行政许可办理时限的统计情况及相关文件。',
    extension: { after: 15, days: 15, reason: '需要调取多个年度的档案材料，无法在规定期限内答复。' },
    repliedAfter: 30,
    outcome: DisclosureOutcome.NOT_EXISTING,
  },
  {
    requester: lisi,
    department: DEPARTMENTS.dataAdministration,
    receivedOn: '2025-11-03',
    description: '申请公开本市出租车经营权有偿使用费的收支情况。',
    repliedAfter: 5,
    outcome: DisclosureOutcome.NOT_THIS_AUTHORITY,
  },
  {
    requester: wangwu,
    department: DEPARTMENTS.health,
    receivedOn: '2026-01-12',
    description: '申请公开2025年本市各区社区健康服务中心的设置数量和分布情况。',
    repliedAfter: 9,
    outcome: DisclosureOutcome.DISCLOSED,
  },
  {
    requester: lisi,
    department: DEPARTMENTS.transport,
    receivedOn: '2026-03-02',
    description: '申请公开本市2026年新开通公交线路的规划论证报告。',
    repliedAfter: 19,
    outcome: DisclosureOutcome.DISCLOSED,
  },
  {
    requester: lisi,
    department: DEPARTMENTS.dataAdministration,
    receivedOn: '2026-06-15',
    description: '申请公开2025年行政服务大厅各进驻部门的业务办理量统计。',
    repliedAfter: 8,
    outcome: DisclosureOutcome.DISCLOSED,
  },
  {
    requester: wangwu,
    department: DEPARTMENTS.humanResources,
    receivedOn: '2026-08-03',
    description: '申请公开2026年度本市积分入户政策调整的研究论证材料和征求意见汇总。',
    repliedAfter: 16,
    outcome: DisclosureOutcome.PARTIALLY_DISCLOSED,
    refusalGround: DisclosureRefusalGround.PROCESS_INFORMATION,
  },
  {
    requester: lisi,
    department: DEPARTMENTS.dataAdministration,
    receivedOn: '2026-11-09',
    description: '申请公开网上办事大厅2026年第三季度系统可用率和故障处置记录。',
  },
  {
    requester: zhangsan,
    department: DEPARTMENTS.trafficPolice,
    receivedOn: '2026-11-16',
    description: '申请公开本人居住地附近路口电子警察设备的设置依据和审批文件。',
  },
  {
    requester: wangwu,
    department: DEPARTMENTS.dataAdministration,
    receivedOn: '2026-11-23',
    description: '申请公开政务服务事项目录2026年调整的依据和调整清单。',
  },
];

/** The demo requests and their reviews, dates counted on the working-day calendar. */
export function demoRequests(): { requests: RequestRow[]; reviews: ReviewRow[] } {
  const requests: RequestRow[] = [];
  const reviews: ReviewRow[] = [];
  REQUESTS.forEach((demo, index) => {
    const id = `DQ-${String(index + 1).padStart(6, '0')}`;
    const originalDueOn = addWorkingDays(demo.receivedOn, 20);
    const dueOn = demo.extension ? addWorkingDays(originalDueOn, demo.extension.days) : originalDueOn;
    const repliedOn = demo.repliedAfter === undefined ? null : addWorkingDays(demo.receivedOn, demo.repliedAfter);
    const status = repliedOn ? DisclosureRequestStatus.ANSWERED : demo.extension ? DisclosureRequestStatus.EXTENDED : DisclosureRequestStatus.RECEIVED;
    requests.push({
      id,
      requester_id: demo.requester,
      submitted_by: demo.submittedBy ?? demo.requester,
      department_code: demo.department.code,
      status,
      received_on: demo.receivedOn,
      description: demo.description,
      due_on: dueOn,
      original_due_on: originalDueOn,
      extended_days: demo.extension?.days ?? null,
      extension_reason: demo.extension?.reason ?? null,
      extended_on: demo.extension ? addWorkingDays(demo.receivedOn, demo.extension.after) : null,
      outcome: demo.outcome ?? null,
      refusal_ground: demo.refusalGround ?? null,
      replied_on: repliedOn,
      fee_yuan: 0,
      note: null,
    });
    if (demo.review && repliedOn) {
      reviews.push({
        id: `DV-${String(reviews.length + 1).padStart(6, '0')}`,
        request_id: id,
        department_code: demo.department.code,
        kind: demo.review.kind,
        filed_on: addWorkingDays(repliedOn, demo.review.filedAfter),
        result: demo.review.result,
        closed_on: demo.review.closedAfter === null ? null : addWorkingDays(repliedOn, demo.review.closedAfter),
      });
    }
  });
  return { requests, reviews };
}
