import { DEPARTMENTS, integer, pick, type DepartmentRef } from '@govgraph/kit';
import type { DisclosureTables } from '../database.js';
import { DisclosureCategory, DisclosureChannel } from '../release/release.enums.js';

type ReleaseRow = DisclosureTables['disclosure_release'];
type ChannelRow = DisclosureTables['disclosure_release_channel'];
type ChannelYearRow = DisclosureTables['disclosure_channel_year'];

/**
 * The seed office's 2017, as its annual report on government information disclosure gives it:
 * 128 releases (10 notices, 108 work updates, 10 statistics, no policy documents), all on the
 * website; the WeChat account's own 251 posts and 38,229 followers at the year's end.
 */
export const ZWSJ_2017 = {
  departmentCode: DEPARTMENTS.dataAdministration.code,
  year: 2017,
  releases: { NOTICE: 10, WORK_UPDATE: 108, STATISTICS: 10, POLICY: 0 },
  wechat: { posts: 251, followers: 38_229 },
  /** Statistics also printed in the government gazette, work updates announced at press conferences. */
  gazetteReleases: 4,
  gazettePosts: 4,
  pressReleases: 3,
  pressPosts: 5,
} as const;

/** Nothing the seed writes is dated after this day. */
export const SEED_LAST_DAY = '2026-11-30';

const TOPICS: Record<DisclosureCategory, readonly string[]> = {
  NOTICE: ['行政服务大厅节假日服务时间调整', '网上办事大厅系统升级维护', '政务服务事项目录调整', '窗口综合受理改革试点', '自助服务终端新增业务', '预约办事服务'],
  WORK_UPDATE: [
    '“一门式一网式”政府服务模式改革',
    '政务服务标准化建设',
    '政务信息资源共享',
    '行政服务大厅窗口服务',
    '网上办事大厅应用推广',
    '政务数据开放',
    '基层政务服务体系建设',
    '“互联网+政务服务”',
  ],
  STATISTICS: ['行政服务大厅业务办理情况', '网上办事大厅业务办理情况', '政务服务咨询投诉处理情况'],
  POLICY: ['政务服务管理办法', '政务信息资源共享管理办法', '政务服务事项目录管理规定'],
};

const TITLE: Record<DisclosureCategory, (topic: string, month: number, name: string) => string> = {
  NOTICE: (topic, _month, name) => `${name}关于${topic}的通知`,
  WORK_UPDATE: (topic) => `扎实推进${topic}工作`,
  STATISTICS: (topic, month) => `${month}月份${topic}`,
  POLICY: (topic) => `印发《${topic}》`,
};

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The `dayOfYear`-th day (0-based) of a non-leap year as YYYY-MM-DD. */
function dateOf(year: number, dayOfYear: number): string {
  let day = dayOfYear;
  let month = 0;
  const lengths = MONTH_DAYS.map((d, i) => (i === 1 && year % 4 === 0 ? 29 : d));
  while (day >= lengths[month]!) {
    day -= lengths[month]!;
    month += 1;
  }
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
}

export interface ReleaseRows {
  releases: ReleaseRow[];
  channels: ChannelRow[];
  channelYears: ChannelYearRow[];
}

/** Appends a department's releases of a year, spread evenly over `days` days, in date order. */
function addYear(
  rows: ReleaseRows,
  random: () => number,
  department: DepartmentRef,
  year: number,
  days: number,
  categories: DisclosureCategory[],
  channelsOf: (category: DisclosureCategory, index: number) => DisclosureChannel[],
): void {
  const step = days / categories.length;
  categories.forEach((category, index) => {
    const publishedOn = dateOf(year, Math.min(days - 1, Math.floor(index * step + random() * step)));
    const id = `DR-${String(rows.releases.length + 1).padStart(6, '0')}`;
    rows.releases.push({
      id,
      department_code: department.code,
      category,
      title: TITLE[category](pick(random, TOPICS[category]), Number(publishedOn.slice(5, 7)), department.name),
      published_on: publishedOn,
    });
    for (const channel of channelsOf(category, index)) rows.channels.push({ release_id: id, channel });
  });
}

/** A deterministic shuffle (Fisher–Yates on the seeded generator). */
function shuffled<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

const repeat = (category: DisclosureCategory, n: number): DisclosureCategory[] => Array.from({ length: n }, () => category);

/** ZWSJ's 2017 exactly; a handful a year for the other demo departments; recent years for all. */
export function demoReleases(random: () => number): ReleaseRows {
  const rows: ReleaseRows = { releases: [], channels: [], channelYears: [] };
  const zwsj = DEPARTMENTS.dataAdministration;
  const { releases: counts } = ZWSJ_2017;

  // 2017 for the seed office: the categories in a shuffled order over the whole year.
  const categories2017 = shuffled(random, [
    ...repeat(DisclosureCategory.NOTICE, counts.NOTICE),
    ...repeat(DisclosureCategory.WORK_UPDATE, counts.WORK_UPDATE),
    ...repeat(DisclosureCategory.STATISTICS, counts.STATISTICS),
  ]);
  let gazette = 0;
  let press = 0;
  addYear(rows, random, zwsj, 2017, 365, categories2017, (category) => {
    const channels = [DisclosureChannel.WEBSITE];
    if (random() < 0.85) channels.push(DisclosureChannel.WECHAT);
    if (category === DisclosureCategory.STATISTICS && gazette < ZWSJ_2017.gazetteReleases) {
      gazette += 1;
      channels.push(DisclosureChannel.GAZETTE);
    }
    if (category === DisclosureCategory.WORK_UPDATE && press < ZWSJ_2017.pressReleases && random() < 0.1) {
      press += 1;
      channels.push(DisclosureChannel.PRESS);
    }
    return channels;
  });
  const onWebsite2017 = counts.NOTICE + counts.WORK_UPDATE + counts.STATISTICS;
  rows.channelYears.push(
    { department_code: zwsj.code, year: 2017, channel: DisclosureChannel.WEBSITE, posts: onWebsite2017, followers: null },
    { department_code: zwsj.code, year: 2017, channel: DisclosureChannel.WECHAT, posts: ZWSJ_2017.wechat.posts, followers: ZWSJ_2017.wechat.followers },
    { department_code: zwsj.code, year: 2017, channel: DisclosureChannel.GAZETTE, posts: ZWSJ_2017.gazettePosts, followers: null },
    { department_code: zwsj.code, year: 2017, channel: DisclosureChannel.PRESS, posts: ZWSJ_2017.pressPosts, followers: null },
  );

  // The other demo departments in 2017, and everyone in the recent years (2026 up to the seed's last day).
  const others = Object.values(DEPARTMENTS).filter((d) => d.code !== zwsj.code);
  const all = Object.values(DEPARTMENTS);
  const plan: Array<{ department: DepartmentRef; year: number }> = [
    ...others.map((department) => ({ department, year: 2017 })),
    ...all.flatMap((department) => [2025, 2026].map((year) => ({ department, year }))),
  ];
  const categories = Object.values(DisclosureCategory);
  for (const { department, year } of plan) {
    const seedOffice = department.code === zwsj.code;
    const n = seedOffice ? integer(random, 30, 40) : integer(random, 3, 8);
    const days = year === 2026 ? 334 : 365; // 2026: January to November
    const picked = Array.from({ length: n }, () => pick(random, categories));
    const before = rows.channels.length;
    addYear(rows, random, department, year, days, picked, () => (random() < 0.6 ? [DisclosureChannel.WEBSITE, DisclosureChannel.WECHAT] : [DisclosureChannel.WEBSITE]));
    const onWechat = rows.channels.slice(before).filter((c) => c.channel === DisclosureChannel.WECHAT).length;
    rows.channelYears.push({ department_code: department.code, year, channel: DisclosureChannel.WEBSITE, posts: n, followers: null });
    rows.channelYears.push({
      department_code: department.code,
      year,
      channel: DisclosureChannel.WECHAT,
      posts: onWechat + integer(random, 20, seedOffice ? 300 : 120),
      followers: integer(random, seedOffice ? 60_000 : 5_000, seedOffice ? 90_000 : 40_000),
    });
  }
  return rows;
}
