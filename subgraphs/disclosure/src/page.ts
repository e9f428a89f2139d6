import { BadUserInputError, cursorField, encodeCursor, readPageArgs, type KeysetPage, type PageArgs, type PageInfo, type PageRequest } from '@govgraph/kit';

/** A cursor's position in a list ordered by (sort key, id). */
export interface KeyCursor {
  sortKey: string;
  id: string;
}

/** The page the arguments ask for, its cursor read as the (sort key, id) it names. */
export function readPage(kind: string, args: PageArgs): PageRequest<KeyCursor> {
  const request = readPageArgs(kind, args);
  if (request.cursor === null) return { ...request, cursor: null };
  const at = request.cursor.lastIndexOf('|');
  const field = cursorField(request);
  if (at <= 0 || at > 16) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
  return { ...request, cursor: { sortKey: request.cursor.slice(0, at), id: request.cursor.slice(at + 1) } };
}

/** A page as a Relay connection; `keyOf` is the sort key a cursor resumes from. */
export function toConnection<T extends { id: string }>(
  kind: string,
  page: KeysetPage<T>,
  keyOf: (row: T) => string,
): { totalCount: number; pageInfo: PageInfo; edges: Array<{ cursor: string; node: never }> } {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor(kind, `${keyOf(node)}|${node.id}`), node: node as never }));
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    edges,
  };
}
