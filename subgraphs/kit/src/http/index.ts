export * from './node-http.js';
export * from './listen.js';
export * from './verified-body.js';
export * from './answer-client-errors.js';
