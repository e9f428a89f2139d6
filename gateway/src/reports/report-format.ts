/** Text for a report: counts with thousands separators, rates as percentages with one decimal, HTML escaped. */

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** 1444 → "1,444"; null (nothing to count) → "—". */
export function formatCount(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? COUNT.format(value) : '—';
}

/** A fraction 0..1 as a percentage with one decimal: 0.959 → "95.9%", 0.99195 → "99.2%"; null → "—". */
export function formatPercent(fraction: number | null | undefined): string {
  return typeof fraction === 'number' && Number.isFinite(fraction) ? `${ONE_DECIMAL.format(fraction * 100)}%` : '—';
}

/** A number with one decimal (an average rating): 4.83 → "4.8"; null → "—". */
export function formatDecimal(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? ONE_DECIMAL.format(value) : '—';
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any value as HTML text or attribute value: `& < > " '` escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Chinese labels of the report's enums; an unknown value is shown as it came. */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = { NOTICE: '通知公告', WORK_UPDATE: '工作动态', STATISTICS: '业务统计数据', POLICY: '政策文件' };
export const CHANNEL_LABELS: Readonly<Record<string, string>> = { WEBSITE: '政府网站', WECHAT: '政务微信公众号', GAZETTE: '政府公报', PRESS: '新闻发布会' };
export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  DISCLOSED: '予以公开',
  PARTIALLY_DISCLOSED: '部分公开',
  NOT_DISCLOSED: '不予公开',
  NOT_EXISTING: '本机关不掌握相关政府信息',
  NOT_THIS_AUTHORITY: '非本机关负责公开',
};
export const CONSULTATION_CHANNEL_LABELS: Readonly<Record<string, string>> = { HALL_DESK: '大厅咨询台', HOTLINE_12345: '12345热线', WEBSITE: '网站', WECHAT: '微信' };

export function labelOf(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? labels[value]! : value;
}
