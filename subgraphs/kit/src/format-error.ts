import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { isDatabaseUnavailable } from './db/database-unavailable.js';
import { ErrorCode } from './errors.js';
import type { Logger } from './logger.js';

/** Codes that Apollo Server itself produces for bad requests; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Builds Apollo Server's formatError: expected errors keep their code and message, request
 * errors keep theirs (recoded where the contract has a code), a database that cannot be reached
 * makes the department (`serviceName`) DOWNSTREAM_SERVICE_ERROR, everything else becomes a masked
 * INTERNAL_SERVER_ERROR that is logged in full. Stack traces never leave the process.
 */
export function createErrorFormatter(log: Logger, serviceName?: string) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = String(formatted.extensions?.code ?? '');
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};

    if (original instanceof GraphQLError && KNOWN_CODES.has(code)) {
      return { ...formatted, extensions };
    }
    if (REQUEST_ERROR_CODES.has(code)) {
      return { ...formatted, extensions };
    }
    if (code === 'BAD_USER_INPUT') {
      // Variable coercion errors raised by graphql-js itself.
      return { ...formatted, extensions };
    }
    if (serviceName && isDatabaseUnavailable(original)) {
      // The database is down or restarting: the department is unavailable, as the gateway says of
      // a department it cannot reach (docs/gateway.md), and it is no bug to log with a stack.
      const { code: reason, message } = original as { code?: string; message?: string };
      log.warn({ reason: reason ?? message }, 'database unavailable');
      return {
        message: `The ${serviceName} service is unavailable`,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.DOWNSTREAM_SERVICE_ERROR },
      };
    }
    log.error({ err: original }, 'unexpected error');
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
