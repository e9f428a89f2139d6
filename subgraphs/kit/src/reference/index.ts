export * from './departments.js';
export * from './divisions.js';
