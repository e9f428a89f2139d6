import { checkResponse } from '../../load/check-response.js';
import { maskVolatile } from '../workloads/volatile-fields.js';
import type { BenchRequest } from '../workloads/workload.js';

export interface AnswerCheck {
  checked: number;
  wrong: Array<{ request: string; difference: string }>;
}

/**
 * Sends each request of the mix once and compares the whole JSON answer with the expected one,
 * outside the request's volatile paths (values that change per call, e.g. a read timestamp).
 */
export async function checkAnswers(graphqlUrl: string, requests: BenchRequest[]): Promise<AnswerCheck> {
  const wrong: AnswerCheck['wrong'] = [];
  for (const request of requests) {
    try {
      const response = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...request.headers },
        body: JSON.stringify(request.body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = maskVolatile(JSON.parse(text), request.volatile);
      } catch {
        // not JSON: checkResponse says so
      }
      const result = checkResponse(request.expected, parsed);
      if (response.status !== 200) wrong.push({ request: request.name, difference: `HTTP ${response.status}: ${text.slice(0, 160)}` });
      else if (!result.ok) wrong.push({ request: request.name, difference: result.difference! });
    } catch (error) {
      wrong.push({ request: request.name, difference: `no answer: ${(error as Error).message}` });
    }
  }
  return { checked: requests.length, wrong };
}
