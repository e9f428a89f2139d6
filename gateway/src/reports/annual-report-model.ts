import { ANNUAL_REPORT_PARTS, type AnnualReportDocument, type AnnualReportPart } from './annual-report-operation.js';
import { CATEGORY_LABELS, CHANNEL_LABELS, CONSULTATION_CHANNEL_LABELS, OUTCOME_LABELS, formatCount, formatDecimal, formatPercent, labelOf } from './report-format.js';

/*
 * The report's content, once, for both renderers (HTML and PDF): titles, labelled figures and
 * tables as plain text (formatted, not escaped: each renderer escapes for its medium).
 */

export type ReportBlock =
  | { kind: 'rows'; heading?: string; rows: Array<[label: string, value: string]> }
  | { kind: 'table'; caption: string; head: string[]; rows: string[][] }
  | { kind: 'unavailable'; text: string };

export interface ReportSection {
  title: string;
  blocks: ReportBlock[];
}

export interface ReportModel {
  /** 「<department>政府信息公开工作年度报告（<year>年）」 */
  title: string;
  subtitle: string;
  /** Said at the top when a part is missing. */
  notice: string | null;
  sections: ReportSection[];
  footer: string;
}

const PART_NAMES: Readonly<Record<AnnualReportPart, string>> = {
  department: '部门信息',
  catalogOverview: '事项目录',
  caseOverview: '办件统计',
  disclosure: '政府信息公开',
  consultationAndComplaints: '咨询投诉',
};

export function annualReportModel({ report, unavailable }: AnnualReportDocument): ReportModel {
  const departmentName = report.department?.name ?? report.departmentCode;
  const missing = (part: AnnualReportPart): ReportBlock => ({
    kind: 'unavailable',
    text: `本部分数据暂不可用：${PART_NAMES[part]}系统未能应答${unavailable[part] ? `（${unavailable[part]}）` : ''}，请稍后重新下载。`,
  });
  const count = formatCount;
  const percent = formatPercent;

  const overview: ReportBlock[] = [];
  const catalog = report.catalogOverview;
  if (catalog) {
    overview.push({
      kind: 'rows',
      heading: '（一）网上办事大厅事项情况（目录现状）',
      rows: [
        ['进驻部门', `${count(catalog.departments)} 个`],
        ['政务服务事项', `${count(catalog.matters)} 项`],
        ['行政许可事项', `${count(catalog.licensingItems)} 项`],
        ['全流程网上办理的行政许可事项', `${count(catalog.fullyOnlineLicensingItems)} 项`],
        ['全流程网上办理率', percent(catalog.fullyOnlineRate)],
        ['区', `${count(catalog.districts)} 个`],
        ['街道', `${count(catalog.subdistricts)} 个`],
        ['社区', `${count(catalog.communities)} 个`],
      ],
    });
  } else overview.push(missing('catalogOverview'));
  const cases = report.caseOverview;
  if (cases) {
    overview.push({
      kind: 'rows',
      heading: `（二）${report.year}年办件情况（全市网上办事大厅）`,
      rows: [
        ['受理办件', `${count(cases.casesSubmitted)} 件`],
        ['其中网上申办', `${count(cases.onlineCases)} 件`],
        ['其中现场办理', `${count(cases.hallCases)} 件`],
        ['工作日', `${count(cases.workingDays)} 天`],
        ['日均现场办件量', `${count(cases.hallDailyAverage)} 件`],
        ['即办件', `${count(cases.instantCases)} 件`],
        ['即办率', percent(cases.instantRate)],
        ['按时办结率', percent(cases.onTimeRate)],
        ['网上申办率', percent(cases.onlineApplicationRate)],
        ['网上办结率', percent(cases.onlineCompletionRate)],
        ['办结', `${count(cases.casesCompleted)} 件`],
      ],
    });
  } else overview.push(missing('caseOverview'));

  const disclosureMissing = !report.proactiveDisclosure && !report.disclosureOnRequest && !report.disclosureFees && !report.disclosureReviews;
  const orMissing = (blocks: ReportBlock[] | null): ReportBlock[] => blocks ?? [missing('disclosure')];

  const proactive = report.proactiveDisclosure;
  const onRequest = report.disclosureOnRequest;
  const fees = report.disclosureFees;
  const reviews = report.disclosureReviews;
  const consultation = report.consultationAndComplaints;

  const sections: ReportSection[] = [
    { title: '一、概述', blocks: overview },
    {
      title: '二、主动公开政府信息情况',
      blocks: orMissing(
        proactive && [
          { kind: 'rows', rows: [['主动公开政府信息', `${count(proactive.total)} 条`]] },
          { kind: 'table', caption: '按类别', head: ['类别', '条数'], rows: proactive.byCategory.map((c) => [labelOf(CATEGORY_LABELS, c.category), count(c.releases)]) },
          {
            kind: 'table',
            caption: '按发布渠道',
            head: ['渠道', '公开信息条数', '发布条数', '关注人数'],
            rows: proactive.byChannel.map((c) => [labelOf(CHANNEL_LABELS, c.channel), count(c.releases), count(c.posts), count(c.followers)]),
          },
        ],
      ),
    },
    {
      title: '三、收到和处理政府信息公开申请情况',
      blocks: orMissing(
        onRequest && [
          {
            kind: 'rows',
            rows: [
              ['上年结转申请', `${count(onRequest.carriedOver)} 件`],
              ['本年新收申请', `${count(onRequest.received)} 件`],
              ['本年答复', `${count(onRequest.answered)} 件`],
              ['其中按时答复', `${count(onRequest.answeredOnTime)} 件`],
              ['延期答复', `${count(onRequest.extended)} 件`],
              ['结转下年度继续办理', `${count(onRequest.pending)} 件`],
            ],
          },
          { kind: 'table', caption: '答复结果', head: ['结果', '件数'], rows: onRequest.byOutcome.map((o) => [labelOf(OUTCOME_LABELS, o.outcome), count(o.requests)]) },
        ],
      ),
    },
    {
      title: '四、政府信息公开收费情况',
      blocks: orMissing(
        fees && [
          {
            kind: 'rows',
            rows: [
              ['收取费用的申请', `${count(fees.requestsCharged)} 件`],
              ['收费金额', `${count(fees.totalYuan)} 元`],
            ],
          },
        ],
      ),
    },
    {
      title: '五、因政府信息公开申请提起行政复议、行政诉讼情况',
      blocks: orMissing(
        reviews && [
          {
            kind: 'table',
            caption: '行政复议和行政诉讼',
            head: ['', '提起', '结果维持', '结果纠正', '其他结果', '尚未审结'],
            rows: [
              ['行政复议', ...reviewFigures(reviews.reconsiderations)],
              ['行政诉讼', ...reviewFigures(reviews.litigations)],
            ],
          },
        ],
      ),
    },
    {
      title: '六、咨询投诉处理情况',
      blocks: consultation
        ? [
            {
              kind: 'rows',
              heading: '（一）咨询',
              rows: [
                ['现场咨询', `${count(consultation.onSiteConsultations)} 人次`],
                ['解答咨询（12345热线、网站、微信）', `${count(consultation.consultationsAnswered)} 件`],
                ['按时答复率', percent(consultation.answeredInTimeRate)],
              ],
            },
            {
              kind: 'table',
              caption: '按渠道',
              head: ['渠道', '受理', '答复', '按时答复'],
              rows: consultation.byChannel.map((c) => [labelOf(CONSULTATION_CHANNEL_LABELS, c.channel), count(c.received), count(c.answered), count(c.answeredInTime)]),
            },
            {
              kind: 'rows',
              heading: '（二）投诉与表扬',
              rows: [
                ['受理投诉', `${count(consultation.complaintsReceived)} 件`],
                ['办结投诉', `${count(consultation.complaintsClosed)} 件`],
                ['协调处理', `${count(consultation.coordinations)} 件`],
                ['平均满意度评分（5分制）', formatDecimal(consultation.averageRating)],
                ['表扬信', `${count(consultation.praise.letters)} 封`],
                ['锦旗', `${count(consultation.praise.banners)} 面`],
                ['牌匾', `${count(consultation.praise.plaques)} 块`],
              ],
            },
          ]
        : [missing('consultationAndComplaints')],
    },
  ];

  const missingParts = ANNUAL_REPORT_PARTS.filter((p) => p in unavailable && (p !== 'department' || !report.department));
  if (disclosureMissing && !missingParts.includes('disclosure')) missingParts.push('disclosure');
  return {
    title: `${departmentName}政府信息公开工作年度报告`,
    subtitle: `${report.year}年度`,
    notice: missingParts.length === 0 ? null : `本报告部分内容暂不可用（${missingParts.map((p) => PART_NAMES[p]).join('、')}），相应章节已注明。`,
    sections,
    footer: `本报告由政务服务数据平台根据各部门系统数据实时生成。事项目录数据为生成时的目录现状；比率按一位小数四舍五入。部门代码 ${report.departmentCode}。`,
  };
}

function reviewFigures(figures: { filed: number; maintained: number; corrected: number; other: number; pending: number }): string[] {
  return [figures.filed, figures.maintained, figures.corrected, figures.other, figures.pending].map((n) => formatCount(n));
}
