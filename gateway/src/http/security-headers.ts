import type { ServerResponse } from 'node:http';

/**
 * Set on every gateway answer before any handler runs; a handler that needs another value sets
 * its own (the playground page sends its own Content-Security-Policy, which replaces this one).
 *
 * - `content-security-policy`: a JSON answer or a document download is never a page that may
 *   run or load anything, nor be framed;
 * - `x-content-type-options: nosniff`: a download is never sniffed into HTML or script;
 * - `referrer-policy: no-referrer`; `x-frame-options: DENY` for browsers without frame-ancestors.
 *
 * HSTS belongs to whatever terminates TLS in front of the gateway (it speaks plain HTTP).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
});

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
