import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATIONS_DIR } from '@govgraph/schema';

/**
 * What one request through the gateway came to, as a fault test counts it:
 * - `ok`: data and no error;
 * - `partial`: data and errors (some department failed, the others answered);
 * - `error`: errors and no data;
 * - `http`: an HTTP status ≥ 500, or a body that is not GraphQL;
 * - `transport`: no answer at all (refused, reset, timed out).
 */
export type OutcomeKind = 'ok' | 'partial' | 'error' | 'http' | 'transport';

export interface Outcome {
  op: string;
  /** When the request started (ms since the epoch) and how long it took. */
  at: number;
  ms: number;
  kind: OutcomeKind;
  status: number;
  /** Each error as `CODE` or `CODE:serviceName`, e.g. `DOWNSTREAM_SERVICE_ERROR:licences`. */
  codes: string[];
  body: any;
}

export function operationText(file: string): string {
  return readFileSync(join(OPERATIONS_DIR, file), 'utf8');
}

/** One GraphQL POST, never throwing: every way it can end is an Outcome. */
export async function callGraph(op: string, url: string, body: { query: string; variables?: Record<string, unknown> }, token?: string, timeoutMs = 30_000): Promise<Outcome> {
  const at = Date.now();
  const started = performance.now();
  const done = (kind: OutcomeKind, status: number, codes: string[], json: any): Outcome => ({ op, at, ms: performance.now() - started, kind, status, codes, body: json });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return done('transport', 0, [String(cause)], null);
  }
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    return done('http', response.status, [`NON_JSON_${response.status}`], text.slice(0, 200));
  }
  const codes = ((json.errors ?? []) as Array<{ extensions?: { code?: string; serviceName?: string } }>).map((e) =>
    [e.extensions?.code ?? 'NO_CODE', e.extensions?.serviceName].filter(Boolean).join(':'),
  );
  if (response.status >= 500) return done('http', response.status, codes, json);
  if (codes.length === 0) return done(json.data ? 'ok' : 'error', response.status, codes, json);
  return done(json.data ? 'partial' : 'error', response.status, codes, json);
}

export async function login(gatewayGraphqlUrl: string, username: string, password = 'demo'): Promise<string> {
  const outcome = await callGraph('login', gatewayGraphqlUrl, { query: operationText('login.graphql'), variables: { username, password } });
  const token = outcome.body?.data?.login?.token;
  if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(outcome.body)}`);
  return token;
}

/** An outcome as one label for tables: `ok`, `partial DOWNSTREAM_SERVICE_ERROR:licences`, `transport ECONNREFUSED`. */
export function label(outcome: Outcome): string {
  return outcome.kind === 'ok' ? 'ok' : `${outcome.kind} ${[...new Set(outcome.codes)].sort().join(',') || outcome.status}`;
}
