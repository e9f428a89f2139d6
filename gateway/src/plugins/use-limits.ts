import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '@govgraph/kit';
import type { GatewayContext } from '../context.js';
import { countTokens } from '../limits/count-tokens.js';
import type { LimitsConfig } from '../limits/limits-config.js';
import { MeasureRefusal } from '../limits/measure-budget.js';
import { MeasureCache } from '../limits/measure-cache.js';
import { measureOperation, type OperationMeasure } from '../limits/measure-operation.js';
import { withoutIntrospection } from '../limits/without-introspection.js';
import type { GatewayMetrics } from '../metrics/gateway-metrics.js';
import { RequestRefusal, type GatewayPlugin } from './gateway-plugin.js';

/** The stable names in `extensions.limit` and in govgraph_limit_rejections_total's `limit` label. */
export type LimitName = 'depth' | 'aliases' | 'rootFields' | 'tokens' | 'cost' | 'measure' | 'batch' | 'body';

export interface UseLimitsOptions extends LimitsConfig {
  /** Counts every refusal by limit. */
  metrics?: Pick<GatewayMetrics, 'limitRejections'>;
}

/**
 * Limits on what one request may ask, each refused with LIMIT_EXCEEDED and
 * `extensions: { limit, max, actual }` (`actual` wherever it was measured to the end):
 *
 * - on the parsed request, before any document is parsed (`onOperations`, `bodyTooLarge`): `body`
 *   (413; the HTTP layer does not read past GATEWAY_MAX_BODY_BYTES), `batch` (operations in one
 *   POSTed array), `tokens` (counted with graphql's lexer, stopping one past the limit, so no
 *   `actual`). Runs before the rate limit charges a batch, so a refused batch costs nothing;
 * - once Apollo has parsed and validated the operation (`didResolveOperation`, which also sees
 *   documents filled in from persisted-query ids): `depth`, `aliases`, `rootFields` and
 *   list-size-aware `cost` (limits/measure-operation.ts, variables' defaults applied). Depth and
 *   cost leave introspection out (limits/without-introspection.ts). The measure is linear in the
 *   document and has a budget of steps of its own: an operation it cannot finish measuring is
 *   refused as `measure` (with `max`, no `actual`), one that spreads a fragment within itself as
 *   GRAPHQL_VALIDATION_FAILED (validation has refused it before, but this does not rely on it).
 */
export function useLimits(options: UseLimitsOptions): GatewayPlugin {
  const refused = (limit: LimitName) => options.metrics?.limitRejections.inc({ limit });
  // A portal sends a handful of documents: each is measured once per schema and list sizes.
  const measures = new MeasureCache();

  function refusal(limit: Exclude<LimitName, 'body'>, message: string, max: number, actual?: number): RequestRefusal {
    refused(limit);
    return new RequestRefusal(400, ErrorCode.LIMIT_EXCEEDED, message, { limit, max, ...(actual === undefined ? {} : { actual }) });
  }

  function checkTokens(params: unknown): void {
    const query = params && typeof params === 'object' ? (params as { query?: unknown }).query : undefined;
    // Every token is at least one character long.
    if (typeof query !== 'string' || query.length <= options.maxTokens) return;
    if (countTokens(query, options.maxTokens) > options.maxTokens) {
      throw refusal('tokens', `The document has more than ${options.maxTokens} tokens`, options.maxTokens);
    }
  }

  function operationLimitError(limit: LimitName, message: string, max: number, actual?: number): GraphQLError {
    refused(limit);
    return new GraphQLError(message, {
      extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, ...(actual === undefined ? {} : { actual }), http: { status: 400 } },
    });
  }

  function measured(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, request: GraphQLRequest): OperationMeasure {
    try {
      const variables = withVariableDefaults(operation, request.variables);
      return measures.measure(schema, document, operation, variables, () => measureForLimits(schema, document, operation, variables, options.defaultListSize));
    } catch (error) {
      if (!(error instanceof MeasureRefusal)) throw error;
      if (error.reason === 'cycle') {
        throw new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } });
      }
      throw operationLimitError('measure', error.message, error.max!);
    }
  }

  function checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, request: GraphQLRequest): void {
    const measure = measured(schema, document, operation, request);
    if (measure.depth > options.maxDepth) {
      throw operationLimitError('depth', `The operation is ${measure.depth} fields deep; the limit is ${options.maxDepth}`, options.maxDepth, measure.depth);
    }
    if (measure.aliases > options.maxAliases) {
      throw operationLimitError('aliases', `The operation uses ${measure.aliases} aliases; the limit is ${options.maxAliases}`, options.maxAliases, measure.aliases);
    }
    if (measure.rootFields > options.maxRootFields) {
      throw operationLimitError(
        'rootFields',
        `The operation asks for ${measure.rootFields} root fields; the limit is ${options.maxRootFields}`,
        options.maxRootFields,
        measure.rootFields,
      );
    }
    if (measure.cost > options.maxCost) {
      throw operationLimitError(
        'cost',
        `The operation's estimated cost is ${measure.cost}; the limit is ${options.maxCost} (a list counts ${options.defaultListSize} items unless its first, last or limit argument says otherwise)`,
        options.maxCost,
        measure.cost,
      );
    }
  }

  /**
   * An operationName that names no operation of the document (or none given for a document of
   * several): Apollo goes on with no operation, and later hooks and the planner are not made for
   * that, so it ends here as the client's mistake.
   */
  function noSuchOperation(operationName: string | undefined): GraphQLError {
    const message =
      typeof operationName === 'string'
        ? `The document has no operation named "${operationName.slice(0, 100)}"`
        : 'The document holds several operations; say which one with operationName';
    return new GraphQLError(message, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
  }

  function rootTypeOf(schema: GraphQLSchema, operation: OperationDefinitionNode) {
    if (operation.operation === 'query') return schema.getQueryType();
    return operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  }

  const apollo: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        // The first hook whose errors Apollo answers with their own code and HTTP status.
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) throw noSuchOperation(request.operationName);
          if (!rootTypeOf(schema, operation)) {
            // Validation lets it through, the planner would throw on it: e.g. a subscription.
            throw new GraphQLError(`This graph has no ${operation.operation} operations`, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
          }
          checkOperation(schema, document, operation, request);
        },
      };
    },
  };

  return {
    name: 'limits',
    onOperations({ operations, batch }) {
      if (batch && operations.length > options.maxBatchSize) {
        throw refusal(
          'batch',
          options.maxBatchSize === 1
            ? `Batched requests are not accepted here; this one holds ${operations.length} operations`
            : `A batch may hold ${options.maxBatchSize} operations; this one holds ${operations.length}`,
          options.maxBatchSize,
          operations.length,
        );
      }
      for (const operation of operations) checkTokens(operation);
    },
    bodyTooLarge(limitBytes, declaredBytes) {
      refused('body');
      const actual = declaredBytes !== undefined && declaredBytes > limitBytes ? { actual: declaredBytes } : {};
      return new RequestRefusal(
        413,
        ErrorCode.LIMIT_EXCEEDED,
        `The request body exceeds the limit of ${limitBytes} bytes`,
        { limit: 'body', max: limitBytes, ...actual },
        // The rest of the body is not read: the connection cannot carry another request.
        { connection: 'close' },
      );
    },
    apollo,
  };
}

/**
 * An operation as the limits see it: depth and cost without introspection fields
 * (limits/without-introspection.ts), aliases and root fields of the whole operation; list sizes
 * from arguments, variables, or the variables' defaults.
 */
export function measureForLimits(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  defaultListSize: number,
): OperationMeasure {
  const fragments = fragmentsOf(document);
  const options = { defaultListSize, variables: withVariableDefaults(operation, variables) };
  const whole = measureOperation(schema, operation, fragments, options);
  const stripped = withoutIntrospection(schema, operation, fragments);
  if (!stripped) return whole;
  const counted = measureOperation(schema, stripped.operation, stripped.fragments, options);
  return { ...whole, depth: counted.depth, cost: counted.cost };
}

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  // No prototype: a fragment named `__proto__` is a fragment like any other.
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** The variables as sent, with each definition's default for those left out (`$first: Int = 20`). */
function withVariableDefaults(operation: OperationDefinitionNode, given: Record<string, unknown> | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = { ...(given ?? {}) };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}
