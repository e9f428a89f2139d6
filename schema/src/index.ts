export * from './compose.js';
export * from './generate.js';
export * from './paths.js';
export * from './subgraph-services.js';
