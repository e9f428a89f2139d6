import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { GatewayContext } from '../../src/context.js';
import { answerOf, thrownAnswer, type Answer } from './compare-answers.js';
import { silentLog, type Engine } from './engines.js';
import type { GeneratedDocument } from './generate/generate-document.js';
import type { InProcessSubgraphs } from './in-process-subgraphs.js';
import type { PlannedDocument, PlanningSchemas } from './plan-document.js';

export type FuzzDocument = GeneratedDocument & PlannedDocument & { seed: number };

const quiet = { debug() {}, info() {}, warn() {}, error() {} };
let runs = 0;

/**
 * One client request's run of a planned document, as ApolloGateway's executor hands it to
 * executeQueryPlan: the request, govgraph's context (its request id keys the subgraphs'
 * mutation serials), no Studio traces. Each run is a new request with its own id and context.
 */
export async function runDocument(engine: Engine, document: FuzzDocument, schemas: PlanningSchemas, subgraphs: InProcessSubgraphs): Promise<Answer> {
  const requestId = `fuzz-${++runs}`;
  const context: GatewayContext = { requestId, claims: null, clientAddress: null, log: silentLog, planExecutor: engine.planExecutor };
  const requestContext = {
    request: { query: document.query, variables: document.variables, operationName: document.operationName },
    context,
    metrics: {},
    logger: quiet,
    document: document.document,
    operation: document.operationContext.operation,
    operationName: document.operationName ?? null,
  } as unknown as GatewayGraphQLRequestContext;
  try {
    const result = await engine.executor(document.queryPlan, engine.serviceMap, requestContext, document.operationContext, schemas.supergraphSchema, schemas.apiSchema);
    // Through JSON, as the client would read it (and so GraphQLError objects compare as data).
    return answerOf(JSON.parse(JSON.stringify(result)));
  } catch (error) {
    return thrownAnswer(error);
  } finally {
    subgraphs.endRun(requestId);
  }
}
