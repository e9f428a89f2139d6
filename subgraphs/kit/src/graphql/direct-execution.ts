import {
  execute,
  getOperationAST,
  type GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { findUnsafeString } from '../input-strings/unsafe-string.js';
import { rootTypeOf } from '../refuse-operation-without-root.js';

/**
 * A department's check before any resolver runs (identity's "authorisation still in force"):
 * throws a GraphQLError to refuse the request.
 */
export type RequestCheck<Context> = (request: {
  context: Context;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown>;
}) => void | Promise<void>;

/** What a request's checks said: it passed them all, or one refused it. */
export type CheckVerdict = 'passed' | { refusal: unknown };

/** What the direct path answers: the HTTP status, and the JSON text as Apollo Server would write it. */
export interface DirectAnswer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** A parsed and validated document, kept per distinct query text: the gateway sends a handful of shapes. */
interface KnownDocument {
  document: DocumentNode;
}

const MAX_DOCUMENTS = 1_000;
/** Introspection is Apollo Server's to refuse or answer (its NoIntrospection rule in production). */
const INTROSPECTION = /__schema|__type\b/;
const BODY_KEYS = new Set(['query', 'variables', 'operationName']);

/**
 * Runs the gateway's ordinary requests straight through graphql-js, without Apollo Server's
 * request pipeline (query hashing, plugin dispatch, content negotiation, per-request objects): under
 * the portal mix that pipeline was a tenth of a department's CPU. Ordinary means a POST body of
 * `query`, `variables` and `operationName` only, a document that parses and validates, an
 * operation that resolves and has a root, and no unsafe string. Everything else — and every
 * request refused before execution or whose variables do not coerce — returns null here and goes
 * to Apollo Server as before, which answers it with the same codes and statuses as ever. Each
 * answer given here is what Apollo Server gives for the same request (same JSON, same status,
 * same errors through the same formatter): `subgraphs/kit/test/direct-execution.test.ts` compares
 * them request by request.
 */
export function createDirectExecution<Context>(options: {
  schema: GraphQLSchema;
  formatError: ErrorFormatter;
  checks: readonly RequestCheck<Context>[];
  /**
   * The checks' verdict on a request, handed to the Apollo path when the request goes there after
   * them (a refusal, or variables that do not coerce), so Apollo Server does not run them again.
   */
  checked(context: Context, verdict: CheckVerdict): void;
}) {
  const documents = new Map<string, KnownDocument>();

  function known(query: string): KnownDocument | null {
    const cached = documents.get(query);
    if (cached) return cached;
    if (INTROSPECTION.test(query)) return null;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    if (validate(options.schema, document).length > 0) return null;
    // Bounded: a caller cycling through endless shapes starts the cache over instead of growing it.
    if (documents.size >= MAX_DOCUMENTS) documents.clear();
    const entry = { document };
    documents.set(query, entry);
    return entry;
  }

  return async function executeDirectly(body: unknown, context: Context): Promise<DirectAnswer | null> {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
    const request = body as Record<string, unknown>;
    for (const key in request) if (!BODY_KEYS.has(key)) return null;
    const { query, variables, operationName } = request;
    if (typeof query !== 'string') return null;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
    const entry = known(query);
    if (!entry) return null;
    const operation = getOperationAST(entry.document, operationName ?? undefined);
    // A subscription is Apollo Server's to refuse (graphql-js's execute would not run it).
    if (!operation || operation.operation === 'subscription' || !rootTypeOf(options.schema, operation)) return null;
    const variableValues = (variables ?? {}) as Record<string, unknown>;
    if (findUnsafeString(entry.document, variableValues, query)) return null;
    try {
      for (const check of options.checks) await check({ context, document: entry.document, operation, variables: variableValues });
    } catch (refusal) {
      options.checked(context, { refusal });
      return null;
    }
    options.checked(context, 'passed');
    const result: ExecutionResult = await execute({
      schema: options.schema,
      document: entry.document,
      contextValue: context,
      variableValues,
      operationName: operationName ?? undefined,
    });
    // Nothing ran (variables that do not coerce): Apollo Server answers that one, with its 400.
    if (result.errors?.length && result.data === undefined) return null;
    const { errors, status } = formatErrors(result.errors, options.formatError);
    const answer = { errors, data: result.data, extensions: result.extensions };
    return { status, body: `${JSON.stringify(answer)}\n`, headers: { 'content-type': 'application/json; charset=utf-8' } };
  };
}

/** Apollo Server's error normalisation (enrichError in its errorNormalize.js), then the subgraph's formatter. */
function formatErrors(errors: readonly GraphQLError[] | undefined, formatError: ErrorFormatter): { errors: GraphQLFormattedError[] | undefined; status: number } {
  let status = 200;
  if (!errors) return { errors: undefined, status };
  const formatted = errors.map((error) => {
    const extensions: Record<string, unknown> = { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' };
    const http = extensions.http as { status?: number } | undefined;
    if (http && typeof http === 'object') {
      if (http.status) status = http.status;
      delete extensions.http;
    }
    try {
      return formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { errors: formatted, status };
}
