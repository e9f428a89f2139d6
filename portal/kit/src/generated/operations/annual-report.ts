/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a consultation came in: the hall desk (现场咨询), the 12345 hotline, the website or WeChat. */
export type ConsultationChannel =
  /** At the hall desk, answered on the spot (现场咨询). */
  | 'HALL_DESK'
  /** On the 12345 citizen hotline. */
  | 'HOTLINE_12345'
  /** Online, on the hall website. */
  | 'WEBSITE'
  /** On the hall's WeChat account. */
  | 'WECHAT';

/** The kind of information a department published of its own accord (主动公开). */
export type DisclosureCategory =
  /** 通知公告: notices and announcements. */
  | 'NOTICE'
  /** 政策文件: policy documents. */
  | 'POLICY'
  /** 业务统计数据: the department’s business statistics. */
  | 'STATISTICS'
  /** 工作动态: news of the department’s work. */
  | 'WORK_UPDATE';

/** Where a department publishes. */
export type DisclosureChannel =
  /** 政府公报: the city government gazette. */
  | 'GAZETTE'
  /** 新闻发布会: press conferences. */
  | 'PRESS'
  /** 政府网站: the department’s website. */
  | 'WEBSITE'
  /** 政务微信: the department’s WeChat official account. */
  | 'WECHAT';

/** How a request for disclosure was answered. */
export type DisclosureOutcome =
  /** 予以公开: disclosed in full. */
  | 'DISCLOSED'
  /** 不予公开: not disclosed; a refusal ground says why. */
  | 'NOT_DISCLOSED'
  /** 信息不存在: the authority does not hold the information. */
  | 'NOT_EXISTING'
  /** 非本机关负责公开: another authority is responsible. */
  | 'NOT_THIS_AUTHORITY'
  /** 部分公开: disclosed in part; a refusal ground says why the rest was not. */
  | 'PARTIALLY_DISCLOSED';

export type AnnualReportQueryVariables = Exact<{
  departmentCode: string;
  year: number;
}>;


export type AnnualReportQuery = { annualReport: { departmentCode: string, year: number, department: { code: string, name: string }, catalogOverview: { departments: number, matters: number, licensingItems: number, fullyOnlineLicensingItems: number, fullyOnlineRate: number, districts: number, subdistricts: number, communities: number } | null, caseOverview: { casesSubmitted: number, onlineCases: number, hallCases: number, workingDays: number, hallDailyAverage: number, instantCases: number, instantRate: number, onTimeRate: number, onlineApplicationRate: number, onlineCompletionRate: number, casesCompleted: number } | null, proactiveDisclosure: { total: number, byCategory: Array<{ category: DisclosureCategory, releases: number }>, byChannel: Array<{ channel: DisclosureChannel, releases: number, posts: number, followers: number | null }> }, disclosureOnRequest: { carriedOver: number, received: number, answered: number, answeredOnTime: number, extended: number, pending: number, byOutcome: Array<{ outcome: DisclosureOutcome, requests: number }> }, disclosureFees: { requestsCharged: number, totalYuan: number }, disclosureReviews: { reconsiderations: { filed: number, maintained: number, corrected: number, other: number, pending: number }, litigations: { filed: number, maintained: number, corrected: number, other: number, pending: number } }, consultationAndComplaints: { onSiteConsultations: number, consultationsAnswered: number, answeredInTimeRate: number | null, complaintsReceived: number, complaintsClosed: number, coordinations: number, averageRating: number | null, byChannel: Array<{ channel: ConsultationChannel, received: number, answered: number, answeredInTime: number }>, praise: { letters: number, banners: number, plaques: number } } | null } };


export const AnnualReportDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AnnualReport"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"annualReport"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"departmentCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"departmentCode"}}},{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departmentCode"}},{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"department"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"catalogOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"departments"}},{"kind":"Field","name":{"kind":"Name","value":"matters"}},{"kind":"Field","name":{"kind":"Name","value":"licensingItems"}},{"kind":"Field","name":{"kind":"Name","value":"fullyOnlineLicensingItems"}},{"kind":"Field","name":{"kind":"Name","value":"fullyOnlineRate"}},{"kind":"Field","name":{"kind":"Name","value":"districts"}},{"kind":"Field","name":{"kind":"Name","value":"subdistricts"}},{"kind":"Field","name":{"kind":"Name","value":"communities"}}]}},{"kind":"Field","name":{"kind":"Name","value":"caseOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"casesSubmitted"}},{"kind":"Field","name":{"kind":"Name","value":"onlineCases"}},{"kind":"Field","name":{"kind":"Name","value":"hallCases"}},{"kind":"Field","name":{"kind":"Name","value":"workingDays"}},{"kind":"Field","name":{"kind":"Name","value":"hallDailyAverage"}},{"kind":"Field","name":{"kind":"Name","value":"instantCases"}},{"kind":"Field","name":{"kind":"Name","value":"instantRate"}},{"kind":"Field","name":{"kind":"Name","value":"onTimeRate"}},{"kind":"Field","name":{"kind":"Name","value":"onlineApplicationRate"}},{"kind":"Field","name":{"kind":"Name","value":"onlineCompletionRate"}},{"kind":"Field","name":{"kind":"Name","value":"casesCompleted"}}]}},{"kind":"Field","name":{"kind":"Name","value":"proactiveDisclosure"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"byCategory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"releases"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byChannel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"releases"}},{"kind":"Field","name":{"kind":"Name","value":"posts"}},{"kind":"Field","name":{"kind":"Name","value":"followers"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"disclosureOnRequest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"carriedOver"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"answeredOnTime"}},{"kind":"Field","name":{"kind":"Name","value":"extended"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"byOutcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"requests"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"disclosureFees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestsCharged"}},{"kind":"Field","name":{"kind":"Name","value":"totalYuan"}}]}},{"kind":"Field","name":{"kind":"Name","value":"disclosureReviews"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reconsiderations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filed"}},{"kind":"Field","name":{"kind":"Name","value":"maintained"}},{"kind":"Field","name":{"kind":"Name","value":"corrected"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}},{"kind":"Field","name":{"kind":"Name","value":"litigations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filed"}},{"kind":"Field","name":{"kind":"Name","value":"maintained"}},{"kind":"Field","name":{"kind":"Name","value":"corrected"}},{"kind":"Field","name":{"kind":"Name","value":"other"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consultationAndComplaints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onSiteConsultations"}},{"kind":"Field","name":{"kind":"Name","value":"consultationsAnswered"}},{"kind":"Field","name":{"kind":"Name","value":"answeredInTimeRate"}},{"kind":"Field","name":{"kind":"Name","value":"byChannel"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"channel"}},{"kind":"Field","name":{"kind":"Name","value":"received"}},{"kind":"Field","name":{"kind":"Name","value":"answered"}},{"kind":"Field","name":{"kind":"Name","value":"answeredInTime"}}]}},{"kind":"Field","name":{"kind":"Name","value":"complaintsReceived"}},{"kind":"Field","name":{"kind":"Name","value":"complaintsClosed"}},{"kind":"Field","name":{"kind":"Name","value":"coordinations"}},{"kind":"Field","name":{"kind":"Name","value":"averageRating"}},{"kind":"Field","name":{"kind":"Name","value":"praise"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"letters"}},{"kind":"Field","name":{"kind":"Name","value":"banners"}},{"kind":"Field","name":{"kind":"Name","value":"plaques"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AnnualReportQuery, AnnualReportQueryVariables>;