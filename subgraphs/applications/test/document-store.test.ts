import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentStore, DocumentTooLargeError, EmptyDocumentError, MediaTypeNotAllowedError } from '../src/document/document-store.js';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The body in small chunks, as it would arrive from the network. */
function chunked(bytes: Buffer, size = 7): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
}

describe('DocumentStore', () => {
  let dataDir: string;
  let store: DocumentStore;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'documents-'));
    store = new DocumentStore(dataDir);
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const tempFiles = () => (existsSync(store.tmpDir) ? readdirSync(store.tmpDir) : []);
  const blobs = () =>
    readdirSync(join(dataDir, 'documents'))
      .filter((d) => d !== 'tmp')
      .flatMap((d) => readdirSync(join(dataDir, 'documents', d)));

  it('stores the content under its SHA-256 and sniffs its type', async () => {
    const stored = await store.put(chunked(PNG), { maxBytes: 1024 });
    expect(stored).toEqual({ sha256: sha(PNG), size: PNG.length, mediaType: 'image/png', created: true });
    const path = join(dataDir, 'documents', stored.sha256.slice(0, 2), stored.sha256);
    expect(store.blobPath(stored.sha256)).toBe(path);
    expect(readFileSync(path).equals(PNG)).toBe(true);
    expect(tempFiles()).toEqual([]);
    const opened = await store.open(stored.sha256);
    expect(opened?.size).toBe(PNG.length);
    expect((await buffer(opened!.stream)).equals(PNG)).toBe(true);
  });

  it('stores identical content once', async () => {
    const first = await store.put(chunked(PNG), { maxBytes: 1024 });
    const second = await store.put(chunked(PNG, 50), { maxBytes: 1024 });
    expect(second).toEqual({ ...first, created: false });
    expect(blobs()).toEqual([first.sha256]);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses, and leaves nothing behind: too large, empty, an executable, a failing body', async () => {
    await expect(store.put(chunked(PNG), { maxBytes: 100 })).rejects.toBeInstanceOf(DocumentTooLargeError);
    await expect(store.put(Readable.from([]), { maxBytes: 100 })).rejects.toBeInstanceOf(EmptyDocumentError);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500)]);
    await expect(store.put(chunked(exe), { maxBytes: 1024 })).rejects.toMatchObject({ detected: 'a Windows executable' });
    await expect(store.put(chunked(exe), { maxBytes: 1024 })).rejects.toBeInstanceOf(MediaTypeNotAllowedError);
    const failing = new Readable({
      read() {
        this.push(PNG.subarray(0, 100));
        this.destroy(new Error('body signature bad'));
      },
    });
    await expect(store.put(failing, { maxBytes: 1024 })).rejects.toThrow('body signature bad');
    expect(tempFiles()).toEqual([]);
    expect(blobs()).toEqual([]);
  });

  it('refuses an executable as soon as its first bytes arrived, without reading the rest', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(pulled === 1 ? Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]) : Buffer.alloc(1024));
      },
    });
    await expect(store.put(endless, { maxBytes: 10 * 1024 * 1024 })).rejects.toBeInstanceOf(MediaTypeNotAllowedError);
    expect(pulled).toBeLessThan(20);
  });

  it('sweeps stale temp files a crashed process left, not fresh ones', async () => {
    mkdirSync(store.tmpDir, { recursive: true });
    writeFileSync(join(store.tmpDir, 'old.part'), 'x');
    writeFileSync(join(store.tmpDir, 'new.part'), 'x');
    const hourAgo = (Date.now() - 2 * 60 * 60_000) / 1000;
    utimesSync(join(store.tmpDir, 'old.part'), hourAgo, hourAgo);
    expect(await store.sweepTemp()).toBe(1);
    expect(tempFiles()).toEqual(['new.part']);
  });

  it('answers null for content it does not hold and refuses a malformed hash', async () => {
    expect(await store.open(sha(Buffer.from('nothing')))).toBeNull();
    expect(() => store.blobPath('../../etc/passwd')).toThrow();
  });
});
