import { registerEnumType } from 'type-graphql';

/** What a release is, as the annual report's table of proactive disclosure sorts it. */
export enum DisclosureCategory {
  NOTICE = 'NOTICE',
  WORK_UPDATE = 'WORK_UPDATE',
  STATISTICS = 'STATISTICS',
  POLICY = 'POLICY',
}

/** Where the department published. */
export enum DisclosureChannel {
  WEBSITE = 'WEBSITE',
  WECHAT = 'WECHAT',
  GAZETTE = 'GAZETTE',
  PRESS = 'PRESS',
}

registerEnumType(DisclosureCategory, {
  name: 'DisclosureCategory',
  description: 'The kind of information a department published of its own accord (主动公开).',
  valuesConfig: {
    NOTICE: { description: '通知公告: notices and announcements.' },
    WORK_UPDATE: { description: '工作动态: news of the department’s work.' },
    STATISTICS: { description: '业务统计数据: the department’s business statistics.' },
    POLICY: { description: '政策文件: policy documents.' },
  },
});
registerEnumType(DisclosureChannel, {
  name: 'DisclosureChannel',
  description: 'Where a department publishes.',
  valuesConfig: {
    WEBSITE: { description: '政府网站: the department’s website.' },
    WECHAT: { description: '政务微信: the department’s WeChat official account.' },
    GAZETTE: { description: '政府公报: the city government gazette.' },
    PRESS: { description: '新闻发布会: press conferences.' },
  },
});

export const CATEGORIES: readonly DisclosureCategory[] = Object.values(DisclosureCategory);
export const CHANNELS: readonly DisclosureChannel[] = Object.values(DisclosureChannel);
