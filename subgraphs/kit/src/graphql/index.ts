export * from './page-info.js';
export * from './cursor.js';
export * from './page-args.js';
export * from './fact.enums.js';
export * from './fact.js';
export * from './matter.enums.js';
export * from './department.stub.js';
export * from './licence-type.stub.js';
