export * from './tracing-settings.js';
export * from './service-tracing.js';
export * from './resolver-spans.js';
