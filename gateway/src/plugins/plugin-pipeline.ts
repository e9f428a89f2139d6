import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '@govgraph/kit';
import type { GatewayContext } from '../context.js';
import type { ObservedFetch, SubgraphFetchObserver } from '../engine/fetch-observer.js';
import type { GatewayPlugin, ParsedOperations, RequestRefusal, SubgraphFetchWatch } from './gateway-plugin.js';

const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
/** Set by the engine alone: a plugin's watch cannot forge a caller or hand on a token. */
const ENGINE_HEADERS = /^(?:x-govgraph-|authorization$)/i;

/**
 * The gateway's plugins in their order, and the one place their hooks are run: the HTTP handler,
 * the documents handler, Apollo Server and the engine's data sources all go through it.
 */
export class PluginPipeline {
  private readonly started: GatewayPlugin[] = [];

  constructor(
    readonly plugins: readonly GatewayPlugin[],
    private readonly log: Logger,
  ) {}

  /** Stage 1: the raw HTTP request. A RequestRefusal thrown by one plugin stops the rest. */
  async request(req: IncomingMessage, context: GatewayContext): Promise<void> {
    for (const plugin of this.plugins) await plugin.onRequest?.(req, context);
  }

  /** Stage 2: what the GraphQL request asks, before Apollo parses it. */
  async operations(operations: ParsedOperations, context: GatewayContext): Promise<void> {
    for (const plugin of this.plugins) await plugin.onOperations?.(operations, context);
  }

  /** Stage 2, when the body was too large to read: the first plugin's wording, if any. */
  bodyTooLarge(limitBytes: number, declaredBytes: number | undefined): RequestRefusal | undefined {
    for (const plugin of this.plugins) {
      const refusal = plugin.bodyTooLarge?.(limitBytes, declaredBytes);
      if (refusal) return refusal;
    }
    return undefined;
  }

  /** Stage 3: handed to Apollo Server, in order. */
  apolloPlugins(): ApolloServerPlugin<GatewayContext>[] {
    return this.plugins.flatMap((plugin) => (plugin.apollo ? [plugin.apollo] : []));
  }

  /** Stage 4: one observer for the data sources, calling every plugin's `onSubgraphFetch`; undefined when none has one. */
  fetchObserver(): SubgraphFetchObserver | undefined {
    const hooks = this.plugins.flatMap((plugin) => (plugin.onSubgraphFetch ? [plugin.onSubgraphFetch.bind(plugin)] : []));
    if (hooks.length === 0) return undefined;
    return {
      start(subgraph, context, operationType): ObservedFetch {
        const watches: SubgraphFetchWatch[] = [];
        for (const hook of hooks) {
          const watch = hook({ subgraph, context, operationType });
          if (watch) watches.push(watch);
        }
        return {
          headers: headersOf(watches),
          succeeded: () => {
            for (const watch of watches) watch.succeeded?.();
          },
          failed: (error) => {
            for (const watch of watches) watch.failed?.(error);
          },
        };
      },
    };
  }

  /** Starts every plugin in order; when one fails, those already started are closed again. */
  async start(): Promise<void> {
    for (const plugin of this.plugins) {
      try {
        await plugin.start?.();
      } catch (error) {
        this.started.push(plugin);
        await this.close();
        throw error;
      }
      this.started.push(plugin);
    }
  }

  /** Closes the started plugins in reverse order; one that fails to close is logged and the rest still close. */
  async close(): Promise<void> {
    while (this.started.length > 0) {
      const plugin = this.started.pop()!;
      try {
        await plugin.close?.();
      } catch (error) {
        this.log.error({ err: error, plugin: plugin.name }, 'a plugin failed to close');
      }
    }
  }
}

function headersOf(watches: readonly SubgraphFetchWatch[]): Readonly<Record<string, string>> {
  let headers: Record<string, string> | undefined;
  for (const watch of watches) {
    for (const [name, value] of Object.entries(watch.headers ?? {})) {
      if (ENGINE_HEADERS.test(name)) continue;
      (headers ??= {})[name] = value;
    }
  }
  return headers ?? NO_HEADERS;
}
