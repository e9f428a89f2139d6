/** Who a request claims to be: a demo account, nobody, or a token that must not work. */
export const ROLES = ['anonymous', 'zhangsan', 'lisi', 'agent', 'police', 'market'] as const;
export type Role = (typeof ROLES)[number];
export const BAD_TOKENS = ['expired', 'not-yet-valid', 'wrong-key', 'alg-none', 'tampered', 'wrong-issuer', 'wrong-audience', 'garbage'] as const;
export type BadToken = (typeof BAD_TOKENS)[number];
export type Auth = Role | BadToken;

/**
 * How a request straight to a subgraph is signed (the gateway's Ed25519 envelope), if at all:
 * `wrong-key` with a key that is not the gateway's (the department's own, or another folder's
 * gateway), `other-audience` with the gateway's key but for another subgraph.
 */
export const SIGNATURES = ['none', 'valid', 'wrong-key', 'other-audience', 'stale', 'future', 'other-body', 'forged-claims', 'garbled'] as const;
export type Signature = (typeof SIGNATURES)[number];

export const SUBGRAPH_NAMES = ['catalog', 'identity', 'licences', 'applications', 'disclosure', 'consultation'] as const;
export type Target = 'gateway' | (typeof SUBGRAPH_NAMES)[number];

/**
 * One hostile request, described without anything that changes between runs (tokens and
 * signatures are named, and made by the sender), so the same seed always gives the same inputs.
 */
export interface HostileInput {
  index: number;
  /** The generator that made it, e.g. `mutated-document`, `bad-body`, `subgraph`. */
  kind: string;
  target: Target;
  method: string;
  /** Path and query string, e.g. `/graphql` or `/documents?filename=a.png`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Base64 bytes instead of `body`, for uploads. */
  bodyBase64?: string;
  /** The bearer token to add (none when the input sets its own Authorization header). */
  auth: Auth;
  /** Subgraph targets only. */
  signature?: Signature;
}
