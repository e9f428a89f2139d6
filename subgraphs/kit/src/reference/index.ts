export * from './departments.js';
export * from './divisions.js';
export * from './annual-report-key.js';
