/**
 * Hive Gateway's config for the portal mix (`hive-gateway supergraph … -c hive-glue.config.ts`):
 * one plugin with the shared glue (portal-glue.ts) — verify the token once per incoming request,
 * and add the trust headers, signed for the subgraph fetched, to every subgraph fetch over its exact body.
 * Nothing else is configured: no usage reporting (no Hive or Apollo token), no caching.
 * Typed locally so the workspace typechecks without Hive installed.
 */
import type { Claims } from '@govgraph/kit/trust';
import { portalGlueFromEnv, UnauthenticatedError } from './portal-glue.js';

interface RequestPayload {
  request: Request;
  fetchAPI: { Response: typeof Response };
  endResponse(response: Response): void;
}

interface FetchPayload {
  /** The subgraph URL the fetch goes to. */
  url: string;
  options: { body?: unknown; headers?: unknown };
  setOptions(options: Record<string, unknown>): void;
  context?: { request?: Request };
}

const glue = portalGlueFromEnv();
/** Claims verified once per incoming request, looked up by every subgraph fetch it causes. */
const claimsOf = new WeakMap<Request, Claims | null>();

function headerRecord(headers: unknown): Record<string, string> {
  if (!headers) return {};
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    const record: Record<string, string> = {};
    (headers as Headers).forEach((value, name) => (record[name] = value));
    return record;
  }
  return { ...(headers as Record<string, string>) };
}

export const gatewayConfig = {
  plugins: () =>
    glue
      ? [
          {
            // A bad token ends the request here with 401, as govgraph's gateway does; no GraphQLError
            // is thrown, so nothing depends on which copy of graphql Hive loaded.
            async onRequest({ request, fetchAPI, endResponse }: RequestPayload) {
              try {
                claimsOf.set(request, await glue.claimsFor(request.headers.get('authorization')));
              } catch (error) {
                if (!(error instanceof UnauthenticatedError)) throw error;
                const body = JSON.stringify({ errors: [{ message: error.message, extensions: { code: error.code } }] });
                endResponse(new fetchAPI.Response(body, { status: 401, headers: { 'content-type': 'application/json' } }));
              }
            },
            onFetch({ url, options, setOptions, context }: FetchPayload) {
              // Fetches outside a client request (none with a file supergraph) carry no claims.
              const request = context?.request;
              if (!request || !claimsOf.has(request)) return;
              const body = typeof options.body === 'string' ? options.body : String(options.body ?? '');
              setOptions({ ...options, headers: { ...headerRecord(options.headers), ...glue.sign(url, body, claimsOf.get(request) ?? null) } });
            },
          },
        ]
      : [],
};
