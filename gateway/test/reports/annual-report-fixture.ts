import { DEPARTMENTS } from '@govgraph/kit';
import type { AnnualReportData } from '../../src/reports/annual-report-operation.js';

/** The 2017 report of the hall office as the demo graph answers it (figures from the spec). */
export function report2017(overrides: Partial<AnnualReportData> = {}): AnnualReportData {
  return {
    departmentCode: DEPARTMENTS.dataAdministration.code,
    year: 2017,
    department: { code: DEPARTMENTS.dataAdministration.code, name: DEPARTMENTS.dataAdministration.name },
    catalogOverview: {
      departments: 35,
      matters: 1444,
      licensingItems: 556,
      fullyOnlineLicensingItems: 533,
      fullyOnlineRate: 0.959,
      districts: 10,
      subdistricts: 74,
      communities: 645,
    },
    caseOverview: {
      casesSubmitted: 20000,
      onlineCases: 19840,
      hallCases: 160,
      workingDays: 249,
      hallDailyAverage: 1,
      instantCases: 12756,
      instantRate: 0.6378,
      onTimeRate: 1,
      onlineApplicationRate: 0.992,
      onlineCompletionRate: 0.9919,
      casesCompleted: 19912,
    },
    proactiveDisclosure: {
      total: 128,
      byCategory: [
        { category: 'NOTICE', releases: 10 },
        { category: 'WORK_UPDATE', releases: 108 },
        { category: 'STATISTICS', releases: 10 },
        { category: 'POLICY', releases: 0 },
      ],
      byChannel: [
        { channel: 'WEBSITE', releases: 128, posts: 128, followers: null },
        { channel: 'WECHAT', releases: 120, posts: 251, followers: 38229 },
        { channel: 'GAZETTE', releases: 0, posts: 3, followers: null },
        { channel: 'PRESS', releases: 0, posts: 2, followers: null },
      ],
    },
    disclosureOnRequest: {
      carriedOver: 0,
      received: 0,
      answered: 0,
      answeredOnTime: 0,
      extended: 0,
      pending: 0,
      byOutcome: ['DISCLOSED', 'PARTIALLY_DISCLOSED', 'NOT_DISCLOSED', 'NOT_EXISTING', 'NOT_THIS_AUTHORITY'].map((outcome) => ({ outcome, requests: 0 })),
    },
    disclosureFees: { requestsCharged: 0, totalYuan: 0 },
    disclosureReviews: {
      reconsiderations: { filed: 0, maintained: 0, corrected: 0, other: 0, pending: 0 },
      litigations: { filed: 0, maintained: 0, corrected: 0, other: 0, pending: 0 },
    },
    consultationAndComplaints: {
      onSiteConsultations: 152762,
      consultationsAnswered: 146859,
      answeredInTimeRate: 0.9987,
      byChannel: [
        { channel: 'HALL_DESK', received: 152762, answered: 152762, answeredInTime: 152762 },
        { channel: 'HOTLINE_12345', received: 120000, answered: 119500, answeredInTime: 119400 },
        { channel: 'WEBSITE', received: 17000, answered: 16900, answeredInTime: 16880 },
        { channel: 'WECHAT', received: 10500, answered: 10459, answeredInTime: 10450 },
      ],
      complaintsReceived: 63,
      complaintsClosed: 63,
      coordinations: 59,
      averageRating: 4.83,
      praise: { letters: 125, banners: 134, plaques: 2 },
    },
    ...overrides,
  };
}
