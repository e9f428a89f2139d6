import { BadUserInputError, cursorField, encodeCursor, readPageArgs, settlePage, type PageArgs } from '@govgraph/kit';
import type { DataAccessRepository } from './data-access.repository.js';
import type { DataAccessConnection } from './data-access.type.js';

const CURSOR_KIND = 'access';

/** A page of an applicant's data-access log, newest first, forward or backward. */
export async function dataAccessPage(repository: DataAccessRepository, applicantId: string, args: PageArgs): Promise<DataAccessConnection> {
  const request = readPageArgs(CURSOR_KIND, args);
  let cursor: { at: string; id: string } | undefined;
  if (request.cursor !== null) {
    const [at, id, ...rest] = request.cursor.split('|');
    const field = cursorField(request);
    if (!at || !id || rest.length > 0) throw new BadUserInputError(`${field} is not a cursor of this list`, field);
    cursor = { at, id };
  }
  const [totalCount, fetched, beyond] = await Promise.all([
    repository.count(applicantId),
    repository.page(applicantId, request.size + 1, cursor, request.backward),
    cursor ? repository.reachesPast(applicantId, cursor, request.backward) : false,
  ]);
  const { rows, hasNextPage, hasPreviousPage } = settlePage(request, fetched, beyond);
  const edges = rows.map((row) => ({
    cursor: encodeCursor(CURSOR_KIND, `${row.at}|${row.id}`),
    node: {
      at: row.at,
      accessor: row.accessorName,
      department: row.departmentCode ? { code: row.departmentCode } : null,
      purpose: row.purpose,
      fields: row.fields,
    },
  }));
  return {
    totalCount,
    edges,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
