import { checkPageSize, decodeCursor, encodeCursor } from '@govgraph/kit';
import type { DataAccessRepository } from './data-access.repository.js';
import type { DataAccessConnection } from './data-access.type.js';

const CURSOR_KIND = 'access';

/** A page of an applicant's data-access log, newest first. */
export async function dataAccessPage(
  repository: DataAccessRepository,
  applicantId: string,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<DataAccessConnection> {
  const size = checkPageSize(first);
  let position: { at: string; id: string } | undefined;
  if (after) {
    const [at, id] = decodeCursor(CURSOR_KIND, after).split('|');
    position = { at: at ?? '', id: id ?? '' };
  }
  const [totalCount, rows] = await Promise.all([repository.count(applicantId), repository.page(applicantId, size + 1, position)]);
  const edges = rows.slice(0, size).map((row) => ({
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
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: position !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
