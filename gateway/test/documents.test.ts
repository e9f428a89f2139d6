import { createHash } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeServer, listen } from '@govgraph/kit';
import { BodyDigest, verifyBodyTrailer, verifyRouteRequest, type Claims } from '@govgraph/kit/trust';
import { InvalidTokenError } from '../src/auth/verify-token.js';
import type { RunningGateway } from '../src/server.js';
import { startGateway, TEST_TRUST } from './helpers/start-gateway.js';

const LIMIT = 1024 * 1024;
const claims: Claims = { accountId: 'A-1', personId: 'P-000001', applicantId: 'E-000001', roles: ['citizen'], department: null };

interface SeenUpload {
  target: string;
  claims: Claims | null;
  complete: boolean;
  size: number;
  sha256: string;
  trailer: { ok: boolean };
}

/** The applications subgraph's documents endpoint as the gateway sees it: checks what kit checks, records it. */
async function startFakeDocuments() {
  const uploads: SeenUpload[] = [];
  let mode: 'ok' | 'refuse-signature' | 'fail' = 'ok';
  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const header = (name: string) => req.headers[name] as string | undefined;
    const verified = verifyRouteRequest(TEST_TRUST, 'applications', header, { method: req.method!, target: req.url! });
    if (!verified.ok || mode === 'refuse-signature') {
      res.writeHead(401, { 'content-type': 'application/json', connection: 'close' });
      return void res.end(JSON.stringify({ errors: [{ message: 'refused', extensions: { code: 'UNAUTHENTICATED' } }] }));
    }
    if (mode === 'fail') {
      res.writeHead(500, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
    }
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '8', 'x-content-type-options': 'nosniff', 'x-internal': 'secret' });
      return void res.end('%PDF-1.7');
    }
    const digest = new BodyDigest();
    const seen: SeenUpload = { target: req.url!, claims: verified.claims, complete: false, size: 0, sha256: '', trailer: { ok: false } };
    uploads.push(seen);
    try {
      for await (const chunk of req as AsyncIterable<Buffer>) digest.update(chunk);
    } catch {
      return; // cut off by the gateway
    }
    Object.assign(seen, {
      complete: req.complete,
      size: digest.size,
      sha256: digest.sha256(),
      trailer: verifyBodyTrailer(TEST_TRUST, (name) => req.trailers[name], {
        requestId: verified.requestId,
        signature: verified.signature,
        size: digest.size,
        sha256: digest.sha256(),
      }),
    });
    res.writeHead(201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ document: { id: 'D-1', size: digest.size } }));
  };
  // Not awaited: a throw in answer() is an unhandled rejection, which vitest reports as an error of the run.
  const server: Server = createServer((req, res) => void answer(req, res));
  const url = await listen(server, 0, '127.0.0.1');
  return { url, uploads, setMode: (m: typeof mode) => void (mode = m), close: () => closeServer(server, 0) };
}

/** Sends `total` bytes in 64 KiB chunks with node:http; resolves with the answer (and whether 100 Continue came). */
function send(url: string, options: { total: number; headers?: Record<string, string>; waitForContinue?: boolean }) {
  return new Promise<{ status: number; body: any; continued: boolean }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: options.headers });
    let continued = false;
    let answered = false;
    let sent = 0;
    req.on('continue', () => {
      continued = true;
      write();
    });
    req.on('response', (res: IncomingMessage) => {
      answered = true;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(text), continued });
        req.destroy();
      });
    });
    req.on('error', (error) => !answered && reject(error));
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    function write(): void {
      while (!answered && sent < options.total) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    }
    if (options.waitForContinue) req.flushHeaders();
    else write();
  });
}

describe('gateway documents endpoint', () => {
  let documents: Awaited<ReturnType<typeof startFakeDocuments>>;
  let gateway: RunningGateway;

  beforeAll(async () => {
    documents = await startFakeDocuments();
    gateway = await startGateway(
      { APPLICATIONS_URL: `${documents.url}/graphql`, GATEWAY_MAX_UPLOAD_BYTES: String(LIMIT) },
      {
        verifyToken: async (token) => {
          if (token === 'good') return claims;
          throw new InvalidTokenError('ERR_JWS_INVALID');
        },
      },
    );
  });
  afterAll(async () => {
    await gateway?.close();
    await documents?.close();
  });
  beforeEach(() => {
    documents.uploads.splice(0);
    documents.setMode('ok');
  });

  it('streams the body to the subgraph, signed, with its size and hash in a signed trailer', async () => {
    const total = LIMIT - 10;
    const answer = await send(`${gateway.url}/documents`, {
      total,
      headers: { authorization: 'Bearer good', 'x-filename': encodeURIComponent('营业执照 副本.pdf') },
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ document: { id: 'D-1', size: total } });
    expect(documents.uploads).toEqual([
      {
        target: `/documents?filename=${new URLSearchParams({ filename: '营业执照 副本.pdf' }).toString().slice('filename='.length)}`,
        claims,
        complete: true,
        size: total,
        sha256: createHash('sha256').update(Buffer.alloc(total, 0x61)).digest('hex'),
        trailer: { ok: true },
      },
    ]);
  });

  it('refuses a declared size over the limit with 413 at once, before reading or forwarding anything', async () => {
    const answer = await send(`${gateway.url}/documents?filename=a.pdf`, {
      total: LIMIT + 1,
      headers: { authorization: 'Bearer good', 'content-length': String(LIMIT + 1), expect: '100-continue' },
      waitForContinue: true,
    });
    expect(answer.status).toBe(413);
    expect(answer.continued).toBe(false);
    expect(answer.body.errors[0]).toEqual({
      message: 'The document is larger than 1 MiB (1048576 bytes)',
      extensions: { code: 'BAD_USER_INPUT', reason: 'TOO_LARGE', limitBytes: LIMIT },
    });
    expect(documents.uploads).toEqual([]);
  });

  it('lets a client that waits for 100 Continue send its body once it passed the checks', async () => {
    const answer = await send(`${gateway.url}/documents?filename=a.pdf`, {
      total: 1000,
      headers: { authorization: 'Bearer good', 'content-length': '1000', expect: '100-continue' },
      waitForContinue: true,
    });
    expect(answer).toMatchObject({ status: 201, continued: true });
  });

  it('cuts off a chunked body at the limit: 413, and the subgraph never gets a complete upload', async () => {
    const answer = await send(`${gateway.url}/documents?filename=a.pdf`, { total: 3 * LIMIT, headers: { authorization: 'Bearer good' } });
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LARGE' });
    await vi.waitFor(() => expect(documents.uploads).toHaveLength(1));
    expect(documents.uploads[0]!.complete).toBe(false);
  });

  it('refuses an anonymous caller and a bad token with 401, forwarding nothing', async () => {
    const anonymous = await send(`${gateway.url}/documents?filename=a.pdf`, { total: 100 });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const bad = await send(`${gateway.url}/documents?filename=a.pdf`, { total: 100, headers: { authorization: 'Bearer forged' } });
    expect(bad.status).toBe(401);
    const download = await fetch(`${gateway.url}/documents/D-1`);
    expect(download.status).toBe(401);
    expect(documents.uploads).toEqual([]);
  });

  it('relays a download with the document headers only', async () => {
    const response = await fetch(`${gateway.url}/documents/D-1`, { headers: { authorization: 'Bearer good' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('%PDF-1.7');
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-internal')).toBeNull();
    const odd = await fetch(`${gateway.url}/documents/..%2Fsecrets`, { headers: { authorization: 'Bearer good' } });
    expect(odd.status).toBe(404);
  });

  it('turns a refused signature or a failure in the subgraph into DOWNSTREAM_SERVICE_ERROR, without details', async () => {
    for (const mode of ['refuse-signature', 'fail'] as const) {
      documents.setMode(mode);
      const response = await fetch(`${gateway.url}/documents/D-1`, { headers: { authorization: 'Bearer good' } });
      expect(response.status).toBe(502);
      expect(await response.json()).toEqual({
        errors: [{ message: 'The applications service is unavailable', extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'applications' } }],
      });
    }
  });
});

describe('gateway documents endpoint with the applications subgraph down', () => {
  it('answers 502 DOWNSTREAM_SERVICE_ERROR', async () => {
    const gateway = await startGateway({ APPLICATIONS_URL: 'http://127.0.0.1:1/graphql' }, { verifyToken: async () => claims });
    try {
      const upload = await fetch(`${gateway.url}/documents?filename=a.pdf`, { method: 'POST', headers: { authorization: 'Bearer x' }, body: '%PDF-1.7' });
      expect(upload.status).toBe(502);
      expect(((await upload.json()) as any).errors[0].extensions).toEqual({ code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'applications' });
    } finally {
      await gateway.close();
    }
  });
});
