import type { Kysely, Selectable } from 'kysely';
import { keysetPage, type KeysetPage, type PageRequest } from '@govgraph/kit';
import type { DisclosureTables } from '../database.js';
import type { KeyCursor } from '../page.js';
import type { DisclosureCategory, DisclosureChannel } from './release.enums.js';
import type { ReleaseRecord } from './release.type.js';

type ReleaseRow = Selectable<DisclosureTables['disclosure_release']>;

export interface ReleaseFilter {
  departmentCode: string;
  year?: number | null;
  category?: DisclosureCategory | null;
}

export interface ReleaseChannel {
  releaseId: string;
  channel: DisclosureChannel;
}

/** Reads of releases; each method serves a DataLoader batch or one list. */
export class ReleaseRepository {
  constructor(private readonly db: Kysely<DisclosureTables>) {}

  async byIds(ids: readonly string[]): Promise<ReleaseRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('disclosure_release')
      .selectAll()
      .where('id', 'in', [...ids])
      .execute();
    return rows.map(toRelease);
  }

  async channelsOf(ids: readonly string[]): Promise<ReleaseChannel[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('disclosure_release_channel')
      .selectAll()
      .where('release_id', 'in', [...ids])
      .execute();
    return rows.map((r) => ({ releaseId: r.release_id, channel: r.channel as DisclosureChannel }));
  }

  /** A department's releases, newest first; the cursor is a (published_on, id). */
  async page(filter: ReleaseFilter, page: PageRequest<KeyCursor>): Promise<KeysetPage<ReleaseRecord>> {
    let base = this.db.selectFrom('disclosure_release').where('department_code', '=', filter.departmentCode);
    if (filter.year != null) base = base.where('published_on', '>=', `${filter.year}-01-01`).where('published_on', '<=', `${filter.year}-12-31`);
    if (filter.category != null) base = base.where('category', '=', filter.category);
    return keysetPage({ base, sortColumn: 'published_on', direction: 'desc', page, cursorKey: 'sortKey', toRecord: toRelease });
  }
}

function toRelease(row: ReleaseRow): ReleaseRecord {
  return {
    id: row.id,
    departmentCode: row.department_code,
    category: row.category as DisclosureCategory,
    title: row.title,
    publishedOn: row.published_on,
  };
}
