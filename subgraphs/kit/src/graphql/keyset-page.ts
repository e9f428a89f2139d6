import { sql, type Selectable, type SelectQueryBuilder } from 'kysely';
import { settlePage, type PageRequest } from './page-args.js';

/** One page of a list read by keyset, with the list's size. */
export interface KeysetPage<T> {
  rows: T[];
  totalCount: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** What `keysetPage` reads: one table's list ordered by (`sortColumn`, id). */
export interface KeysetPageOptions<DB, TB extends keyof DB, O, S extends string, R> {
  /** The whole list: its table and filters, nothing selected or ordered; also what `totalCount` counts. */
  base: SelectQueryBuilder<DB, TB, O>;
  /** The column the list is ordered by, id breaking ties. */
  sortColumn: keyof DB[TB] & string;
  /** The list's order (a backward page reads it reversed, then turns the rows back). */
  direction: 'asc' | 'desc';
  page: PageRequest<{ [K in S]: string } & { id: string }>;
  /** The cursor's field holding the sort column's value. */
  cursorKey: S;
  toRecord: (row: Selectable<DB[TB]>) => R;
  /**
   * The list's size when something cheaper than counting `base` knows it (a maintained counter):
   * a count over a list that grows with history costs more every year.
   */
  totalCount?: () => Promise<number>;
}

/**
 * How a keyset page reads a list in `listOrder`: forward in that order past the cursor, backward
 * in the reverse order before it; `beyond` finds rows at the cursor or on its other side.
 */
function keyset(listOrder: 'asc' | 'desc', backward: boolean) {
  const order: 'asc' | 'desc' = (listOrder === 'asc') !== backward ? 'asc' : 'desc';
  return order === 'asc' ? ({ order, seek: '>', beyond: '<=' } as const) : ({ order, seek: '<', beyond: '>=' } as const);
}

/**
 * Reads one page of `base` by keyset on (`sortColumn`, id): up to size + 1 rows past the cursor,
 * the list's count, and whether any row lies at the cursor or on its other side, in parallel.
 *
 * The seek is a row-value comparison, `(sort, id) > (x, y)`, not `sort > x or (sort = x and id > y)`:
 * with the row value SQLite and PostgreSQL seek an index on (filters…, sort, id) straight to the
 * cursor; with the `or` both scanned the list from its first row, so a late page cost more the
 * longer the list (docs/benchmarks.md, growth section). A backward page seeks `<` and walks the same
 * index in reverse; the probe beyond the cursor is one more seek (`<=` / `>=`, limit 1), never a count.
 */
export async function keysetPage<DB, TB extends keyof DB, O, S extends string, R>(options: KeysetPageOptions<DB, TB, O, S, R>): Promise<KeysetPage<R>> {
  const { page, cursorKey, toRecord } = options;
  const sortColumn: string = options.sortColumn;
  // Kysely checks refTuple's and orderBy's columns against DB[TB], which it cannot resolve while the
  // table is a type parameter; the options' types check the caller's column, cursor and rows instead.
  const base = options.base as unknown as SelectQueryBuilder<any, any, object>;
  const { order, seek, beyond } = keyset(options.direction, page.backward);
  const cursor = page.cursor && { key: page.cursor[cursorKey], id: page.cursor.id };
  let query = base.selectAll();
  if (cursor) query = query.where((eb) => eb(eb.refTuple(sortColumn, 'id'), seek, eb.tuple(cursor.key, cursor.id)));
  const [rows, count, other] = await Promise.all([
    query
      .orderBy(sortColumn, order)
      .orderBy('id', order)
      .limit(page.size + 1)
      .execute(),
    options.totalCount ? options.totalCount().then((n) => ({ n })) : base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    cursor
      ? base
          .select(sql<number>`1`.as('one'))
          .where((eb) => eb(eb.refTuple(sortColumn, 'id'), beyond, eb.tuple(cursor.key, cursor.id)))
          .limit(1)
          .executeTakeFirst()
      : undefined,
  ]);
  return { ...settlePage(page, (rows as Selectable<DB[TB]>[]).map(toRecord), other !== undefined), totalCount: Number(count.n) };
}
