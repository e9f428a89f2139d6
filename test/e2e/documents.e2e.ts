import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEPARTMENTS } from '@govgraph/kit';
import { POSTGRES_URL, postgresAvailable } from '@govgraph/kit/testing';
import { RouteTrustHeader, signBodyTrailer, signRouteRequest } from '@govgraph/kit/trust';
import { startGraph, type GraphHarness } from '../src/harness.js';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PNG_SIGNATURE = PNG.subarray(0, 8);
/** The start of a Windows executable (DOS header, "This program cannot be run in DOS mode"). */
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from('This program cannot be run in DOS mode.\r\n'), Buffer.alloc(400)]);
const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

/** Issue: documents — streamed upload through the gateway, download by the owner or a case officer. */
function documentsJourney(open: () => Promise<GraphHarness>) {
  let graph: GraphHarness;
  let zhangsan: string;
  let lisi: string;

  beforeAll(async () => {
    graph = await open();
    zhangsan = await graph.login('zhangsan');
    lisi = await graph.login('lisi');
  });
  afterAll(async () => graph?.close());

  async function upload(body: Buffer, options: { token?: string; filename?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
    const query = options.filename === undefined ? '' : `?filename=${encodeURIComponent(options.filename)}`;
    const response = await fetch(`${graph.gateway.url}/documents${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...options.headers },
      body,
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  async function download(id: string, token: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
    const response = await fetch(`${graph.gateway.url}/documents/${id}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  const documentRows = async () => (await graph.databases.applications!.db.selectFrom('document').selectAll().execute()) as Array<{ id: string; owner_id: string; sha256: string }>;
  const documentsDir = () => join(graph.dataDir, 'documents');
  const tempFiles = () => (existsSync(join(documentsDir(), 'tmp')) ? readdirSync(join(documentsDir(), 'tmp')) : []);
  const blobs = () =>
    existsSync(documentsDir())
      ? readdirSync(documentsDir())
          .filter((d) => d !== 'tmp')
          .flatMap((d) => readdirSync(join(documentsDir(), d)))
      : [];

  /**
   * Streams `total` bytes (a PNG signature, then filler) with node:http, so the test sees when the
   * gateway answers while the body is still on its way. `firstChunkOnly` sends one chunk, then waits.
   */
  function streamUpload(options: { total: number; contentLength: boolean; firstChunkOnly?: boolean }): Promise<{ status: number; body: any; sent: number }> {
    return new Promise((resolve, reject) => {
      const req = request(`${graph.gateway.url}/documents?filename=big.png`, {
        method: 'POST',
        headers: { authorization: `Bearer ${zhangsan}`, ...(options.contentLength ? { 'content-length': String(options.total) } : {}) },
      });
      let sent = 0;
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => {
          resolve({ status: res.statusCode!, body: JSON.parse(text), sent });
          req.destroy();
        });
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const filler = Buffer.alloc(256 * 1024, 0x41);
      const write = (): void => {
        while (!answered && sent < options.total) {
          const piece = sent === 0 ? Buffer.concat([PNG_SIGNATURE, filler.subarray(PNG_SIGNATURE.length)]) : filler.subarray(0, Math.min(filler.length, options.total - sent));
          sent += piece.length;
          const more = req.write(piece);
          if (options.firstChunkOnly) return;
          if (!more) return void req.once('drain', write);
        }
        if (!answered) req.end();
      };
      write();
    });
  }

  let documentId: string;

  it('uploads a PNG (201), and the same content again gives the same document (200)', async () => {
    const first = await upload(PNG, { token: zhangsan, filename: '驾驶证 照片.png' });
    expect(first.status).toBe(201);
    expect(first.body.document).toEqual({
      id: expect.stringMatching(/^D-[A-Z2-7]{16}$/),
      filename: '驾驶证 照片.png',
      mediaType: 'image/png',
      size: PNG.length,
      sha256: sha256(PNG),
      uploadedAt: expect.any(String),
    });
    documentId = first.body.document.id;
    expect(readFileSync(join(documentsDir(), sha256(PNG).slice(0, 2), sha256(PNG))).equals(PNG)).toBe(true);

    // The filename may come in a header instead (URI-encoded); same owner, same bytes: same row.
    const again = await upload(PNG, { token: zhangsan, headers: { 'x-filename': encodeURIComponent('again.png') } });
    expect(again.status).toBe(200);
    expect(again.body.document.id).toBe(documentId);
    expect((await documentRows()).filter((r) => r.sha256 === sha256(PNG))).toHaveLength(1);
  });

  it('lists it in the owner’s documents and downloads the same bytes', async () => {
    const listed = await graph.query('query { me { documents { id filename mediaType size sha256 } } }', {}, zhangsan);
    expect(listed.errors).toBeUndefined();
    expect(listed.data.me.documents).toContainEqual({ id: documentId, filename: '驾驶证 照片.png', mediaType: 'image/png', size: PNG.length, sha256: sha256(PNG) });

    const got = await download(documentId, zhangsan);
    expect(got.status).toBe(200);
    expect(got.bytes.equals(PNG)).toBe(true);
    expect(sha256(got.bytes)).toBe(sha256(PNG));
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-length')).toBe(String(PNG.length));
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(got.headers.get('repr-digest')).toBe(`sha-256=:${Buffer.from(sha256(PNG), 'hex').toString('base64')}:`);
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('驾驶证 照片.png')}`);
  });

  it('gives another citizen nothing: 404 on download, not in their list', async () => {
    const got = await download(documentId, lisi);
    expect(got.status).toBe(404);
    expect(JSON.parse(got.bytes.toString('utf8')).errors[0].extensions.code).toBe('NOT_FOUND');
    const listed = await graph.query('query { me { documents { id } } }', {}, lisi);
    expect(listed.data.me.documents).not.toContainEqual({ id: documentId });
    const anonymous = await fetch(`${graph.gateway.url}/documents/${documentId}`);
    expect(anonymous.status).toBe(401);
  });

  describe('refusals leave nothing behind', () => {
    let rowsBefore: number;
    let blobsBefore: string[];
    beforeAll(async () => {
      rowsBefore = (await documentRows()).length;
      blobsBefore = blobs();
    });

    it('refuses 21 MiB declared in Content-Length with 413 before the body is sent', async () => {
      const answer = await streamUpload({ total: 21 * MiB, contentLength: true, firstChunkOnly: true });
      expect(answer.status).toBe(413);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LARGE', limitBytes: 20 * MiB });
      expect(answer.sent).toBeLessThan(MiB);
    });

    it('cuts off a 21 MiB chunked stream at the limit', async () => {
      const answer = await streamUpload({ total: 21 * MiB, contentLength: false });
      expect(answer.status).toBe(413);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_LARGE' });
      expect(answer.sent).toBeGreaterThan(20 * MiB);
    });

    it('refuses a Windows executable renamed photo.jpg by its content', async () => {
      const answer = await upload(EXE, { token: zhangsan, filename: 'photo.jpg' });
      expect(answer.status).toBe(415);
      expect(answer.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MEDIA_TYPE_NOT_ALLOWED' });
      expect(answer.body.errors[0].message).toMatch(/Windows executable/);
      // A large one is refused from its first bytes, while the rest is still on its way.
      const large = await upload(Buffer.concat([EXE, Buffer.alloc(8 * MiB)]), { token: zhangsan, filename: 'setup.pdf' });
      expect(large.status).toBe(415);
      expect(large.body.errors[0].extensions.reason).toBe('MEDIA_TYPE_NOT_ALLOWED');
    });

    it('refuses an anonymous upload, an empty one and a filename with a path', async () => {
      const anonymous = await upload(PNG, { filename: 'a.png' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const empty = await upload(Buffer.alloc(0), { token: zhangsan, filename: 'empty.png' });
      expect(empty.status).toBe(400);
      expect(empty.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'EMPTY' });
      const path = await upload(PNG, { token: lisi, filename: '../../etc/passwd' });
      expect(path.status).toBe(400);
      expect(path.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_FILENAME' });
      const unnamed = await upload(PNG, { token: lisi });
      expect(unnamed.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'BAD_FILENAME' });
      for (const answer of [anonymous, empty, path, unnamed]) expect(JSON.stringify(answer.body)).not.toMatch(/stack|node_modules|at \w+ \(/);
    });

    it('refuses uploads straight to the subgraph: unsigned, or with a body other than the one signed', async () => {
      const subgraph = graph.subgraphs.applications!.url;
      const unsigned = await fetch(`${subgraph}/documents?filename=a.png`, { method: 'POST', body: PNG });
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await fetch(`${subgraph}/documents/${documentId}`)).status).toBe(401);

      // Signed headers and a trailer for the PNG, but another body on the wire.
      const claims = graph.claimsOf(lisi);
      const target = '/documents?filename=swapped.png';
      const headers = signRouteRequest(graph.party('gateway').keys, { audience: 'applications', requestId: 'swap-1', claims, method: 'POST', target, body: 'trailer' });
      const trailers = signBodyTrailer(graph.party('gateway').keys, { requestId: 'swap-1', signature: headers[RouteTrustHeader.signature], size: PNG.length, sha256: sha256(PNG) });
      const swapped = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(PNG.length - PNG_SIGNATURE.length, 0x42)]);
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${subgraph}${target}`, { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.write(swapped);
        req.addTrailers(trailers);
        req.end();
      });
      expect(status).toBe(401);
    });

    it('has no new row, no new blob and no temp file afterwards', async () => {
      expect((await documentRows()).length).toBe(rowsBefore);
      // A cut-off upload's temp file goes once the subgraph sees its request end.
      await vi.waitFor(() => expect(tempFiles()).toEqual([]), { timeout: 5_000, interval: 50 });
      expect(blobs()).toEqual(blobsBefore);
    });
  });

  it('lets an officer download through a case of their department, logged for the owner; others get 404', async () => {
    const police = await graph.login('officer.police');
    const market = await graph.login('officer.market');
    expect((await download(documentId, police)).status).toBe(404);

    const db = graph.databases.applications!.db;
    const number = 'JJ2026-900001';
    await db
      .insertInto('application')
      .values({
        id: 'A-DOC-1',
        number,
        applicant_id: graph.claimsOf(zhangsan).applicantId,
        submitted_by: graph.claimsOf(zhangsan).accountId,
        matter_code: 'JJ-0101',
        matter_name: '机动车驾驶证期满换证',
        department_code: DEPARTMENTS.trafficPolice.code,
        case_type: 'PROMISED',
        licensing: 1,
        promised_days: 5,
        channel: 'ONLINE',
        status: 'ACCEPTED',
        submitted_at: new Date().toISOString(),
        submitted_year: new Date().getFullYear(),
        deadline: '2099-12-31',
        paused_days: 0,
      })
      .execute();
    await db
      .insertInto('application_material')
      .values({ application_id: 'A-DOC-1', position: 0, requirement_code: 'photo', evidence_kind: 'Document', evidence_id: documentId })
      .execute();

    const byPolice = await download(documentId, police);
    expect(byPolice.status).toBe(200);
    expect(byPolice.bytes.equals(PNG)).toBe(true);
    const byMarket = await download(documentId, market);
    expect(byMarket.status).toBe(404);

    const deadline = Date.now() + 5_000;
    let entries: any[] = [];
    while (Date.now() < deadline) {
      const log = await graph.operation('my-data-access.graphql', {}, zhangsan);
      entries = log.data.me.dataAccessLog.edges.map((e: any) => e.node);
      if (entries.some((e) => e.purpose === `下载办件材料 ${number}`)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(entries.filter((e) => e.purpose.startsWith('下载办件材料'))).toEqual([
      expect.objectContaining({ accessor: '赵警官', purpose: `下载办件材料 ${number}`, department: expect.objectContaining({ code: DEPARTMENTS.trafficPolice.code }) }),
    ]);
  });
}

describe('documents through the gateway (SQLite)', () => {
  documentsJourney(() => startGraph());
});

describe.runIf(await postgresAvailable())('documents through the gateway (PostgreSQL)', () => {
  documentsJourney(() => startGraph({ postgresUrl: POSTGRES_URL }));
});
