import { request, type Agent } from 'node:http';
import { signRequest, TrustHeader, type PartyKeys } from '@govgraph/kit/trust';
import type { Credentials } from './credentials.js';
import { SUBGRAPH_NAMES, type HostileInput, type Role } from './hostile-input.js';

export interface Answer {
  /** HTTP status, or null when the connection was dropped before an answer was complete. */
  status: number | null;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Why the connection failed (ECONNRESET, socket hang up, timeout). */
  dropped?: string;
}

export interface Endpoints {
  gateway: string;
  subgraphs: Record<string, string>;
}

/** Body bytes, with the signature headers a subgraph input asks for. */
function prepare(input: HostileInput, credentials: Credentials): { headers: Record<string, string>; body: Buffer | undefined } {
  const headers: Record<string, string> = { ...input.headers };
  const body = input.bodyBase64 !== undefined ? Buffer.from(input.bodyBase64, 'base64') : input.body !== undefined ? Buffer.from(input.body, 'utf8') : undefined;
  if (input.target === 'gateway') {
    if (input.auth !== 'anonymous' && headers.authorization === undefined) headers.authorization = `Bearer ${credentials.tokens[input.auth]}`;
    return { headers, body };
  }
  const claims = credentials.claims[input.auth as Role] ?? null;
  const text = body?.toString('utf8') ?? '';
  const requestId = `hostile-${input.index}`;
  const audience = input.target;
  const gateway = credentials.keys.gateway;
  const sign = (keys: PartyKeys, over: string, options: { now?: number; audience?: string } = {}) =>
    signRequest(keys, { audience: options.audience ?? audience, requestId, claims, body: over, now: options.now });
  switch (input.signature) {
    case 'none':
      return { headers, body };
    case 'valid':
      return { headers: { ...headers, ...sign(gateway, text) }, body };
    case 'wrong-key': {
      // Every other input a department speaking as the gateway with its own key; the rest another graph's gateway.
      const keys = input.index % 2 === 0 ? credentials.keys.departments[input.target] : credentials.keys.strangerGateway;
      return { headers: { ...headers, ...sign(keys, text) }, body };
    }
    case 'other-audience': {
      // The gateway's signature, made for the next subgraph along: a request lifted from one department to another.
      const other = SUBGRAPH_NAMES[(SUBGRAPH_NAMES.indexOf(input.target) + 1) % SUBGRAPH_NAMES.length]!;
      return { headers: { ...headers, ...sign(gateway, text, { audience: other }) }, body };
    }
    case 'stale':
      // A captured request replayed two minutes later.
      return { headers: { ...headers, ...sign(gateway, text, { now: Date.now() - 120_000 }) }, body };
    case 'future':
      return { headers: { ...headers, ...sign(gateway, text, { now: Date.now() + 120_000 }) }, body };
    case 'other-body':
      // A captured signature replayed with another body.
      return { headers: { ...headers, ...sign(gateway, '{"query":"{ __typename }"}') }, body };
    case 'forged-claims': {
      const signed = sign(gateway, text);
      const forged = Buffer.from(JSON.stringify({ ...claims, applicantId: 'P-000001', personId: 'P-000001', roles: ['officer'] })).toString('base64url');
      return { headers: { ...headers, ...signed, [TrustHeader.claims]: forged }, body };
    }
    default: {
      // The gateway's key id on a signature of the right shape that is not one, and a timestamp that is not a time.
      const signed = sign(gateway, text);
      const kid = signed[TrustHeader.signature].split('.')[0]!;
      return { headers: { ...headers, ...signed, [TrustHeader.signature]: `${kid}.${'x'.repeat(86)}`, [TrustHeader.timestamp]: 'yesterday' }, body };
    }
  }
}

/** Sends one input over real HTTP and reads the whole answer; never throws. */
export function sendInput(input: HostileInput, endpoints: Endpoints, credentials: Credentials, agent: Agent, timeoutMs = 30_000): Promise<Answer> {
  const base = input.target === 'gateway' ? endpoints.gateway : endpoints.subgraphs[input.target]!;
  const { headers, body } = prepare(input, credentials);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (!settled) {
        settled = true;
        resolve(answer);
      }
    };
    let req;
    try {
      // A Content-Length that lies breaks the framing of its own connection: it gets one of its own,
      // so that the next input is not read as the rest of its body.
      const ownConnection = Object.keys(headers).some((name) => name.toLowerCase() === 'content-length');
      req = request(new URL(input.path, base), { method: input.method, headers, agent: ownConnection ? false : agent, timeout: timeoutMs });
    } catch (error) {
      // Node refused to send it at all (an invalid header): nothing reached the server.
      return finish({ status: 0, headers: {}, body: `not sent: ${(error as Error).message}` });
    }
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => finish({ status: res.statusCode ?? null, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (error) => finish({ status: null, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), dropped: error.message }));
      res.on('aborted', () => finish({ status: null, headers: res.headers, body: '', dropped: 'answer aborted' }));
    });
    req.on('timeout', () => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ status: null, headers: {}, body: '', dropped: error.code ?? error.message });
    });
    if (body && body.length > 0) req.write(body);
    req.end();
  });
}
