import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/**
 * The portal client's address, for per-address rate limits. Behind a reverse proxy every request
 * comes from the proxy, so X-Forwarded-For is believed — but only when the request arrives from
 * one of the configured trusted proxies, and only as far as the last hop they added; anyone else
 * could write any address into the header.
 */
export function clientAddress(req: IncomingMessage, trustedProxies: ReadonlySet<string>): string | null {
  const peer = normalise(req.socket.remoteAddress ?? '');
  if (!peer) return null;
  if (!trustedProxies.has(peer)) return peer;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((hop) => normalise(hop.trim()))
    .filter((hop): hop is string => Boolean(hop));
  // Walk back from the nearest hop past our own proxies: the first address they did not add.
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(hops[i]!)) return hops[i]!;
  }
  return peer;
}

/** ::ffff:127.0.0.1 and 127.0.0.1 are the same client; anything that is not an IP is ignored. */
function normalise(address: string): string | null {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIP(plain) ? plain : null;
}
