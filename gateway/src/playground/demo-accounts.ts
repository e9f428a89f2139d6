import type { PlaygroundDemoAccount } from './client/page-config.js';

/** The demo accounts that identity seeds (README, "Demo accounts"); all sign in with `demo`. */
export const DEMO_ACCOUNTS: readonly PlaygroundDemoAccount[] = Object.freeze([
  { username: 'zhangsan', label: '张三 · citizen, holds a driving licence' },
  { username: 'lisi', label: '李四 · citizen, agent of 深圳市示例科技有限公司' },
  { username: 'wangwu', label: '王五 · legal representative of 深圳市示例科技有限公司' },
  { username: 'officer.police', label: '赵警官 · officer, 市公安局交通警察局' },
  { username: 'officer.market', label: '钱科员 · officer, 市市场监督管理局' },
  { username: 'officer.hall', label: '孙主任 · officer, 市政务服务数据管理局 (the hall office)' },
  { username: 'officer.supervisor', label: '周督查 · supervisor of the hall office, every department’s deadlines' },
]);

export const DEMO_PASSWORD = 'demo';
