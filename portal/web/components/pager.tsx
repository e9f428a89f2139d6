// Connections only go forward (first/after): 上一页 pops the cursor stack the 下一页 clicks pushed.
import { useCallback, useState } from 'react';

export interface CursorPager {
  after: string | undefined;
  page: number;
  next(endCursor: string | null | undefined): void;
  previous(): void;
  reset(): void;
}

export function useCursorPager(): CursorPager {
  const [stack, setStack] = useState<Array<string | undefined>>([undefined]);
  const next = useCallback((endCursor: string | null | undefined) => {
    if (endCursor) setStack((current) => [...current, endCursor]);
  }, []);
  const previous = useCallback(() => setStack((current) => (current.length > 1 ? current.slice(0, -1) : current)), []);
  const reset = useCallback(() => setStack([undefined]), []);
  return { after: stack[stack.length - 1], page: stack.length, next, previous, reset };
}

interface PagerProps {
  pager: CursorPager;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  totalCount: number;
  /** What the pages are of, for the navigation's accessible name, e.g. 事项. */
  label: string;
}

export function Pager({ pager, hasNextPage, endCursor, totalCount, label }: PagerProps) {
  return (
    <nav className="pager" aria-label={`${label}分页`}>
      <button type="button" onClick={pager.previous} disabled={pager.page <= 1}>
        上一页
      </button>
      <span>
        第 {pager.page} 页 · 共 {totalCount} 条
      </span>
      <button type="button" onClick={() => pager.next(endCursor)} disabled={!hasNextPage}>
        下一页
      </button>
    </nav>
  );
}
