import type { Kysely } from 'kysely';
import { cityDate, groupedLoader, keyedLoader, type DataAccessEvent, type SubgraphContext } from '@govgraph/kit';
import type { DisclosureTables } from './database.js';
import { ReleaseRepository } from './release/release.repository.js';
import { ReportRepository } from './report/report.repository.js';
import { RequestRepository } from './request/request.repository.js';

/** Long-lived: repositories, the clock and the data-access log, shared by every request. */
export interface DisclosureServices {
  releases: ReleaseRepository;
  requests: RequestRepository;
  reports: ReportRepository;
  /**
   * Reports an officer's read of a request to the requester's data-access log (identity), before
   * the request leaves. server.ts publishes it on the bus's `data-access` stream.
   */
  reportAccess: (event: DataAccessEvent) => Promise<void>;
  clock: () => Date;
  /** Today in the city (UTC+8), YYYY-MM-DD: requests are received, due and answered on city days. */
  today: () => string;
}

export function createDisclosureServices(
  db: Kysely<DisclosureTables>,
  options: { reportAccess: (event: DataAccessEvent) => Promise<void>; clock?: () => Date },
): DisclosureServices {
  const clock = options.clock ?? (() => new Date());
  return {
    releases: new ReleaseRepository(db),
    requests: new RequestRepository(db),
    reports: new ReportRepository(db),
    reportAccess: options.reportAccess,
    clock,
    today: () => cityDate(clock()),
  };
}

/** Fresh per request: one query per batch, never N+1, never shared between callers. */
export function createDisclosureLoaders(services: DisclosureServices) {
  const { releases, requests, reports } = services;
  return {
    releaseById: keyedLoader(
      (ids: readonly string[]) => releases.byIds(ids),
      (r) => r.id,
    ),
    channelsByRelease: groupedLoader(
      (ids: readonly string[]) => releases.channelsOf(ids),
      (c) => c.releaseId,
    ),
    requestById: keyedLoader(
      (ids: readonly string[]) => requests.byIds(ids),
      (r) => r.id,
    ),
    requestsByRequester: groupedLoader(
      (ids: readonly string[]) => requests.ofRequesters(ids),
      (r) => r.requesterId,
    ),
    reviewsByRequest: groupedLoader(
      (ids: readonly string[]) => requests.reviewsOf(ids),
      (r) => r.requestId,
    ),
    // Report sections by `departmentCode|year` (report.repository.ts reportKeyOf).
    proactiveByReport: keyedLoader(
      (keys: readonly string[]) => reports.proactive(keys),
      (s) => s.key,
    ),
    requestFiguresByReport: keyedLoader(
      (keys: readonly string[]) => reports.requests(keys),
      (s) => s.key,
    ),
    reviewsByReport: keyedLoader(
      (keys: readonly string[]) => reports.reviews(keys),
      (s) => s.key,
    ),
  };
}

export type DisclosureLoaders = ReturnType<typeof createDisclosureLoaders>;
export type DisclosureContext = SubgraphContext<DisclosureLoaders, DisclosureServices>;
