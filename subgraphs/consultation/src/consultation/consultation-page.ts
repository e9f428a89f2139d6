import { BadUserInputError, cursorField, encodeCursor, readPageArgs, type KeysetPage, type PageArgs, type PageRequest } from '@govgraph/kit';
import type { Consultation, ConsultationConnection } from './consultation.type.js';

const KIND = 'consultation-queue';

/** The page the arguments ask for, its cursor read as the (due time, id) it names. */
export function readQueuePage(args: PageArgs): PageRequest<{ dueAt: string; id: string }> {
  const request = readPageArgs(KIND, args);
  if (request.cursor === null) return { ...request, cursor: null };
  const at = request.cursor.lastIndexOf('|');
  const field = cursorField(request);
  if (at <= 0) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
  return { ...request, cursor: { dueAt: request.cursor.slice(0, at), id: request.cursor.slice(at + 1) } };
}

export function toConnection(page: KeysetPage<Consultation>): ConsultationConnection {
  const edges = page.rows.map((node) => ({ cursor: encodeCursor(KIND, `${node.dueAt}|${node.id}`), node }));
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
