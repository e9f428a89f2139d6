// Labels and formats shared by the pages: the graph speaks codes and ISO times, people read Chinese and local time.
import type { ApplicationStatus, TrustLevel } from '@govgraph/portal/kit';

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  SUBMITTED: '已提交',
  ACCEPTED: '已受理',
  CORRECTION_REQUESTED: '待补正',
  APPROVED: '已批准',
  REJECTED: '不予批准',
  COMPLETED: '已办结',
  WITHDRAWN: '已撤回',
};

/** TrustLevel as the schema documents it: A agency-produced … D declared. */
export const TRUST_LABELS: Record<TrustLevel, string> = {
  A: 'A 部门核验',
  B: 'B 窗口核验',
  C: 'C 申请人上传',
  D: 'D 申请人声明',
};

export const SYSTEM_LABELS: Record<string, string> = {
  identity: '统一身份认证',
  licences: '电子证照库',
  applications: '办件系统',
  catalog: '事项目录',
  disclosure: '政府信息公开',
  consultation: '咨询投诉',
};

/** Undecided cases may still be withdrawn (docs/applications.md). */
export const WITHDRAWABLE: readonly string[] = ['SUBMITTED', 'ACCEPTED', 'CORRECTION_REQUESTED'];

export function statusLabel(status: string): string {
  return STATUS_LABELS[status as ApplicationStatus] ?? status;
}

/** A timestamp in the reader's local time, to the minute. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** A calendar date (deadlines, validity) as the graph gives it: YYYY-MM-DD, shown as is. */
export function formatDate(date: string | null | undefined): string {
  return date ?? '—';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

// The data-access log names fields by their system's key; people read these names instead.
const DATA_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  displayName: '名称',
  address: '住址',
  idNumber: '公民身份号码',
  idNumberMasked: '公民身份号码（脱敏）',
  mobile: '手机号码',
  mobileMasked: '手机号码（脱敏）',
  creditCode: '统一社会信用代码',
  'licences.licence': '电子证照',
  'licences.licence.status': '电子证照状态',
};
const FORM_KEY_LABELS: Record<string, string> = {
  applicantName: '申请人姓名',
  idNumber: '公民身份号码',
  mobile: '手机号码',
  address: '联系地址',
  drivingLicenceNumber: '驾驶证证号',
  deliveryMethod: '领证方式',
};

/** `applications.field.mobile` → 申请表：手机号码; unknown keys stay as they are. */
export function dataFieldLabel(field: string): string {
  const known = DATA_FIELD_LABELS[field];
  if (known) return known;
  const formField = /^applications\.field\.(.+)$/.exec(field)?.[1];
  if (formField) return `申请表：${FORM_KEY_LABELS[formField] ?? formField}`;
  const material = /^applications\.material\.(.+)\.filename$/.exec(field)?.[1];
  if (material) return `材料文件名：${material}`;
  return field;
}
