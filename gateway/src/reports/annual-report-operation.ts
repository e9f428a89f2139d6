import { OperationTypeNode } from 'graphql';
import { documentId, type TrustedDocument } from '@govgraph/schema/governance';

/*
 * The disclosure annual report as the gateway's download route asks for it
 * (`GET /reports/annual-report/<code>/<year>.html|.pdf`): one operation through the gateway, the
 * same path as a client's. `schema/operations/annual-report.graphql` holds the same selection.
 *
 * When catalog, applications or consultation is down, its section is null (nullable across
 * departments); when what disclosure's non-null fields need is missing (the department's name
 * from catalog), the whole `annualReport` is null, and the route asks for each department's part
 * on its own (the ANNUAL_REPORT_PARTS operations). Either way the document renders with only the
 * missing part marked unavailable.
 */

/** The operation's name, as clients and the trusted-document manifest know it. */
export const ANNUAL_REPORT_OPERATION_NAME = 'AnnualReport';

export const ANNUAL_REPORT_OPERATION = `query AnnualReport($departmentCode: String!, $year: Int!) {
  annualReport(departmentCode: $departmentCode, year: $year) {
    departmentCode year department { code name }
    catalogOverview { departments matters licensingItems fullyOnlineLicensingItems fullyOnlineRate districts subdistricts communities }
    caseOverview { casesSubmitted onlineCases hallCases workingDays hallDailyAverage instantCases instantRate onTimeRate onlineApplicationRate onlineCompletionRate casesCompleted }
    proactiveDisclosure { total byCategory { category releases } byChannel { channel releases posts followers } }
    disclosureOnRequest { carriedOver received answered answeredOnTime extended pending byOutcome { outcome requests } }
    disclosureFees { requestsCharged totalYuan }
    disclosureReviews { reconsiderations { filed maintained corrected other pending } litigations { filed maintained corrected other pending } }
    consultationAndComplaints { onSiteConsultations consultationsAnswered answeredInTimeRate byChannel { channel received answered answeredInTime } complaintsReceived complaintsClosed coordinations averageRating praise { letters banners plaques } }
  }
}
`;

/** A part of the report that one department answers for, and may be missing on its own. */
export type AnnualReportPart = 'department' | 'catalogOverview' | 'caseOverview' | 'disclosure' | 'consultationAndComplaints';

/** Each part's selection within `annualReport`: together, exactly ANNUAL_REPORT_OPERATION's (a test holds them to it). */
export const ANNUAL_REPORT_PART_SELECTIONS: Readonly<Record<AnnualReportPart, string>> = {
  department: 'department { code name }',
  catalogOverview: 'catalogOverview { departments matters licensingItems fullyOnlineLicensingItems fullyOnlineRate districts subdistricts communities }',
  caseOverview:
    'caseOverview { casesSubmitted onlineCases hallCases workingDays hallDailyAverage instantCases instantRate onTimeRate onlineApplicationRate onlineCompletionRate casesCompleted }',
  disclosure: [
    'proactiveDisclosure { total byCategory { category releases } byChannel { channel releases posts followers } }',
    'disclosureOnRequest { carriedOver received answered answeredOnTime extended pending byOutcome { outcome requests } }',
    'disclosureFees { requestsCharged totalYuan }',
    'disclosureReviews { reconsiderations { filed maintained corrected other pending } litigations { filed maintained corrected other pending } }',
  ].join('\n    '),
  consultationAndComplaints:
    'consultationAndComplaints { onSiteConsultations consultationsAnswered answeredInTimeRate byChannel { channel received answered answeredInTime } complaintsReceived complaintsClosed coordinations averageRating praise { letters banners plaques } }',
};

export const ANNUAL_REPORT_PARTS: readonly AnnualReportPart[] = Object.freeze(Object.keys(ANNUAL_REPORT_PART_SELECTIONS) as AnnualReportPart[]);

/** The operation asking for one part alone: `AnnualReportCatalogOverview`, … */
export function annualReportPartOperation(part: AnnualReportPart): { name: string; query: string } {
  const name = `${ANNUAL_REPORT_OPERATION_NAME}${part[0]!.toUpperCase()}${part.slice(1)}`;
  const query = `query ${name}($departmentCode: String!, $year: Int!) {
  annualReport(departmentCode: $departmentCode, year: $year) {
    departmentCode year
    ${ANNUAL_REPORT_PART_SELECTIONS[part]}
  }
}
`;
  return { name, query };
}

/**
 * Every document the route may send, as trusted documents: the gateway's own, so the route works
 * whatever GATEWAY_TRUSTED_DOCUMENTS says (with `only`, clients may send them too: public figures).
 */
export function annualReportDocuments(): TrustedDocument[] {
  const documents = [
    { name: ANNUAL_REPORT_OPERATION_NAME, source: ANNUAL_REPORT_OPERATION },
    ...ANNUAL_REPORT_PARTS.map((part) => {
      const { name, query } = annualReportPartOperation(part);
      return { name, source: query };
    }),
  ];
  return documents.map(({ name, source }) => ({ id: documentId(source), name, type: OperationTypeNode.QUERY, file: 'gateway/src/reports/annual-report-operation.ts', source }));
}

export interface CountFigures {
  filed: number;
  maintained: number;
  corrected: number;
  other: number;
  pending: number;
}

/** The report as the operation answers it; a part is null when its department did not answer. */
export interface AnnualReportData {
  departmentCode: string;
  year: number;
  department: { code: string; name: string } | null;
  catalogOverview: {
    departments: number;
    matters: number;
    licensingItems: number;
    fullyOnlineLicensingItems: number;
    fullyOnlineRate: number;
    districts: number;
    subdistricts: number;
    communities: number;
  } | null;
  caseOverview: {
    casesSubmitted: number;
    onlineCases: number;
    hallCases: number;
    workingDays: number;
    hallDailyAverage: number;
    instantCases: number;
    instantRate: number;
    onTimeRate: number;
    onlineApplicationRate: number;
    onlineCompletionRate: number;
    casesCompleted: number;
  } | null;
  proactiveDisclosure: {
    total: number;
    byCategory: Array<{ category: string; releases: number }>;
    byChannel: Array<{ channel: string; releases: number; posts: number; followers: number | null }>;
  } | null;
  disclosureOnRequest: {
    carriedOver: number;
    received: number;
    answered: number;
    answeredOnTime: number;
    extended: number;
    pending: number;
    byOutcome: Array<{ outcome: string; requests: number }>;
  } | null;
  disclosureFees: { requestsCharged: number; totalYuan: number } | null;
  disclosureReviews: { reconsiderations: CountFigures; litigations: CountFigures } | null;
  consultationAndComplaints: {
    onSiteConsultations: number;
    consultationsAnswered: number;
    answeredInTimeRate: number | null;
    byChannel: Array<{ channel: string; received: number; answered: number; answeredInTime: number }>;
    complaintsReceived: number;
    complaintsClosed: number;
    coordinations: number;
    averageRating: number | null;
    praise: { letters: number; banners: number; plaques: number };
  } | null;
}

/** The report to render: its data, and the departments whose part is missing (named by their service). */
export interface AnnualReportDocument {
  report: AnnualReportData;
  /** The parts that could not be read, with the service that did not answer when known. */
  unavailable: Partial<Record<AnnualReportPart, string | null>>;
}
