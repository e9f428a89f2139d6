import type { GraphQLDataSource, GraphQLDataSourceProcessOptions, ServiceMap } from '@apollo/gateway';
import federation, { type Operation } from '@apollo/federation-internals';
import queryPlanner, { type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ApolloHelpers } from './apollo-internals.js';
import { bareObject } from './bare-object.js';
import { introspect, type OperationContextLike } from './introspect.js';
import { createResultShaper, type ResultShaper } from './result-shaper.js';

// Read once: every access to these packages' exports otherwise goes through a getter.
const { operationFromDocument, ERRORS, errorCodeDef } = federation;
const { evaluateCondition } = queryPlanner;

type ResultMap = Record<string, unknown>;
type Path = Array<string | number>;
/** @apollo/gateway's executeQueryPlan, and this module's stand-in for it. */
export type ExecuteQueryPlan = (
  queryPlan: QueryPlan,
  serviceMap: ServiceMap,
  requestContext: GatewayGraphQLRequestContext,
  operationContext: OperationContextLike,
  supergraphSchema: GraphQLSchema,
  apiSchema: unknown,
  telemetryConfig?: unknown,
) => Promise<GatewayExecutionResult>;

/** What is read once per cached query plan. */
interface PreparedPlan {
  operation: Operation;
  shape: ResultShaper;
}

/** One request's run of a plan. */
interface Run {
  serviceMap: ServiceMap;
  requestContext: GatewayGraphQLRequestContext;
  operation: Operation;
  supergraphSchema: GraphQLSchema;
  /** @apollo/gateway's merge and rewrite helpers (apollo-internals.ts), so merged data is the same. */
  apollo: ApolloHelpers;
  errors: GraphQLError[];
  /** The data fetched so far (what error paths are worked out from). */
  data: ResultMap;
}

const prepared = new WeakMap<QueryPlan, PreparedPlan | GraphQLError>();
/** Plans this executor leaves to @apollo/gateway's (subscriptions, @defer, Studio traces). */
const delegated = new WeakSet<QueryPlan>();

/**
 * Runs @apollo/gateway's query plans the way its own executeQueryPlan does — the same fetches,
 * merges, rewrites, error paths and codes, then the compiled result shaping — without the
 * per-request costs that its profile showed: a new federation-internals Operation per request
 * (read here once per cached plan), a usage-reporting trace node and a tracing span per plan node
 * whether or not anyone records them, and entities collected with a new array per path step.
 * Plans with @defer or a subscription, and requests that capture Studio traces, go to `stock`.
 */
export function createPlanExecutor(stock: ExecuteQueryPlan, apollo: ApolloHelpers): ExecuteQueryPlan {
  return async (queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig) => {
    if (delegated.has(queryPlan) || requestContext.metrics?.captureTraces) {
      return stock(queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig);
    }
    let plan = prepared.get(queryPlan);
    if (!plan) {
      if (!isPlainPlan(queryPlan.node)) {
        delegated.add(queryPlan);
        return stock(queryPlan, serviceMap, requestContext, operationContext, supergraphSchema, apiSchema, telemetryConfig);
      }
      plan = prepare(operationContext, apiSchema);
      prepared.set(queryPlan, plan);
    }
    if (plan instanceof GraphQLError) return { errors: [plan] };

    const run: Run = { serviceMap, requestContext, operation: plan.operation, supergraphSchema, apollo, errors: [], data: Object.create(null) };
    if (queryPlan.node) await executeNode(run, queryPlan.node as PlanNode, [], run.data);
    return shapeResponse(run, plan, operationContext);
  };
}

function prepare(operationContext: OperationContextLike, apiSchema: unknown): PreparedPlan | GraphQLError {
  let operation: Operation;
  try {
    const document = { kind: 'Document', definitions: [operationContext.operation, ...Object.values(operationContext.fragments)] };
    operation = operationFromDocument(apiSchema as Parameters<typeof operationFromDocument>[0], document as Parameters<typeof operationFromDocument>[1], { validate: false });
  } catch (error) {
    // The operation was validated before planning; a failure here is answered, not thrown.
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  return { operation, shape: createResultShaper(operation) };
}

/** Sequence, Parallel, Flatten, Fetch and Condition only (no @defer, no subscription). */
function isPlainPlan(node: PlanNode | undefined | { kind: string }): boolean {
  if (!node) return true;
  switch (node.kind) {
    case 'Sequence':
    case 'Parallel':
      return (node as { nodes: PlanNode[] }).nodes.every(isPlainPlan);
    case 'Flatten':
      return isPlainPlan((node as { node: PlanNode }).node);
    case 'Fetch':
      return true;
    case 'Condition': {
      const condition = node as { ifClause?: PlanNode; elseClause?: PlanNode };
      return isPlainPlan(condition.ifClause) && isPlainPlan(condition.elseClause);
    }
    default:
      return false;
  }
}

/** `path` is where `data` sits in the answer ('@' for each list level), for error paths. */
async function executeNode(run: Run, node: PlanNode, path: Path, data: ResultMap | ResultMap[]): Promise<void> {
  switch (node.kind) {
    case 'Sequence':
      for (const child of node.nodes) await executeNode(run, child, path, data);
      return;
    case 'Parallel':
      await Promise.all(node.nodes.map((child) => executeNode(run, child, path, data)));
      return;
    case 'Flatten': {
      const entities: ResultMap[] = [];
      collectAtPath(data, node.path, 0, entities);
      if (entities.length) await executeNode(run, node.node, path.concat(node.path), entities);
      return;
    }
    case 'Fetch':
      try {
        await executeFetch(run, node, path, Array.isArray(data) ? data : [data]);
      } catch (error) {
        run.errors.push(error as GraphQLError);
      }
      return;
    case 'Condition': {
      const branch = evaluateCondition(node, run.operation.variableDefinitions, run.requestContext.request.variables) ? node.ifClause : node.elseClause;
      if (branch) await executeNode(run, branch, path, data);
      return;
    }
    default:
      throw new Error(`Unexpected ${node.kind} node in a plan checked to have none`);
  }
}

/**
 * The objects at `path` below `value`, each list ('@') walked, nulls left out: what
 * @apollo/gateway's flattenResultsAtPath finds, pushed into one array instead of a new array per step.
 */
function collectAtPath(value: unknown, path: ReadonlyArray<string | number>, step: number, out: ResultMap[]): void {
  if (value === null || value === undefined) return;
  if (step === path.length) {
    if (Array.isArray(value)) {
      for (const element of value) if (element !== null && element !== undefined) out.push(element as ResultMap);
    } else out.push(value as ResultMap);
    return;
  }
  const key = path[step]!;
  if (key === '@') {
    // A client alias named like a field the plan needs (`id: similar`) can put a string here;
    // @apollo/gateway fails the request then, and iterating its characters would answer wrong data.
    if (!Array.isArray(value)) throw new Error(`Unexpected non-list value in result for path element @`);
    for (const element of value as unknown[]) collectAtPath(element, path, step + 1, out);
    return;
  }
  if (Array.isArray(value)) throw new Error(`Unexpected array in result for path element ${String(key)}`);
  const object = value as ResultMap;
  collectAtPath(Object.hasOwn(object, key) ? object[key as string] : undefined, path, step + 1, out);
}

async function executeFetch(run: Run, fetch: FetchNode, path: Path, entities: ResultMap[]): Promise<void> {
  const service = run.serviceMap[fetch.serviceName];
  if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
  if (entities.length < 1) return;

  const variables: ResultMap = Object.create(null);
  const provided = run.requestContext.request.variables;
  for (const name of fetch.variableUsages ?? []) {
    if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];
  }

  if (!fetch.requires) {
    const data = await send(run, service, fetch, path, variables);
    if (data) run.apollo.applyRewrites(run.supergraphSchema, fetch.outputRewrites, data);
    for (const entity of entities) run.apollo.deepMerge(entity, data);
    return;
  }

  const representations: ResultMap[] = [];
  const owners: ResultMap[] = [];
  for (const entity of entities) {
    // `requires` may name @inaccessible fields: read against the supergraph, as subgraphs know them.
    const representation = selectRepresentation(run, entity, fetch.requires);
    if (representation?.__typename) {
      run.apollo.applyRewrites(run.supergraphSchema, fetch.inputRewrites, representation);
      representations.push(representation);
      owners.push(entity);
    }
  }
  // No entity matched the type conditions of the requires.
  if (representations.length < 1) return;
  if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');

  const data = await send(run, service, fetch, path, { ...variables, representations });
  if (!data) return;
  const received = data._entities;
  if (!received || !Array.isArray(received)) throw new Error('Expected "data._entities" in response to be an array');
  if (received.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
  for (let i = 0; i < received.length; i++) {
    const entity = received[i] as ResultMap | null;
    if (entity && !entity.__typename) entity.__typename = owners[i]!.__typename;
    run.apollo.applyRewrites(run.supergraphSchema, fetch.outputRewrites, entity);
    run.apollo.deepMerge(owners[i], entity);
  }
}

async function send(run: Run, service: GraphQLDataSource, fetch: FetchNode, path: Path, variables: ResultMap): Promise<ResultMap | null | undefined> {
  const options = {
    kind: 'incoming operation',
    request: { query: fetch.operation, variables, operationName: fetch.operationName, http: undefined },
    incomingRequestContext: run.requestContext,
    context: run.requestContext.context,
    document: fetch.operationDocumentNode,
    pathInIncomingRequest: path,
  } as unknown as GraphQLDataSourceProcessOptions;
  const response = await service.process(options);
  if (response.errors) {
    const errorPath = lazyErrorPaths(fetch, path, run);
    for (const error of response.errors) run.errors.push(downstreamServiceError(error, fetch.serviceName, errorPath));
    if (!response.extensions?.ftv1) {
      const metrics = run.requestContext.metrics as { nonFtv1ErrorPaths?: Array<{ subgraph: string; path: unknown }> };
      const paths = response.errors.map((error) => ({ subgraph: fetch.serviceName, path: error.path }));
      if (metrics.nonFtv1ErrorPaths) metrics.nonFtv1ErrorPaths.push(...paths);
      else metrics.nonFtv1ErrorPaths = paths;
    }
  }
  return response.data as ResultMap | null | undefined;
}

/**
 * A subgraph error's path in the client's answer: for `_entities.<i>.…`, the place of the i-th
 * entity the fetch was sent for (the '@' steps of the fetch's path filled in from the data, worked
 * out only when an error needs it); otherwise the fetch's path followed by the error's own.
 */
function lazyErrorPaths(fetch: FetchNode, path: Path, run: Run): (errorPath: ReadonlyArray<string | number> | undefined) => Path | undefined {
  let hydrated: Path[] | undefined;
  return (errorPath) => {
    if (fetch.requires && typeof errorPath?.[1] === 'number') {
      if (!hydrated) {
        hydrated = [];
        hydratePaths([], path, 0, run.data, hydrated);
      }
      return [...(hydrated[errorPath[1]] ?? []), ...errorPath.slice(2)];
    }
    return errorPath ? [...path, ...errorPath] : undefined;
  };
}

/** Every place `path` reaches in `data`, '@' steps (and lists met on a field step) walked by index. */
function hydratePaths(parent: Path, path: Path, step: number, data: unknown, out: Path[]): void {
  if (data === null || data === undefined) return;
  if (step === path.length) {
    out.push(parent.slice());
    return;
  }
  const key = path[step]!;
  if (key === '@' || Array.isArray(data)) {
    if (!Array.isArray(data)) throw new Error('expected array when encountering `@`');
    const next = key === '@' ? step + 1 : step;
    data.forEach((value, i) => {
      parent.push(i);
      hydratePaths(parent, path, next, value, out);
      parent.pop();
    });
    return;
  }
  const object = data as ResultMap;
  if (!Object.hasOwn(object, key)) return;
  parent.push(key);
  hydratePaths(parent, path, step + 1, object[key as string], out);
  parent.pop();
}

/** A subgraph's error as the client sees it: its code kept (DOWNSTREAM_SERVICE_ERROR if it had none), the subgraph named. */
function downstreamServiceError(
  original: GraphQLFormattedError,
  serviceName: string,
  errorPath: (path: ReadonlyArray<string | number> | undefined) => Path | undefined,
): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = {
    originalError: original as Error,
    path: errorPath(original.path),
    extensions: { ...original.extensions, serviceName },
  };
  const known = errorCodeDef(original);
  if (!known && original.extensions?.code) return new GraphQLError(message, options);
  return (known ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** The fields of `selections` read from `source` (a representation), or null when one is missing. */
function selectRepresentation(run: Run, source: ResultMap | null, selections: readonly QueryPlanSelectionNode[]): ResultMap | null {
  if (source === null) return null;
  const result = bareObject<ResultMap>();
  for (const selection of selections) {
    if (selection.kind === 'Field') {
      const name = selection.alias ?? selection.name;
      const value = Object.hasOwn(source, name) ? source[name] : undefined;
      // A missing input means its fetch failed on a non-null field: this entity is skipped.
      if (value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value)) result[name] = value.map((element) => (inner ? selectRepresentation(run, element as ResultMap | null, inner) : element));
      else result[name] = inner ? selectRepresentation(run, value as ResultMap | null, inner) : value;
    } else if (selection.typeCondition && run.apollo.isObjectOfType(run.supergraphSchema, source, selection.typeCondition)) {
      run.apollo.deepMerge(result, selectRepresentation(run, source, selection.selections));
    }
  }
  return result;
}

/**
 * The answer: the fetched data shaped to the operation. Shaping errors are reported as
 * `extensions.valueCompletion` when the fetches had none (as @apollo/gateway and the router do,
 * so clients that relied on their absence are not broken) and dropped when they had some (they
 * are then usually the same failure seen twice).
 */
function shapeResponse(run: Run, plan: PreparedPlan, operationContext: OperationContextLike): GatewayExecutionResult {
  const variables = run.requestContext.request.variables;
  try {
    const { data, errors: shapingErrors } = plan.shape({
      operation: plan.operation,
      variables,
      input: run.data,
      introspectionHandling: (selection) => introspect(operationContext, selection, variables),
    });
    if (run.errors.length === 0 && shapingErrors.length > 0) return { extensions: { valueCompletion: shapingErrors }, data };
    return run.errors.length === 0 ? { data } : { errors: run.errors, data };
  } catch (error) {
    if (error instanceof GraphQLError) return { errors: [error] };
    if (error instanceof Error) return { errors: [new GraphQLError(error.message, { originalError: error })] };
    run.requestContext.logger?.error(`Unexpected error during query plan execution: ${String(error)}`);
    return { errors: [new GraphQLError('Unexpected error during query plan execution')] };
  }
}
