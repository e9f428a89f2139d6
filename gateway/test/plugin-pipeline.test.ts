import { describe, expect, it } from 'vitest';
import { createLogger } from '@govgraph/kit';
import type { GatewayContext } from '../src/context.js';
import { RequestRefusal, type GatewayPlugin } from '../src/plugins/gateway-plugin.js';
import { PluginPipeline } from '../src/plugins/plugin-pipeline.js';
import { startFakeSubgraph } from './helpers/fake-subgraph.js';
import { postGraphQL, startGateway } from './helpers/start-gateway.js';

const log = createLogger('test', 'silent');
const context = { requestId: 'r', claims: null, clientAddress: null, log, planExecutor: 'govgraph' } satisfies GatewayContext;

describe('the plugin pipeline', () => {
  it('starts plugins in order and closes them in reverse; a failed start closes those already started', async () => {
    const events: string[] = [];
    const plugin = (name: string, failStart = false): GatewayPlugin => ({
      name,
      start: () => {
        events.push(`start ${name}`);
        if (failStart) throw new Error(`${name} cannot start`);
      },
      close: () => void events.push(`close ${name}`),
    });
    const pipeline = new PluginPipeline([plugin('a'), plugin('b'), { name: 'no-lifecycle' }, plugin('c')], log);
    await pipeline.start();
    await pipeline.close();
    expect(events).toEqual(['start a', 'start b', 'start c', 'close c', 'close b', 'close a']);

    events.length = 0;
    const failing = new PluginPipeline([plugin('a'), plugin('b', true), plugin('c')], log);
    await expect(failing.start()).rejects.toThrow('b cannot start');
    expect(events).toEqual(['start a', 'start b', 'close b', 'close a']);
  });

  it('closes every plugin even when one fails to close', async () => {
    const closed: string[] = [];
    const pipeline = new PluginPipeline(
      [
        { name: 'a', close: () => void closed.push('a') },
        { name: 'b', close: () => Promise.reject(new Error('stuck')) },
        { name: 'c', close: () => void closed.push('c') },
      ],
      log,
    );
    await pipeline.start();
    await pipeline.close();
    expect(closed).toEqual(['c', 'a']);
  });

  it('takes the first plugin’s wording for a body too large', () => {
    const refusal = new RequestRefusal(413, 'LIMIT_EXCEEDED', 'too large');
    const pipeline = new PluginPipeline(
      [
        { name: 'silent', bodyTooLarge: () => undefined },
        { name: 'limits', bodyTooLarge: () => refusal },
        { name: 'late', bodyTooLarge: () => new RequestRefusal(413, 'X', 'x') },
      ],
      log,
    );
    expect(pipeline.bodyTooLarge(10, 20)).toBe(refusal);
    expect(new PluginPipeline([], log).bodyTooLarge(10, 20)).toBeUndefined();
  });

  it('tells every subgraph-fetch hook of each attempt, and lets none set trust headers or Authorization', () => {
    const heard: string[] = [];
    const pipeline = new PluginPipeline(
      [
        { name: 'none' },
        {
          name: 'tracing',
          onSubgraphFetch: ({ subgraph, operationType }) => ({
            headers: { traceparent: 't', 'x-govgraph-claims': 'forged', Authorization: 'Bearer stolen' },
            succeeded: () => void heard.push(`ok ${subgraph} ${operationType}`),
          }),
        },
        { name: 'counting', onSubgraphFetch: () => ({ failed: (error) => void heard.push(`failed ${String(error)}`) }) },
      ],
      log,
    );
    const observed = pipeline.fetchObserver()!.start('catalog', context, 'query');
    expect(observed.headers).toEqual({ traceparent: 't' });
    observed.succeeded();
    observed.failed('boom');
    expect(heard).toEqual(['ok catalog query', 'failed boom']);
    expect(new PluginPipeline([{ name: 'none' }], log).fetchObserver()).toBeUndefined();
  });
});

describe('a plugin passed to createGateway', () => {
  it('takes part in every stage of a request, and starts and closes with the gateway', async () => {
    const events: string[] = [];
    const catalog = await startFakeSubgraph('catalog', () => ({ body: { data: { matters: [] } } }));
    const plugin: GatewayPlugin = {
      name: 'recorder',
      onRequest: (req) => void events.push(`request ${req.method}`),
      onOperations: ({ operations, batch }) => void events.push(`operations ${operations.length} batch=${batch}`),
      apollo: { requestDidStart: async () => ({ executionDidStart: async () => void events.push('execution') }) },
      onSubgraphFetch: ({ subgraph }) => ({ succeeded: () => void events.push(`fetched ${subgraph}`) }),
      start: () => void events.push('start'),
      close: () => void events.push('close'),
    };
    const gateway = await startGateway({ CATALOG_URL: `${catalog.url}/graphql`, GATEWAY_RESPONSE_CACHE: 'off' }, { plugins: [plugin] });
    try {
      const answer = await postGraphQL(gateway, { query: '{ matters { code } }' });
      expect(answer.body).toEqual({ data: { matters: [] } });
    } finally {
      await gateway.close();
      await catalog.close();
    }
    expect(events).toEqual(['start', 'request POST', 'operations 1 batch=false', 'execution', 'fetched catalog', 'close']);
  });
});
