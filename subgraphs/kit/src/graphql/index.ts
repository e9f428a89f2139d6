export * from './page-info.js';
export * from './cursor.js';
export * from './fact.js';
export * from './matter-enums.js';
