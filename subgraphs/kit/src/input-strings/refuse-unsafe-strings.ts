import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode, truncate } from '../errors.js';
import { findUnsafeString } from './unsafe-string.js';

/**
 * Every subgraph refuses a NUL character or a lone surrogate in any string argument or variable
 * before a resolver runs, as BAD_USER_INPUT naming the argument (`field`), on every database:
 * without it PostgreSQL fails such a query as an internal error and SQLite stores mangled text.
 * HTTP 400, which the gateway passes on with the code and field (downstream-error.ts).
 */
export function refuseUnsafeStrings<Context extends BaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const unsafe = findUnsafeString(document, request.variables, request.query);
          if (!unsafe) return;
          const field = truncate(unsafe.path, 200);
          throw new GraphQLError(`${field} ${unsafe.problem}`, {
            extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } },
          });
        },
      };
    },
  };
}
