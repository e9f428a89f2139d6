/**
 * A small load library: closed- and open-loop runners over keep-alive HTTP in a process of their
 * own, latency histograms, a response checker, and /proc readers for the process under load.
 */
export { startLoadGenerator, type LoadGenerator } from './load-generator.js';
export { runLoad } from './run-load.js';
export { runClosedLoop, runOpenLoop, type Send, type LoopResult } from './loops.js';
export { Histogram, type HistogramData, type LatencyPercentiles } from './histogram.js';
export { checkResponse, normalise, type CheckResult } from './check-response.js';
export { cpuSeconds, peakRssBytes, processTree, treeCpuSeconds, treePeakRssBytes } from './proc.js';
export { KeepAliveClient, hasGraphQLErrors } from './http-client.js';
export type * from './types.js';
