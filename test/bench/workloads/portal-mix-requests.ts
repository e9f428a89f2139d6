import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { BenchRequest } from './workload.js';
import { maskVolatile } from './volatile-fields.js';

const OPERATIONS_DIR = fileURLToPath(new URL('../../../schema/operations/', import.meta.url));

/** A contract operation's text, exactly as the portal sends it. */
function operation(file: string): string {
  return readFileSync(`${OPERATIONS_DIR}${file}`, 'utf8');
}

/** Posts to a gateway; the answer's status and parsed JSON. */
export type Post = (body: BenchRequest['body'], headers?: Record<string, string>) => Promise<{ status: number; json: any }>;

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** StartForm's facts carry the moment identity and licences read them: now, on every call. */
const START_FORM_VOLATILE = ['data.prefill.fields[].provenance.retrievedAt'];

/**
 * The signed-in portal mix over the demo data: five contract operations, three variants each,
 * from three applicants — zhangsan, lisi, and wangwu acting for his company — interleaved so
 * consecutive requests differ. Tokens come from the contract `login` and `actAs` mutations through
 * the given gateway; they live an hour (identity's token lifetime), longer than a benchmark run.
 * Application ids are read from each applicant's MyHome, not assumed.
 */
export async function portalMixRequests(post: Post): Promise<Array<Omit<BenchRequest, 'expected'>>> {
  const login = async (username: string) => {
    const { json } = await post({ query: operation('login.graphql'), variables: { username, password: 'demo' }, operationName: 'Login' });
    const token = json?.data?.login?.token;
    if (typeof token !== 'string') throw new Error(`portal mix: login as ${username} failed: ${JSON.stringify(json).slice(0, 300)}`);
    return token;
  };
  const zhangsan = await login('zhangsan');
  const lisi = await login('lisi');
  const acted = await post({ query: operation('act-as.graphql'), variables: { enterpriseId: 'E-000001' }, operationName: 'ActAs' }, bearer(await login('wangwu')));
  const company = acted.json?.data?.actAs?.token;
  if (typeof company !== 'string') throw new Error(`portal mix: wangwu could not act for E-000001: ${JSON.stringify(acted.json).slice(0, 300)}`);

  const myHome = (who: string, token: string) => ({ name: `MyHome (${who})`, body: { query: operation('my-home.graphql'), operationName: 'MyHome' }, headers: bearer(token) });
  const applicationIds = async (token: string): Promise<string[]> => {
    const { json } = await post(myHome('', token).body, bearer(token));
    return (json?.data?.me?.applications?.edges ?? []).map((edge: { node: { id: string } }) => edge.node.id);
  };
  const [zhangsanCase1, zhangsanCase2] = await applicationIds(zhangsan);
  const [companyCase] = await applicationIds(company);
  if (!zhangsanCase1 || !zhangsanCase2 || !companyCase) {
    throw new Error('portal mix: the demo data has fewer applications than expected (zhangsan 2, 深圳市示例科技有限公司 1)');
  }

  const search = (text: string, token: string) => ({
    name: `SearchCatalog (${text})`,
    body: { query: operation('search-catalog.graphql'), variables: { filter: { text }, first: 10 }, operationName: 'SearchCatalog' },
    headers: bearer(token),
  });
  const guide = (code: string, token: string) => ({
    name: `MatterGuide (${code})`,
    body: { query: operation('matter-guide.graphql'), variables: { code }, operationName: 'MatterGuide' },
    headers: bearer(token),
  });
  const startForm = (who: string, matterCode: string, token: string) => ({
    name: `StartForm (${who}, ${matterCode})`,
    body: { query: operation('start-form.graphql'), variables: { matterCode }, operationName: 'StartForm' },
    headers: bearer(token),
    volatile: START_FORM_VOLATILE,
  });
  const detail = (who: string, id: string, token: string) => ({
    name: `ApplicationDetail (${who}, ${id})`,
    body: { query: operation('application-detail.graphql'), variables: { id }, operationName: 'ApplicationDetail' },
    headers: bearer(token),
  });

  return [
    myHome('zhangsan', zhangsan),
    search('驾驶证', zhangsan),
    guide('JJ-0101', zhangsan),
    startForm('zhangsan', 'JJ-0101', zhangsan),
    detail('zhangsan', zhangsanCase1, zhangsan),
    myHome('lisi', lisi),
    search('出生', lisi),
    guide('JJ-0102', lisi),
    startForm('lisi', 'JJ-0101', lisi),
    detail('zhangsan', zhangsanCase2, zhangsan),
    myHome('company', company),
    search('食品', company),
    guide('SCJG-0201', company),
    startForm('company', 'SCJG-0203', company),
    detail('company', companyCase, company),
  ];
}

/**
 * Each request's answer, recorded through a gateway: sent twice, it must come back 200, without
 * errors, and the same both times (outside its volatile paths) — or the mix is no benchmark.
 */
export async function recordExpected(post: Post, requests: Array<Omit<BenchRequest, 'expected'>>): Promise<BenchRequest[]> {
  const recorded: BenchRequest[] = [];
  for (const request of requests) {
    const first = await post(request.body, request.headers);
    const second = await post(request.body, request.headers);
    for (const answer of [first, second]) {
      if (answer.status !== 200 || answer.json?.errors || !answer.json?.data) {
        throw new Error(`portal mix: ${request.name} answered ${answer.status} ${JSON.stringify(answer.json).slice(0, 400)}`);
      }
    }
    const expected = maskVolatile(first.json, request.volatile);
    if (!isDeepStrictEqual(expected, maskVolatile(second.json, request.volatile))) {
      throw new Error(`portal mix: ${request.name} answers differently from one call to the next`);
    }
    recorded.push({ ...request, expected });
  }
  return recorded;
}
