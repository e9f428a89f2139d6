import { BadUserInputError, decodeCursor, encodeCursor } from '@govgraph/kit';
import type { Page } from './application.repository.js';
import type { ApplicationRecord } from './application.record.js';
import type { ApplicationConnection } from './application.type.js';

/** A page of cases as a Relay connection; `keyOf` is the sort key the cursor resumes after. */
export function toConnection(kind: string, page: Page<ApplicationRecord>, keyOf: (r: ApplicationRecord) => string): ApplicationConnection {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor(kind, `${keyOf(node)}|${node.id}`), node: node as never }));
  return {
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: false,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    edges,
  };
}

/** The (sort key, id) an `after` cursor of this list names. */
export function readCursor(kind: string, cursor: string | null | undefined): { sortKey: string; id: string } | null {
  if (!cursor) return null;
  const key = decodeCursor(kind, cursor);
  const at = key.lastIndexOf('|');
  if (at <= 0) throw new BadUserInputError('after is not a cursor of this list', 'after');
  return { sortKey: key.slice(0, at), id: key.slice(at + 1) };
}
