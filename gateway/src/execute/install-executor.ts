import { createRequire } from 'node:module';
import type { ShapeArguments, ShapedResponse } from './result-shaper.js';
import { createPlanExecutor } from './plan-executor.js';

/**
 * The @apollo/gateway release whose internal modules (executeQueryPlan, resultShaping,
 * dataRewrites, deepMerge) this executor was written against and checked with. Any other
 * release keeps its own executor.
 */
const SUPPORTED_GATEWAY = /^2\.14\./;

const require = createRequire(import.meta.url);

interface ExecuteModule {
  executeQueryPlan: Parameters<typeof createPlanExecutor>[0];
}
interface ShapingModule {
  computeResponse: (args: ShapeArguments) => ShapedResponse;
}

let installed: boolean | undefined;

/**
 * Puts govgraph's plan executor (plan-executor.ts) in place of @apollo/gateway's: ApolloGateway
 * looks executeQueryPlan up on that module's exports at every request, so the export is
 * replaced; plans it does not run go to the original. Process-wide and idempotent. Returns
 * whether it is in place (false on another release).
 */
export function installPlanExecutor(): boolean {
  if (installed !== undefined) return installed;
  const version = (require('@apollo/gateway/package.json') as { version: string }).version;
  const execute = require('@apollo/gateway/dist/executeQueryPlan.js') as ExecuteModule;
  installed = SUPPORTED_GATEWAY.test(version) && typeof execute.executeQueryPlan === 'function';
  if (installed) execute.executeQueryPlan = createPlanExecutor(execute.executeQueryPlan);
  return installed;
}

/** @apollo/gateway's own result shaping (tests compare the compiled one with it). */
export function stockResultShaping(): ShapingModule['computeResponse'] {
  return (require('@apollo/gateway/dist/resultShaping.js') as ShapingModule).computeResponse;
}
