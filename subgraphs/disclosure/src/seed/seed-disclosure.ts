import type { Kysely } from 'kysely';
import { insertInBatches, seededRandom } from '@govgraph/kit';
import type { DisclosureTables } from '../database.js';
import { demoReleases } from './demo-releases.js';
import { demoRequests } from './demo-requests.js';

/** Deterministic demo data: the same rows on every machine (seededRandom), written once, in one transaction. */
export async function seedDisclosure(trx: Kysely<DisclosureTables>): Promise<void> {
  // A seed of its own: new-subgraph derives each department's from its name.
  const random = seededRandom(848756);
  const { releases, channels, channelYears } = demoReleases(random);
  const { requests, reviews } = demoRequests();
  await insertInBatches(trx, 'disclosure_release', releases);
  await insertInBatches(trx, 'disclosure_release_channel', channels);
  await insertInBatches(trx, 'disclosure_channel_year', channelYears);
  await insertInBatches(trx, 'disclosure_request', requests);
  await insertInBatches(trx, 'disclosure_review', reviews);
}
