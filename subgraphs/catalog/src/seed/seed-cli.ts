import 'reflect-metadata';
import { withServiceDatabase } from '@govgraph/kit';
import { announceCatalogChanged } from '../announce-catalog-changed.js';
import { catalogService } from '../server.js';
import { seedCatalog } from './seed-catalog.js';

/**
 * `npm run seed -- --scale 100`: replaces the demo catalog in DATA_DIR (or CATALOG_DATABASE_URL)
 * with one N times the hall's size, for benchmarks; `--scale 1` goes back. One transaction.
 */
function parseScale(argv: string[]): number {
  const index = argv.indexOf('--scale');
  const raw = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith('--scale='))?.slice('--scale='.length);
  const scale = raw === undefined ? 1 : Number(raw);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    console.error('usage: npm run seed -- --scale N   (N a whole number from 1 to 1000)');
    process.exit(2);
  }
  return scale;
}

const scale = parseScale(process.argv.slice(2));
const interactive = process.stdout.isTTY;
const started = Date.now();
await withServiceDatabase(catalogService, async (database, { bus, log }) => {
  console.log(`seeding the catalog at ${scale}× into ${database.location}`);
  await database.db.transaction().execute((trx) =>
    seedCatalog(trx, {
      scale,
      progress: (step, done, total) => {
        const line = `  ${step.padEnd(26)} ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`;
        if (interactive) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
        else if (done === total || done % 100_000 === 0) console.log(line);
      },
    }),
  );
  // Running gateways drop the catalog answers they cached (through Redis or DATA_DIR/events.sqlite);
  // signed with the catalog's key, the only one they accept on catalog-changed. The kit closes the bus.
  await announceCatalogChanged(bus, { reason: 'seeded', scale }, log);
});
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
