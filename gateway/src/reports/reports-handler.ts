import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ANNUAL_REPORT_FIRST_YEAR, CITY_DEPARTMENTS, cityDate, ErrorCode, isAnnualReportYear, isCityDepartment } from '@govgraph/kit';
import type { GatewayContext } from '../context.js';
import { RequestRefusal } from '../plugins/gateway-plugin.js';
import type { PluginPipeline } from '../plugins/plugin-pipeline.js';
import {
  ANNUAL_REPORT_OPERATION,
  ANNUAL_REPORT_OPERATION_NAME,
  ANNUAL_REPORT_PARTS,
  annualReportPartOperation,
  type AnnualReportData,
  type AnnualReportDocument,
  type AnnualReportPart,
} from './annual-report-operation.js';
import { ANNUAL_REPORT_HTML_CSP, renderAnnualReportHtml } from './render-annual-report-html.js';
import { renderAnnualReportPdf } from './render-annual-report-pdf.js';

export interface ReportsHandlerOptions {
  apollo: Pick<ApolloServer<GatewayContext>, 'executeOperation'>;
  /** The same stages a GraphQL request passes: auth and the rate limit (`request`), then the operation's checks (`operations`). */
  pipeline: Pick<PluginPipeline, 'request' | 'operations'>;
  /** The city's current year is the last a report may be asked for; tests set the clock. */
  clock?: () => Date;
}

export type ReportsHandler = (req: IncomingMessage, res: ServerResponse, context: GatewayContext) => Promise<void>;

export const REPORTS_PATH = '/reports';
const ANNUAL_REPORT_PATH = /^\/reports\/annual-report\/([^/]{1,64})\/([^/]{1,16})\.(html|pdf)$/;

export function isReportsPath(path: string): boolean {
  return path === REPORTS_PATH || path.startsWith(`${REPORTS_PATH}/`);
}

const notFound = (message: string) => new RequestRefusal(404, ErrorCode.NOT_FOUND, message);

interface Answer {
  data: { annualReport?: Partial<AnnualReportData> | null } | null | undefined;
  errors: readonly GraphQLFormattedError[];
}

/**
 * `GET /reports/annual-report/<departmentCode>/<year>.html` and `.pdf`: the disclosure annual
 * report (政府信息公开年度报告), computed live through the graph and rendered as a download.
 *
 * The request takes a client's path: the plugins' `onRequest` (token, rate limit by account or
 * address) and `onOperations` stages, then Apollo Server with the gateway's plugins and the query
 * plan over the subgraphs (`executeOperation`), with the operation of annual-report-operation.ts.
 *
 * A department code of no city department → 404 NOT_FOUND; a year that is not 2000..the city's
 * current year → 400 BAD_USER_INPUT (field `year`); both refused before anything is executed, and
 * the graph's own NOT_FOUND / BAD_USER_INPUT answer the same way. When a department's subgraph is
 * down, the report's non-null sections null the whole `annualReport`: the route then asks for each
 * part on its own and renders what came, that part marked unavailable (HTTP 200,
 * `x-report-unavailable` naming the parts). Nothing at all (disclosure, which owns the report,
 * down) → 503 DOWNSTREAM_SERVICE_ERROR.
 */
export function createReportsHandler(options: ReportsHandlerOptions): ReportsHandler {
  const clock = options.clock ?? (() => new Date());

  async function execute(query: string, operationName: string, variables: Record<string, unknown>, context: GatewayContext): Promise<Answer> {
    await options.pipeline.operations({ operations: [{ query, operationName, variables }], batch: false }, context);
    const response = await options.apollo.executeOperation({ query, operationName, variables }, { contextValue: context });
    if (response.body.kind !== 'single') throw new Error('the annual report came back incrementally');
    const { data, errors } = response.body.singleResult;
    return { data: data as Answer['data'], errors: errors ?? [] };
  }

  /** The graph's refusal of the key, as this route answers it. */
  function refusalOf(errors: readonly GraphQLFormattedError[]): RequestRefusal | undefined {
    for (const error of errors) {
      const code = error.extensions?.code;
      if (code === ErrorCode.NOT_FOUND) return notFound(error.message);
      if (code === ErrorCode.BAD_USER_INPUT) {
        const field = error.extensions?.field;
        return new RequestRefusal(400, ErrorCode.BAD_USER_INPUT, error.message, typeof field === 'string' ? { field } : {});
      }
    }
    return undefined;
  }

  async function load(departmentCode: string, year: number, context: GatewayContext): Promise<AnnualReportDocument> {
    const variables = { departmentCode, year };
    const whole = await execute(ANNUAL_REPORT_OPERATION, ANNUAL_REPORT_OPERATION_NAME, variables, context);
    const report = whole.data?.annualReport;
    if (report) return { report: report as AnnualReportData, unavailable: nullSections(report as AnnualReportData, whole.errors) };
    const refusal = refusalOf(whole.errors);
    if (refusal) throw refusal;
    if (whole.data === undefined) {
      // Not executed at all: the served graph does not have the report (yet).
      context.log.warn({ errors: whole.errors }, 'annual report: the operation did not validate against the served graph');
      throw new RequestRefusal(503, ErrorCode.DOWNSTREAM_SERVICE_ERROR, 'The annual report is not served by this graph');
    }

    // A department did not answer: each part on its own, so the others still render.
    const parts = await Promise.all(
      ANNUAL_REPORT_PARTS.map(async (part) => {
        const { name, query } = annualReportPartOperation(part);
        return { part, answer: await execute(query, name, variables, context) };
      }),
    );
    const merged: Partial<AnnualReportData> = { departmentCode, year };
    const unavailable: Partial<Record<AnnualReportPart, string | null>> = {};
    for (const { part, answer } of parts) {
      const partial = answer.data?.annualReport;
      if (partial) Object.assign(merged, partial);
      else {
        const refused = refusalOf(answer.errors);
        if (refused) throw refused;
        const serviceName = answer.errors.map((e) => e.extensions?.serviceName).find((s) => typeof s === 'string');
        unavailable[part] = typeof serviceName === 'string' ? serviceName : null;
      }
    }
    if (Object.keys(unavailable).length === ANNUAL_REPORT_PARTS.length) {
      context.log.warn({ errors: whole.errors }, 'annual report: no part of the report could be read');
      throw new RequestRefusal(503, ErrorCode.DOWNSTREAM_SERVICE_ERROR, 'The annual report is unavailable; try again later', {}, { 'retry-after': '30' });
    }
    // The department's name is reference data the gateway knows as well.
    if (!merged.department) {
      const known = CITY_DEPARTMENTS.find((d) => d.code === departmentCode);
      if (known) merged.department = { code: known.code, name: known.name };
    }
    const report_: AnnualReportData = {
      departmentCode,
      year,
      department: merged.department ?? null,
      catalogOverview: merged.catalogOverview ?? null,
      caseOverview: merged.caseOverview ?? null,
      proactiveDisclosure: merged.proactiveDisclosure ?? null,
      disclosureOnRequest: merged.disclosureOnRequest ?? null,
      disclosureFees: merged.disclosureFees ?? null,
      disclosureReviews: merged.disclosureReviews ?? null,
      consultationAndComplaints: merged.consultationAndComplaints ?? null,
    };
    context.log.warn({ unavailable }, 'annual report: rendered without the parts whose department did not answer');
    return { report: report_, unavailable };
  }

  return async function handleReports(req, res, context) {
    // Auth and the rate limit first, as for /graphql: a refused caller learns nothing about the path.
    await options.pipeline.request(req, context);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const match = ANNUAL_REPORT_PATH.exec(path);
    if (!match) throw notFound('Nothing is served at this path');
    if (req.method !== 'GET') throw new RequestRefusal(405, 'METHOD_NOT_ALLOWED', 'Reports are downloaded with GET', {}, { allow: 'GET' });
    const [, departmentCode = '', yearText = '', format] = match;
    // The path pattern caps the code at 64 characters, so it is quoted back whole.
    if (!isCityDepartment(departmentCode)) throw notFound(`Department ${JSON.stringify(match[1])} not found`);
    const now = clock();
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
    if (!isAnnualReportYear(year, now)) {
      throw new RequestRefusal(400, ErrorCode.BAD_USER_INPUT, `year must be from ${ANNUAL_REPORT_FIRST_YEAR} to ${cityDate(now).slice(0, 4)}`, { field: 'year' });
    }

    const document = await load(departmentCode, year, context);
    const filename = `annual-report-${departmentCode}-${year}.${format}`;
    const missing = Object.keys(document.unavailable).filter((p) => p !== 'department');
    const headers: Record<string, string> = {
      'content-disposition': `attachment; filename="${filename}"`,
      // A figure computed live: a partial report in particular must not be kept.
      'cache-control': 'no-store',
      ...(missing.length > 0 ? { 'x-report-unavailable': missing.join(',') } : {}),
    };
    if (format === 'pdf') {
      const body = await renderAnnualReportPdf(document);
      res.writeHead(200, { ...headers, 'content-type': 'application/pdf', 'content-length': body.length });
      return void res.end(body);
    }
    const body = renderAnnualReportHtml(document);
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body), 'content-security-policy': ANNUAL_REPORT_HTML_CSP });
    res.end(body);
  };
}

/**
 * Sections other departments add to the report are nullable (an outage there must not empty the
 * whole report): a null one with an error at its path is unavailable, named by the error's service.
 */
function nullSections(report: AnnualReportData, errors: readonly GraphQLFormattedError[]): Partial<Record<AnnualReportPart, string | null>> {
  const unavailable: Partial<Record<AnnualReportPart, string | null>> = {};
  for (const part of ['catalogOverview', 'caseOverview', 'consultationAndComplaints'] as const) {
    if (report[part] !== null) continue;
    const serviceName = errors.find((e) => e.path?.[1] === part)?.extensions?.serviceName;
    unavailable[part] = typeof serviceName === 'string' ? serviceName : null;
  }
  return unavailable;
}
