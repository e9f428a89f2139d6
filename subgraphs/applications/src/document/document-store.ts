import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BodyDigest } from '@govgraph/kit/trust';
import { SNIFF_BYTES, sniffMediaType } from './media-type.js';

export class DocumentTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`document larger than ${limitBytes} bytes`);
    this.name = 'DocumentTooLargeError';
  }
}

export class EmptyDocumentError extends Error {
  constructor() {
    super('document is empty');
    this.name = 'EmptyDocumentError';
  }
}

export class MediaTypeNotAllowedError extends Error {
  /** What the content looked like, e.g. "a Windows executable". */
  constructor(readonly detected: string) {
    super(`document content is ${detected}`);
    this.name = 'MediaTypeNotAllowedError';
  }
}

export interface StoredBlob {
  sha256: string;
  size: number;
  /** Sniffed from the content. */
  mediaType: string;
  /** False when the same content was already stored (by anyone): the new copy was dropped. */
  created: boolean;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Document content, addressed by its SHA-256: `<dataDir>/documents/<first two hex>/<sha256>`.
 * A body is written to a temp file in `documents/tmp` while it is hashed, counted and sniffed,
 * and linked into place only once it has ended well, so a refused, cut-off or forged upload
 * leaves nothing behind; identical content is stored once.
 */
export class DocumentStore {
  readonly root: string;
  readonly tmpDir: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'documents');
    this.tmpDir = join(this.root, 'tmp');
  }

  blobPath(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /**
   * Stores the body unless it is empty, larger than maxBytes (refused as soon as it passes the
   * limit) or not an allowed kind by its first bytes (refused as soon as they arrived). The
   * body stream's own failure (a bad gateway signature at its end) refuses it too.
   */
  async put(body: Readable, options: { maxBytes: number }): Promise<StoredBlob> {
    await mkdir(this.tmpDir, { recursive: true });
    const temp = join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const digest = new BodyDigest();
    let head = Buffer.alloc(0);
    let mediaType: string | undefined;
    const classify = (): Error | null => {
      const sniffed = sniffMediaType(head);
      if (!sniffed.allowed) return new MediaTypeNotAllowedError(sniffed.detected);
      mediaType = sniffed.mediaType;
      return null;
    };
    const inspect = new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        if (digest.size + chunk.length > options.maxBytes) return done(new DocumentTooLargeError(options.maxBytes));
        digest.update(chunk);
        if (mediaType === undefined) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length >= SNIFF_BYTES) {
            const refused = classify();
            if (refused) return done(refused);
          }
        }
        done(null, chunk);
      },
      flush(done: TransformCallback) {
        if (digest.size === 0) return done(new EmptyDocumentError());
        done(mediaType === undefined ? classify() : null);
      },
    });
    try {
      const file = await open(temp, 'wx', 0o600);
      // The stream owns the handle: closed at the end or on failure, flushed to disk first.
      await pipeline(body, inspect, file.createWriteStream({ flush: true }));
      const sha256 = digest.sha256();
      const final = this.blobPath(sha256);
      await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
      let created = true;
      try {
        // link() fails if the blob exists: then the same bytes are there already.
        await link(temp, final);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        created = false;
      }
      return { sha256, size: digest.size, mediaType: mediaType!, created };
    } finally {
      await rm(temp, { force: true });
    }
  }

  /** The stored content, or null when there is none under that hash. */
  async open(sha256: string): Promise<{ stream: Readable; size: number } | null> {
    const path = this.blobPath(sha256);
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), size };
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.blobPath(sha256), { force: true });
  }

  /** Temp files older than maxAgeMs: what a crashed process left. Removed at start. */
  async sweepTemp(maxAgeMs = 60 * 60_000, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.tmpDir);
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      const path = join(this.tmpDir, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > maxAgeMs) {
        await rm(path, { force: true });
        removed += 1;
      }
    }
    return removed;
  }
}
