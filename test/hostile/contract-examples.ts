import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS_DIR } from '@govgraph/schema';

/** Variables that run each contract operation on the demo data: the starting point of mutations. */
export const EXAMPLE_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = {
  'act-as.graphql': { enterpriseId: 'E-000001' },
  'application-detail.graphql': { id: 'AP-2026-00000001' },
  'correct-application.graphql': { input: { id: 'AP-2026-00000001', fields: [{ key: 'mobile', value: '13800138000' }], note: '补正' } },
  'decide-application.graphql': { input: { id: 'AP-2026-00000001', action: 'ACCEPT', note: '受理' } },
  'hall-statistics.graphql': { year: 2025 },
  'licence-types.graphql': {},
  'matter-form.graphql': { code: 'JJ-0101' },
  'my-applications.graphql': { first: 20 },
  'issue-licence.graphql': {
    input: { typeCode: 'SPJYXKZ', holderId: 'E-000001', holderName: '深圳市示例科技有限公司', data: [{ key: 'businessScope', value: '预包装食品销售' }] },
  },
  // Never the right password: a mutated login must not sign anybody in (and its answer name them).
  'login.graphql': { username: 'zhangsan', password: 'not-the-password' },
  'matter-guide.graphql': { code: 'JJ-0101' },
  'my-data-access.graphql': { first: 20 },
  'my-home.graphql': {},
  'officer-queue.graphql': { status: 'SUBMITTED', first: 20 },
  'review-application.graphql': { id: 'AP-2026-00000001' },
  'search-catalog.graphql': { filter: { text: '驾驶证' }, first: 20 },
  'start-form.graphql': { matterCode: 'JJ-0101' },
  'submit-application.graphql': {
    input: {
      matterCode: 'JJ-0101',
      idempotencyKey: 'hostile-1',
      fields: [{ key: 'deliveryMethod', value: '邮寄' }],
      materials: [{ requirementCode: 'PHOTO', documentId: 'D-0000000000000000' }],
    },
  },
  'withdraw-application.graphql': { input: { id: 'AP-2026-00000001', note: '撤回' } },
  'verify-licence.graphql': { id: '1.2.156.3005.2.11440300MB2C91234X.JDCJSZ.00000001.1.K' },
  'annual-report.graphql': { departmentCode: '11440300007543012T', year: 2017 },
  'disclosure-releases.graphql': { departmentCode: '11440300007543012T', year: 2017, category: 'NOTICE', first: 5 },
  'request-disclosure.graphql': { input: { departmentCode: '11440300007542828L', description: '申请公开本局2025年度换证办理量统计' } },
  'my-disclosure-requests.graphql': {},
  'department-disclosure-requests.graphql': { status: 'RECEIVED', first: 20 },
  'extend-disclosure-request.graphql': { id: 'DQ-000011', days: 10, reason: '需要汇总数据' },
  'answer-disclosure-request.graphql': { id: 'DQ-000011', outcome: 'NOT_DISCLOSED', refusalGround: 'PROCESS_INFORMATION' },
  'ask-consultation.graphql': { input: { departmentCode: '11440300007542828L', matterCode: 'JJ-0101', channel: 'WEBSITE', question: '换证需要体检吗？' } },
  'my-consultations.graphql': {},
  'matter-questions.graphql': { code: 'JJ-0101', first: 5 },
  'department-consultations.graphql': { status: 'WAITING', first: 20 },
  'answer-consultation.graphql': { id: 'CQ-000366', answer: '需要提交体检证明。', publishAs: '换证需要体检吗？' },
  'file-complaint.graphql': { input: { departmentCode: '11440300007542828L', subject: '预约时段一直显示已满' } },
  'close-complaint.graphql': { id: 'CC-000067', outcome: 'RESOLVED', coordinated: true, note: '已协调' },
  'rate-complaint.graphql': { id: 'CC-000066', rating: 4 },
  'supervision-board.graphql': { departmentCode: '11440300007542828L', warningDays: 3, first: 20 },
};

export interface ContractOperation {
  file: string;
  document: string;
  variables: Record<string, unknown>;
}

/** Every `.graphql` of schema/operations, with its example variables. */
export function contractOperations(): ContractOperation[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ file, document: readFileSync(join(OPERATIONS_DIR, file), 'utf8'), variables: EXAMPLE_VARIABLES[file] ?? {} }));
}
