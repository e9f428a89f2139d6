import { connect } from 'node:net';
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningSubgraph } from '../src/create-subgraph.js';
import { startBareSubgraph, testParties } from '../src/testing/index.js';

const parties = testParties(['gateway', 'catalog']);
const schema = new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: { hello: { type: GraphQLString, resolve: () => 'hi' } } }) });

/**
 * `GET //` is a target node:http accepts and `new URL` refuses: thrown before the handler's try,
 * it was an unhandled rejection that stopped the subgraph.
 */
describe('a request target that is no path', () => {
  let running: RunningSubgraph;
  afterAll(async () => running?.close());

  it('is answered 404 and the subgraph goes on answering', async () => {
    running = await startBareSubgraph(schema, parties.catalog.trust);
    const { hostname, port } = new URL(running.url);
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), hostname, () => socket.write('GET // HTTP/1.1\r\nHost: x\r\n\r\n'));
      let text = '';
      socket.setTimeout(5_000, () => socket.destroy(new Error('no answer within 5 s')));
      socket.on('data', (chunk) => {
        text += String(chunk);
        if (text.includes('\r\n')) {
          resolve(text.slice(0, text.indexOf('\r\n')));
          socket.destroy();
        }
      });
      socket.on('error', reject);
      socket.on('close', () => reject(new Error(`connection closed after ${JSON.stringify(text)}`)));
    });
    expect(statusLine).toBe('HTTP/1.1 404 Not Found');
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
  });
});
