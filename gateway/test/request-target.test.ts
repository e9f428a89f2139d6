import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../src/server.js';
import { startGateway } from './helpers/start-gateway.js';

/** Writes `head` to the gateway over a bare socket and resolves with the first line of its answer. */
function rawStatusLine(url: string, head: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let text = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('data', (chunk) => {
      text += String(chunk);
      if (text.includes('\r\n')) {
        resolve(text.slice(0, text.indexOf('\r\n')));
        socket.destroy();
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`connection closed after ${JSON.stringify(text)}`)));
  });
}

/**
 * `GET //` is a target node:http accepts and `new URL` refuses: thrown before the handler's
 * try, it was an unhandled rejection, and one anonymous request stopped the gateway.
 */
describe('a request target that is no path', () => {
  let gateway: RunningGateway;
  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'development' });
  });
  afterAll(async () => gateway?.close());

  it('is answered 404, also when it asks for 100-continue, and the gateway goes on answering', async () => {
    expect(await rawStatusLine(gateway.url, 'GET // HTTP/1.1\r\nHost: x\r\n\r\n')).toBe('HTTP/1.1 404 Not Found');
    const expectContinue = 'POST //x:y@ HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n';
    expect(await rawStatusLine(gateway.url, expectContinue)).toMatch(/^HTTP\/1\.1 (100 Continue|404 Not Found)$/);
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
