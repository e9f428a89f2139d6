// Loading, failure and partial-result notices, and the one rule every page shares: an expired session goes back to sign-in.
import { errorCode, errorMessage } from '@govgraph/portal/kit';
import { useEffect } from 'react';
import type { CombinedError } from 'urql';
import { usePortal } from '../portal-context.js';

/** UNAUTHENTICATED anywhere means the token is gone or expired: drop the session, which shows the sign-in. */
export function useAuthGuard(error: CombinedError | undefined): void {
  const { store } = usePortal();
  const code = errorCode(error);
  useEffect(() => {
    if (code === 'UNAUTHENTICATED') store.set(undefined);
  }, [code, store]);
}

interface ResultLike {
  fetching: boolean;
  data?: unknown;
  error?: CombinedError;
}

/**
 * Before data: 加载中 or the failure. With data and errors (a department down): what arrived stays
 * on the page and this notice says it may be incomplete.
 */
export function QueryNotice({ result }: { result: ResultLike }) {
  useAuthGuard(result.error);
  if (result.error && result.data) {
    return (
      <p role="status" className="notice notice-warning">
        部分信息暂时无法获取，页面可能不完整：{errorMessage(result.error)}
      </p>
    );
  }
  if (result.error) {
    return (
      <p role="alert" className="notice notice-error">
        {errorMessage(result.error)}
      </p>
    );
  }
  if (result.fetching && !result.data) {
    return (
      <p role="status" className="notice">
        加载中…
      </p>
    );
  }
  return null;
}
