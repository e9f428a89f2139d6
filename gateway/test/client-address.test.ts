import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress } from '../src/client-address.js';

function request(remoteAddress: string, forwardedFor?: string): IncomingMessage {
  return { socket: { remoteAddress }, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} } as unknown as IncomingMessage;
}

describe('client address', () => {
  const proxies = new Set(['10.0.0.2', '10.0.0.3']);

  it('is the socket peer when no trusted proxy is in front, whatever the header says', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), proxies)).toBe('203.0.113.9');
    expect(clientAddress(request('::ffff:127.0.0.1'), new Set())).toBe('127.0.0.1');
  });

  it('is the first hop our proxies did not add, when a trusted proxy forwards', () => {
    expect(clientAddress(request('10.0.0.2', '198.51.100.7'), proxies)).toBe('198.51.100.7');
    // The client cannot pick its address by prepending one: the nearest untrusted hop wins.
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 198.51.100.7, 10.0.0.3'), proxies)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.2', 'garbage'), proxies)).toBe('10.0.0.2');
  });
});
