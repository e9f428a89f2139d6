import { BadUserInputError, cursorField, encodeCursor, readPageArgs, type PageArgs, type PageRequest } from '@govgraph/kit';
import type { Page } from './application.repository.js';
import type { ApplicationRecord } from './application.record.js';
import type { ApplicationConnection } from './application.type.js';

/** A page of cases as a Relay connection; `keyOf` is the sort key a cursor resumes from. */
export function toConnection(kind: string, page: Page<ApplicationRecord>, keyOf: (r: ApplicationRecord) => string): ApplicationConnection {
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

/** The page the arguments ask for, its cursor read as the (sort key, id) it names. */
export function readPage(kind: string, args: PageArgs): PageRequest<{ sortKey: string; id: string }> {
  const request = readPageArgs(kind, args);
  if (request.cursor === null) return { ...request, cursor: null };
  const at = request.cursor.lastIndexOf('|');
  const field = cursorField(request);
  if (at <= 0) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
  return { ...request, cursor: { sortKey: request.cursor.slice(0, at), id: request.cursor.slice(at + 1) } };
}
