import type { GatewayContext } from '../../context.js';
import { loadApolloInternals } from './apollo-internals.js';
import { createPlanExecutor, type ExecuteQueryPlan } from './plan-executor.js';

export interface PlanExecutors {
  /** @apollo/gateway's own executeQueryPlan. */
  stock: ExecuteQueryPlan;
  /** govgraph's (plan-executor.ts), which hands what it does not run to `stock`. */
  govgraph: ExecuteQueryPlan;
}

let executors: PlanExecutors | undefined;
const dispatchers = new WeakSet<ExecuteQueryPlan>();

/** Both executors, callable directly (the differential fuzzer and the executor's unit tests). */
export function loadPlanExecutors(): PlanExecutors {
  if (executors) return executors;
  const { stockExecuteQueryPlan, helpers } = loadApolloInternals();
  executors = { stock: stockExecuteQueryPlan, govgraph: createPlanExecutor(stockExecuteQueryPlan, helpers) };
  return executors;
}

/**
 * Lets a gateway run its plans with govgraph's executor. ApolloGateway looks executeQueryPlan up
 * on its module's exports at every request and offers no option for it, so that export is
 * replaced — by a dispatcher that picks per request: govgraph's executor only for a request whose
 * context asks for it (`planExecutor: 'govgraph'`, set by a gateway configured so), @apollo/
 * gateway's own for every other. A GATEWAY_EXECUTOR=apollo gateway in the same process is thus
 * never affected. Idempotent; throws on another @apollo/gateway release (apollo-internals.ts).
 */
export function installPlanExecutor(): void {
  const { executeModule } = loadApolloInternals();
  if (dispatchers.has(executeModule.executeQueryPlan)) return;
  const dispatcher = createExecutorDispatcher(loadPlanExecutors());
  executeModule.executeQueryPlan = dispatcher;
  // A frozen or getter-only export would ignore the assignment: better to fail at start than to run the other executor unannounced.
  if (executeModule.executeQueryPlan !== dispatcher) throw new Error("Could not install govgraph's plan executor into @apollo/gateway; set GATEWAY_EXECUTOR=apollo");
}

/** The stand-in installed for executeQueryPlan: each request to the executor its gateway chose. */
export function createExecutorDispatcher({ stock, govgraph }: PlanExecutors): ExecuteQueryPlan {
  const dispatcher: ExecuteQueryPlan = (queryPlan, serviceMap, requestContext, ...rest) =>
    (wantsGovgraph(requestContext.context) ? govgraph : stock)(queryPlan, serviceMap, requestContext, ...rest);
  dispatchers.add(dispatcher);
  return dispatcher;
}

function wantsGovgraph(context: unknown): boolean {
  return (context as Partial<GatewayContext> | undefined)?.planExecutor === 'govgraph';
}
