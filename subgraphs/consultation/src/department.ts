/**
 * The department that runs this subgraph, as the hall names it: the service's `department`, and
 * the department every record the seed writes names. `npm run new-subgraph --department` sets it.
 */
export const DEPARTMENT_NAME = '市政务服务数据管理局';
