export * from './claims.js';
export * from './gateway-signature.js';
export * from './replay-guard.js';
export * from './route-signature.js';
export * from './shared-secret.js';
export * from './access.js';
export * from './case-grant.js';
export * from './sealed-box.js';
