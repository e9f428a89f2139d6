export * from './services.js';
export * from './parties.js';
export * from './raw-events.js';
export * from './bare-subgraph.js';
export * from './query-plans.js';
