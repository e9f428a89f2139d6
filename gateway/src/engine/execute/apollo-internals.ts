import { createRequire } from 'node:module';
import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import type { ExecuteQueryPlan } from './plan-executor.js';
import type { ShapeArguments, ShapedResponse } from './result-shaper.js';

/**
 * The one @apollo/gateway release whose internal modules (executeQueryPlan, dataRewrites,
 * deepMerge, resultShaping) govgraph's executor was written against and checked with, pinned
 * exactly in gateway/package.json. Private modules change in patch releases without notice, so
 * any other version is refused at start rather than trusted.
 */
export const EXECUTOR_WRITTEN_FOR = '2.14.4';

type Rewrites = FetchNode['inputRewrites'];

/** @apollo/gateway's own merge and rewrite helpers: used as they are, so merged data is the same. */
export interface ApolloHelpers {
  deepMerge(target: unknown, source: unknown): unknown;
  applyRewrites(schema: GraphQLSchema, rewrites: Rewrites, value: unknown): void;
  isObjectOfType(schema: GraphQLSchema, object: Record<string, unknown>, typeCondition: string): boolean;
}

/** The module ApolloGateway reads `executeQueryPlan` from at every request. */
export interface ExecuteModule {
  executeQueryPlan: ExecuteQueryPlan;
}

export interface ApolloInternals {
  helpers: ApolloHelpers;
  executeModule: ExecuteModule;
  /** @apollo/gateway's own executeQueryPlan, as it was before anything replaced it. */
  stockExecuteQueryPlan: ExecuteQueryPlan;
}

const require = createRequire(import.meta.url);
let loaded: ApolloInternals | undefined;

export function installedGatewayVersion(): string {
  return (require('@apollo/gateway/package.json') as { version: string }).version;
}

/** Throws, naming both versions, unless `installed` is the release the executor was written for. */
export function checkGatewayVersion(installed: string): void {
  if (installed === EXECUTOR_WRITTEN_FOR) return;
  throw new Error(
    `GATEWAY_EXECUTOR=govgraph: govgraph's plan executor was written against @apollo/gateway ${EXECUTOR_WRITTEN_FOR}, ` +
      `but ${installed} is installed. Install @apollo/gateway ${EXECUTOR_WRITTEN_FOR}, or set GATEWAY_EXECUTOR=apollo to run @apollo/gateway's own executor.`,
  );
}

/**
 * Loads @apollo/gateway's private modules — only ever called for GATEWAY_EXECUTOR=govgraph, so
 * `apollo` keeps working whatever happens to those paths. Checks the version first.
 */
export function loadApolloInternals(): ApolloInternals {
  if (loaded) return loaded;
  checkGatewayVersion(installedGatewayVersion());
  const executeModule = require('@apollo/gateway/dist/executeQueryPlan.js') as ExecuteModule;
  const { deepMerge } = require('@apollo/gateway/dist/utilities/deepMerge.js') as Pick<ApolloHelpers, 'deepMerge'>;
  const { applyRewrites, isObjectOfType } = require('@apollo/gateway/dist/dataRewrites.js') as Pick<ApolloHelpers, 'applyRewrites' | 'isObjectOfType'>;
  for (const [name, value] of Object.entries({ executeQueryPlan: executeModule.executeQueryPlan, deepMerge, applyRewrites, isObjectOfType })) {
    if (typeof value !== 'function')
      throw new Error(`@apollo/gateway ${EXECUTOR_WRITTEN_FOR} no longer exports ${name} where govgraph's executor reads it; set GATEWAY_EXECUTOR=apollo`);
  }
  loaded = { helpers: { deepMerge, applyRewrites, isObjectOfType }, executeModule, stockExecuteQueryPlan: executeModule.executeQueryPlan };
  return loaded;
}

/** @apollo/gateway's own result shaping (tests compare the compiled one with it). */
export function stockResultShaping(): (args: ShapeArguments) => ShapedResponse {
  return (require('@apollo/gateway/dist/resultShaping.js') as { computeResponse: (args: ShapeArguments) => ShapedResponse }).computeResponse;
}
