import { TrustHeader } from '@govgraph/kit/trust';
import { execute, Kind, OperationTypeNode, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ZooContext } from './zoo/zoo.js';

/** Where the zoo's subgraphs "listen": every data source fetches `${ZOO_ORIGIN}/<name>`. */
export const ZOO_ORIGIN = 'http://zoo.invalid';

/**
 * The zoo's subgraphs as a `fetch`: each request runs the subgraph's schema in this process and
 * answers through JSON, as over the wire — without sockets, so thousands of documents fit in a
 * test run. The answer comes a macrotask later, as a network answer would: fetches started
 * together are in flight together, so batching and fetch sharing meet real overlap.
 */
export class InProcessSubgraphs {
  private readonly parsed = new Map<string, DocumentNode>();
  private readonly answers = new Map<string, string>();
  /** Mutations run so far by each client request (keyed by the request id the gateway forwards). */
  private readonly serials = new Map<string, number>();

  constructor(private readonly schemas: ReadonlyMap<string, GraphQLSchema>) {}

  /** A fetch for one engine, counting the requests it sends (batching and sharing show as fewer). */
  fetchCounting(counter: { requests: number }): typeof globalThis.fetch {
    return (input, init) => {
      counter.requests++;
      return this.fetch(input, init);
    };
  }

  readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const schema = this.schemas.get(url.slice(ZOO_ORIGIN.length + 1));
    if (!schema) return new Response('no such subgraph', { status: 404 });
    // Both data sources send headers as a plain object with lower-case names.
    const requestId = (init?.headers as Record<string, string> | undefined)?.[TrustHeader.requestId] ?? '';
    const text = String(init?.body);
    await new Promise((resolve) => setImmediate(resolve));
    return new Response(await this.answer(url, schema, text, requestId), { status: 200, headers: { 'content-type': 'application/json' } });
  };

  /** Forgets the answers (and parsed queries) kept for repeats: called between groups, to bound memory. */
  forgetAnswers(): void {
    this.answers.clear();
    this.parsed.clear();
  }

  /**
   * A query's answer depends on nothing but its text and variables, and the 17 engines send the
   * same ones over and over: each is computed once per group. A mutation runs every time.
   */
  private async answer(url: string, schema: GraphQLSchema, text: string, requestId: string): Promise<string> {
    const key = `${url}\n${text}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const body = JSON.parse(text) as { query: string; variables?: Record<string, unknown> };
    const document = this.parse(body.query);
    const context: ZooContext = { serial: () => this.nextSerial(requestId) };
    const answer = JSON.stringify(await execute({ schema, document, variableValues: body.variables ?? {}, contextValue: context }));
    if (isQuery(document)) this.answers.set(key, answer);
    return answer;
  }

  /** A run is over: its mutation counter goes (request ids are never reused anyway). */
  endRun(requestId: string): void {
    this.serials.delete(requestId);
  }

  private nextSerial(requestId: string): number {
    const serial = (this.serials.get(requestId) ?? 0) + 1;
    this.serials.set(requestId, serial);
    return serial;
  }

  private parse(query: string): DocumentNode {
    let document = this.parsed.get(query);
    if (!document) {
      document = parse(query);
      this.parsed.set(query, document);
    }
    return document;
  }
}

function isQuery(document: DocumentNode): boolean {
  return document.definitions.every((definition) => definition.kind !== Kind.OPERATION_DEFINITION || definition.operation === OperationTypeNode.QUERY);
}
