import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * A department's key to publish its own subgraph and no other: `ggpk1.<subgraph>.<mac>`, the mac
 * an HMAC-SHA256 over the subgraph's name under a key derived from the graph's shared secret.
 * The operator prints it (`npx govgraph publish-key <subgraph>`) and hands it to that department;
 * the gateway recomputes it, so nothing is stored. Rotating GOVGRAPH_SECRET rotates every key.
 */
export const PUBLISH_KEY_VERSION = 'ggpk1';

/** Subgraph names: lower-case words joined by dashes, e.g. `housing-fund`. */
export const SUBGRAPH_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

const KEY_PATTERN = /^ggpk1\.([a-z][a-z0-9-]*)\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, subgraph: string): Buffer {
  const purposeKey = createHmac('sha256', secret).update('govgraph publish key v1').digest();
  return createHmac('sha256', purposeKey).update(subgraph).digest();
}

export function publishKey(secret: string, subgraph: string): string {
  if (!SUBGRAPH_NAME.test(subgraph)) throw new Error(`"${subgraph}" is not a subgraph name (lower-case words joined by dashes)`);
  return `${PUBLISH_KEY_VERSION}.${subgraph}.${mac(secret, subgraph).toString('base64url')}`;
}

export type PublishKeyCheck =
  | { ok: true; subgraph: string }
  /** 401: no key, or not one of ours. 403: a genuine key for another subgraph. */
  | { ok: false; status: 401 | 403; reason: string };

/** Which subgraph a presented key publishes, if it is genuine. */
export function openPublishKey(secret: string, presented: string | undefined): PublishKeyCheck {
  if (!presented) return { ok: false, status: 401, reason: 'a publish key is required (Authorization: Bearer <key>)' };
  const match = KEY_PATTERN.exec(presented.trim());
  if (!match) return { ok: false, status: 401, reason: 'malformed publish key' };
  const subgraph = match[1]!;
  const given = Buffer.from(match[2]!, 'base64url');
  const expected = mac(secret, subgraph);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 401, reason: 'not a valid publish key' };
  }
  return { ok: true, subgraph };
}

/** A key that publishes exactly `subgraph`: another department's genuine key is refused with 403. */
export function verifyPublishKey(secret: string, subgraph: string, presented: string | undefined): PublishKeyCheck {
  const opened = openPublishKey(secret, presented);
  if (!opened.ok) return opened;
  if (opened.subgraph !== subgraph) {
    return { ok: false, status: 403, reason: `this key publishes ${opened.subgraph}, not ${subgraph}` };
  }
  return opened;
}
