import net from 'node:net';
import { GraphQLError } from 'graphql';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/index.js';
import { createErrorFormatter } from '../src/format-error.js';
import { createLogger } from '../src/logger.js';

/** A port nothing listens on: a PostgreSQL that is down. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** As graphql-js hands a resolver's error to formatError. */
function asResolverError(error: Error) {
  const wrapped = new GraphQLError(error.message, { path: ['matters'], originalError: error });
  return { formatted: wrapped.toJSON(), wrapped };
}

describe('a subgraph whose database is down', () => {
  const format = createErrorFormatter(createLogger('test', 'silent'), 'catalog');

  it('answers DOWNSTREAM_SERVICE_ERROR naming itself, not a masked INTERNAL_SERVER_ERROR', async () => {
    const database = openDatabase({ name: 'down', dataDir: '', url: `postgres://postgres@127.0.0.1:${await closedPort()}/test` });
    const failure = await sql`select 1`.execute(database.db).then(
      () => null,
      (error: Error) => error,
    );
    await database.close();
    expect(failure).toBeInstanceOf(Error);
    const { formatted, wrapped } = asResolverError(failure!);
    expect(format(formatted, wrapped)).toEqual({ message: 'The catalog service is unavailable', path: ['matters'], extensions: { code: 'DOWNSTREAM_SERVICE_ERROR' } });
  });

  it('still masks any other surprise as INTERNAL_SERVER_ERROR', () => {
    const { formatted, wrapped } = asResolverError(new TypeError('cannot read properties of undefined'));
    expect(format(formatted, wrapped)).toEqual({ message: 'Internal server error', path: ['matters'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
