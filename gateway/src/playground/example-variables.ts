/**
 * Variables that make the contract operations run on the demo data at once, by file name. An
 * operation missing here opens with its required variables set to null, to be filled in.
 */
export const EXAMPLE_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = Object.freeze({
  'login.graphql': { username: 'zhangsan', password: 'demo' },
  'act-as.graphql': { enterpriseId: 'E-000001' },
  'matter-guide.graphql': { code: 'JJ-0101' },
  'start-form.graphql': { matterCode: 'JJ-0101' },
  'search-catalog.graphql': { filter: { text: '驾驶证' }, first: 5 },
  'hall-statistics.graphql': { year: 2025 },
  'officer-queue.graphql': { first: 5 },
  'my-data-access.graphql': { first: 20 },
  'matter-form.graphql': { code: 'JJ-0101' },
  'my-applications.graphql': { first: 5 },
  // The seed office's 2017, which the report reproduces (docs/annual-report.md).
  'annual-report.graphql': { departmentCode: '11440300007543012T', year: 2017 },
  'disclosure-releases.graphql': { departmentCode: '11440300007543012T', year: 2017, first: 5 },
  'request-disclosure.graphql': { input: { departmentCode: '11440300007542828L', description: '申请公开2025年本市机动车驾驶证换证办理量的统计数据' } },
  'department-disclosure-requests.graphql': { first: 5 },
  // zhangsan's open request at the traffic police: sign in as officer.police.
  'extend-disclosure-request.graphql': { id: 'DQ-000011', days: 10, reason: '需要汇总多个业务系统的数据' },
  'answer-disclosure-request.graphql': { id: 'DQ-000011', outcome: 'DISCLOSED' },
  'ask-consultation.graphql': { input: { departmentCode: '11440300007542828L', matterCode: 'JJ-0101', channel: 'WEBSITE', question: '驾驶证到期前多久可以申请换证？' } },
  'matter-questions.graphql': { code: 'JJ-0101', first: 5 },
  'department-consultations.graphql': { status: 'WAITING', first: 5 },
  // zhangsan's waiting question at the traffic police: sign in as officer.police.
  'answer-consultation.graphql': { id: 'CQ-000366', answer: '可以在驾驶证有效期满前九十日内申请换证。', publishAs: '驾驶证到期前多久可以申请换证？' },
  'file-complaint.graphql': { input: { departmentCode: '11440300007542828L', matterCode: 'JJ-0101', subject: '网上预约换证时段一直显示已满' } },
  // lisi's open complaint: sign in as officer.hall to close it, then as lisi to rate it.
  'close-complaint.graphql': { id: 'CC-000067', outcome: 'RESOLVED', coordinated: true, note: '已协调部门增加预约时段' },
  'rate-complaint.graphql': { id: 'CC-000067', rating: 5 },
  // Every department's board: sign in as officer.supervisor (an officer gives their own department's code).
  'supervision-board.graphql': { warningDays: 3, first: 10 },
});
