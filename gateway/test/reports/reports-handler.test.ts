import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, DEPARTMENTS, sendJson } from '@govgraph/kit';
import type { GatewayContext } from '../../src/context.js';
import { RequestRefusal } from '../../src/plugins/gateway-plugin.js';
import { ANNUAL_REPORT_HTML_CSP } from '../../src/reports/render-annual-report-html.js';
import { createReportsHandler } from '../../src/reports/reports-handler.js';
import { report2017 } from './annual-report-fixture.js';

type Script = (operationName: string, variables: Record<string, unknown>) => { data?: unknown; errors?: unknown[] };

const CODE = DEPARTMENTS.dataAdministration.code;

/** The route over a scripted Apollo: what it executes, and how it answers each answer. */
describe('GET /reports/annual-report/<code>/<year>', () => {
  let server: Server;
  let base: string;
  let script: Script;
  const executed: string[] = [];
  let refuseRequest: RequestRefusal | undefined;

  beforeAll(async () => {
    const handler = createReportsHandler({
      clock: () => new Date('2026-11-30T04:00:00Z'),
      pipeline: {
        async request() {
          if (refuseRequest) throw refuseRequest;
        },
        async operations() {},
      },
      apollo: {
        async executeOperation(request: { operationName?: string; variables?: Record<string, unknown> }) {
          executed.push(request.operationName!);
          return { http: { status: 200, headers: new Map() }, body: { kind: 'single', singleResult: script(request.operationName!, request.variables ?? {}) } };
        },
      } as never,
    });
    const log = createLogger('test', 'silent');
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const context: GatewayContext = { requestId: 'r', claims: null, clientAddress: '127.0.0.1', log, planExecutor: 'govgraph' };
      handler(req, res, context).catch((error: unknown) => {
        if (error instanceof RequestRefusal)
          sendJson(res, error.status, { errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] }, error.headers);
        else sendJson(res, 500, { error: String(error) });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  const get = (path: string) => fetch(`${base}${path}`);

  it('renders the HTML download as an attachment with a strict CSP', async () => {
    script = () => ({ data: { annualReport: report2017() } });
    executed.length = 0;
    const res = await get(`/reports/annual-report/${CODE}/2017.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="annual-report-${CODE}-2017.html"`);
    expect(res.headers.get('content-security-policy')).toBe(ANNUAL_REPORT_HTML_CSP);
    expect(res.headers.get('x-report-unavailable')).toBeNull();
    expect(await res.text()).toContain('95.9%');
    expect(executed).toEqual(['AnnualReport']);
  });

  it('renders the PDF download', async () => {
    script = () => ({ data: { annualReport: report2017() } });
    const res = await get(`/reports/annual-report/${CODE}/2017.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="annual-report-${CODE}-2017.pdf"`);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('answers an unknown department 404 NOT_FOUND and a bad year 400 BAD_USER_INPUT, executing nothing', async () => {
    executed.length = 0;
    const unknown = await get('/reports/annual-report/91440300MA5ABCDE1X/2017.html');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    for (const year of ['1999', '2027', '17', 'abcd', '2017.5']) {
      const res = await get(`/reports/annual-report/${CODE}/${year}.pdf`);
      expect(res.status, year).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'year' } }] });
    }
    expect((await get(`/reports/annual-report/${CODE}/2017.txt`)).status).toBe(404);
    expect((await get(`/reports/annual-report/${CODE}/2017.html/x`)).status).toBe(404);
    expect(executed).toEqual([]);
  });

  it('puts nothing of a crafted path in a header, and executes nothing for it', async () => {
    executed.length = 0;
    const crafted = [
      `${CODE}%0D%0Aset-cookie:%20x=1`, // header injection
      `${CODE}%22%3B%20filename%3D%22x.exe`, // a second filename
      `${CODE}%2F..%2F..`, // an encoded slash
      `${CODE.slice(0, -1)}%${CODE.charCodeAt(CODE.length - 1).toString(16)}`, // the code with its last character percent-encoded: never decoded into a match
      'A'.repeat(64),
    ];
    for (const code of crafted) {
      const res = await get(`/reports/annual-report/${code}/2017.html`);
      expect(res.status, code).toBe(404);
      expect(res.headers.get('content-disposition'), code).toBeNull();
      expect(res.headers.get('set-cookie'), code).toBeNull();
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
    // Longer than any code: not matched at all.
    expect((await get(`/reports/annual-report/${'9'.repeat(4000)}/2017.html`)).status).toBe(404);
    expect((await get(`/reports/annual-report/${CODE}/${'2'.repeat(4000)}.html`)).status).toBe(404);
    expect(executed).toEqual([]);
  });

  it('is downloaded with GET only: any other method is 405, executing nothing', async () => {
    executed.length = 0;
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const res = await fetch(`${base}/reports/annual-report/${CODE}/2017.html`, { method, body: method === 'DELETE' ? undefined : '{"query":"{ __typename }"}' });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('GET');
      expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'METHOD_NOT_ALLOWED' } }] });
    }
    expect(executed).toEqual([]);
  });

  it('answers the graph’s own refusals with their status', async () => {
    script = () => ({ data: null, errors: [{ message: 'Department "x" not found', path: ['annualReport'], extensions: { code: 'NOT_FOUND' } }] });
    expect((await get(`/reports/annual-report/${CODE}/2017.html`)).status).toBe(404);
    script = () => ({ data: null, errors: [{ message: 'year must be …', extensions: { code: 'BAD_USER_INPUT', field: 'year' } }] });
    const res = await get(`/reports/annual-report/${CODE}/2017.html`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'year' } }] });
  });

  it('renders without a department that is down, that part marked unavailable (200)', async () => {
    const down = { message: 'The consultation service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'consultation' } };
    const full = report2017();
    script = (name) => {
      if (name === 'AnnualReport' || name === 'AnnualReportConsultationAndComplaints') return { data: null, errors: [down] };
      const part = name.replace('AnnualReport', '');
      const key = part[0]!.toLowerCase() + part.slice(1);
      const fields =
        key === 'disclosure'
          ? {
              proactiveDisclosure: full.proactiveDisclosure,
              disclosureOnRequest: full.disclosureOnRequest,
              disclosureFees: full.disclosureFees,
              disclosureReviews: full.disclosureReviews,
            }
          : { [key]: full[key as keyof typeof full] };
      return { data: { annualReport: { departmentCode: CODE, year: 2017, ...fields } } };
    };
    executed.length = 0;
    const res = await get(`/reports/annual-report/${CODE}/2017.html`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-report-unavailable')).toBe('consultationAndComplaints');
    const html = await res.text();
    expect(html).toContain('咨询投诉系统未能应答（consultation）');
    expect(html).toContain('1,444');
    expect(html).toContain('20,000');
    expect(html).toContain('38,229');
    expect(executed[0]).toBe('AnnualReport');
    expect(executed.slice(1).sort()).toEqual(
      ['AnnualReportDepartment', 'AnnualReportCatalogOverview', 'AnnualReportCaseOverview', 'AnnualReportDisclosure', 'AnnualReportConsultationAndComplaints'].sort(),
    );
  });

  it('answers 503 when no part can be read (disclosure, which owns the report, down)', async () => {
    script = () => ({ data: null, errors: [{ message: 'The disclosure service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'disclosure' } }] });
    const res = await get(`/reports/annual-report/${CODE}/2017.html`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ errors: [{ extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } }] });
  });

  it('is refused as the plugins refuse it (the rate limit)', async () => {
    refuseRequest = new RequestRefusal(429, 'RATE_LIMITED', 'Too many requests', { retryAfterSeconds: 5 }, { 'retry-after': '5' });
    try {
      const res = await get(`/reports/annual-report/${CODE}/2017.html`);
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      refuseRequest = undefined;
    }
  });
});
