export * from './open-database.js';
export * from './migrate.js';
export * from './insert-in-batches.js';
export * from './unique-violation.js';
export * from './database-unavailable.js';
export * from './private-file.js';
