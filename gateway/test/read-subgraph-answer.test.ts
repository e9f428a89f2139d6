import { describe, expect, it } from 'vitest';
import { errorFromResponse, readBody, restrictCachePolicy } from '../src/engine/read-subgraph-answer.js';
import type { FetcherResponse } from '../src/engine/signing-fetcher.js';

const answer = (status: number, body: string, headers: Record<string, string>) =>
  new Response(body, { status, statusText: status === 200 ? 'OK' : 'Nope', headers }) as unknown as FetcherResponse;

describe("a subgraph's HTTP answer, read as @apollo/gateway reads it", () => {
  it('parses JSON by content type and leaves anything else as text', async () => {
    expect(await readBody(answer(200, '{"data":{}}', { 'content-type': 'application/graphql-response+json; charset=utf-8' }))).toEqual({ data: {} });
    expect(await readBody(answer(200, '{"data":{}}', { 'content-type': 'text/html' }))).toBe('{"data":{}}');
  });

  it('turns a non-2xx answer into an error with its status, the body kept aside, 401/403 coded', async () => {
    const unauthorised = await errorFromResponse(answer(401, '{"errors":[]}', { 'content-type': 'application/json' }));
    expect(unauthorised.message).toBe('401: Nope');
    expect(unauthorised.extensions).toMatchObject({ code: 'UNAUTHENTICATED', response: { status: 401, body: { errors: [] } } });
    expect((await errorFromResponse(answer(403, 'no', {}))).extensions.code).toBe('FORBIDDEN');
    expect((await errorFromResponse(answer(502, 'gateway down', {}))).extensions.code).toBeUndefined();
  });

  it("narrows the client operation's cache policy by the subgraph's Cache-Control", () => {
    const hints: unknown[] = [];
    const options = { incomingRequestContext: { overallCachePolicy: { restrict: (hint: unknown) => hints.push(hint) } } } as never;
    restrictCachePolicy(options, answer(200, '{}', { 'cache-control': 'public, max-age=60' }));
    restrictCachePolicy(options, answer(200, '{}', { 'cache-control': 'private, max-age=abc' }));
    restrictCachePolicy(options, answer(200, '{}', {}));
    expect(hints).toEqual([{ maxAge: 60, scope: 'PUBLIC' }, { maxAge: 0, scope: 'PRIVATE' }, { maxAge: 0 }]);
    // Not a client operation (no request context): nothing to narrow.
    restrictCachePolicy({} as never, answer(200, '{}', { 'cache-control': 'max-age=5' }));
    expect(hints).toHaveLength(3);
  });
});
