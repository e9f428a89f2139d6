import type { CombinedError } from 'urql';

/**
 * The stable `extensions.code` values the graph answers with, and what a portal shows for each.
 * Codes are a contract; messages are for people and may change.
 */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: '登录已失效，请重新登录',
  FORBIDDEN: '您没有办理此事项的权限',
  NOT_FOUND: '未找到该记录',
  BAD_USER_INPUT: '填写的内容有误，请按提示修改',
  CONFLICT: '该记录已被他人更新，请刷新后重试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  LIMIT_EXCEEDED: '请求过大，请缩小查询范围',
  BAD_REQUEST: '请求格式有误，请刷新页面后重试',
  GRAPHQL_VALIDATION_FAILED: '页面版本已过期，请刷新页面',
  PERSISTED_QUERY_NOT_FOUND: '页面版本已过期，请刷新页面',
  DOWNSTREAM_SERVICE_ERROR: '部分部门系统暂时无法访问，页面可能不完整',
  INTERNAL_SERVER_ERROR: '系统繁忙，请稍后再试',
} as const;

export type KnownErrorCode = keyof typeof ERROR_MESSAGES;

/** One problem of a submission, at the field or material it concerns (`fields.mobile`, `materials.PHOTO`). */
export interface InputProblem {
  path: string;
  message: string;
}

/** The first error's code, or NETWORK when nothing answered. */
export function errorCode(error: CombinedError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.networkError && error.graphQLErrors.length === 0) return 'NETWORK';
  const code = error.graphQLErrors[0]?.extensions?.code;
  return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
}

/** A sentence for a person: the code's message, or the graph's own for input problems. */
export function errorMessage(error: CombinedError | undefined): string | undefined {
  const code = errorCode(error);
  if (code === undefined) return undefined;
  if (code === 'NETWORK') return '无法连接服务，请检查网络后重试';
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT' || code === 'FORBIDDEN') return error?.graphQLErrors[0]?.message ?? ERROR_MESSAGES[code];
  return ERROR_MESSAGES[code as KnownErrorCode] ?? ERROR_MESSAGES.INTERNAL_SERVER_ERROR;
}

/** Every input problem a refused mutation reported (`extensions.problems`), by path. */
export function inputProblems(error: CombinedError | undefined): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const listed = graphQLError.extensions?.problems;
    if (!Array.isArray(listed)) continue;
    for (const problem of listed as unknown[]) {
      const { path, message } = (problem ?? {}) as { path?: unknown; message?: unknown };
      if (typeof path === 'string' && typeof message === 'string') problems.push({ path, message });
    }
  }
  return problems;
}
