export * from './node-http.js';
export * from './listen.js';
