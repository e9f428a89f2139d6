import type { IncomingHttpHeaders } from 'node:http';

/** Statuses whose answers have no body. */
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The read-only Headers a subgraph answer needs (get, has, iteration), over the header object
 * node:http already parsed: no WHATWG Headers validation and copying for every fetch.
 */
export class PooledHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  *entries(): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)!];
  }

  *keys(): IterableIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): IterableIterator<string> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: string, name: string, headers: PooledHeaders) => void): void {
    for (const [name, value] of this.entries()) callback(value, name, this);
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

/**
 * A subgraph's whole answer, already read: the part of fetch's Response that @apollo/gateway
 * and the readiness probe use (status, ok, headers, url, json, text, arrayBuffer). Built
 * directly from the bytes, without the stream and validation a WHATWG Response sets up.
 */
export class PooledResponse {
  readonly ok: boolean;
  readonly redirected = false;
  readonly type = 'basic';
  private used = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: PooledHeaders,
    private readonly body: Buffer,
  ) {
    this.ok = status >= 200 && status < 300;
    if (NULL_BODY_STATUSES.has(status)) this.body = Buffer.alloc(0);
  }

  /** A fresh, unread answer over the same bytes (one fetch shared by several waiters). */
  clone(): PooledResponse {
    if (this.used) throw new TypeError('Response body is already used');
    return new PooledResponse(this.url, this.status, this.statusText, this.headers, this.body);
  }

  get bodyUsed(): boolean {
    return this.used;
  }

  async text(): Promise<string> {
    return this.consume().toString('utf8');
  }

  async json(): Promise<unknown> {
    return JSON.parse(this.consume().toString('utf8'));
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.consume();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** Like a Response, the body can be read once. */
  private consume(): Buffer {
    if (this.used) throw new TypeError('Body is unusable: Body has already been read');
    this.used = true;
    return this.body;
  }
}
