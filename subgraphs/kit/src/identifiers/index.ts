export * from './resident-id.js';
export * from './credit-code.js';
export * from './licence-id.js';
export * from './personal-id.js';
