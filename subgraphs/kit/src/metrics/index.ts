export * from './service-metrics.js';
export * from './signed-request-refusal.js';
export * from './send-metrics.js';
