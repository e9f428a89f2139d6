import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { MemoryRateLimiter, createRateLimiter, type RateLimiter } from '../src/rate-limit/index.js';

const rule = { limit: 3, windowSeconds: 60 };

/** Lines logged at warn level or above, and every line, from a logger writing into memory. */
function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { log: createLogger('test', 'debug', sink), lines };
}

/**
 * A "Redis" that completes the client's handshake (every command answered +OK) and then never
 * answers EVAL — a server that hangs rather than refuses — until `speak()`: then it answers every
 * EVAL, those it held back first, as a fresh window (count = the weight, 60 s left).
 */
async function hangingRedis() {
  const state = { silent: true, evals: 0 };
  const sockets = new Set<net.Socket>();
  const held: Array<() => void> = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // Each command is an array of bulk strings: *N\r\n then N × ($len\r\n value\r\n).
      for (;;) {
        const parsed = readCommand(buffer);
        if (!parsed) break;
        buffer = buffer.slice(parsed.length);
        if (parsed.args[0]?.toUpperCase() !== 'EVAL') socket.write('+OK\r\n');
        else {
          state.evals += 1;
          const answer = () => void socket.write(`*2\r\n:${parsed.args.at(-1)}\r\n:60000\r\n`);
          if (state.silent) held.push(answer);
          else answer();
        }
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `redis://127.0.0.1:${port}`,
    state,
    speak() {
      state.silent = false;
      for (const answer of held.splice(0)) answer();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readCommand(buffer: string): { args: string[]; length: number } | undefined {
  let at = 0;
  const line = () => {
    const end = buffer.indexOf('\r\n', at);
    if (end < 0) return undefined;
    const value = buffer.slice(at, end);
    at = end + 2;
    return value;
  };
  const header = line();
  if (header === undefined || !header.startsWith('*')) return undefined;
  const args: string[] = [];
  for (let i = 0; i < Number(header.slice(1)); i++) {
    const size = line();
    if (size === undefined) return undefined;
    const length = Number(size.slice(1));
    if (buffer.length < at + length + 2) return undefined;
    args.push(buffer.slice(at, at + length));
    at += length + 2;
  }
  return { args, length: at };
}

describe('rate limiter weights', () => {
  it('counts a weighted hit as that many hits', async () => {
    const limiter = new MemoryRateLimiter(() => 0);
    expect((await limiter.hit('k', rule, 3)).count).toBe(3);
    expect((await limiter.hit('k', rule)).count).toBe(4);
  });
});

describe('Redis rate limiter when Redis hangs', () => {
  const closing: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const close of closing) await close();
  });

  it('gives up after the timeout, counts in memory, and logs the outage once and its end once', async () => {
    const redis = await hangingRedis();
    const { log, lines } = capturingLogger();
    // 400 ms, not less: once Redis speaks again its answer must beat the timeout even on a loaded CI machine.
    const limiter: RateLimiter = createRateLimiter({ redisUrl: redis.url, prefix: 't:', log, timeoutMs: 400 });
    closing.push(() => limiter.close(), redis.close);

    const started = performance.now();
    for (let i = 1; i <= 4; i++) expect((await limiter.hit('k', rule)).count).toBe(i);
    expect(redis.state.evals).toBe(4);
    expect(performance.now() - started).toBeLessThan(4 * 400 + 3_000);
    const warnings = lines.filter((line) => line.msg.startsWith('rate limiter: Redis unavailable'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.level).toBe(40);

    redis.speak();
    expect((await limiter.hit('k', rule, 2)).count).toBe(2);
    expect(lines.filter((line) => line.msg.startsWith('rate limiter: Redis answers again'))).toHaveLength(1);
  });
});
