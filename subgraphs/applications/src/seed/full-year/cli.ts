import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { subgraphConfig } from '@govgraph/kit';
import { REPORT_YEAR } from '../seed-years.js';
import { formatDuration } from './progress.js';
import { LiveCasesError } from './replace-year.js';
import { seedFullYear } from './seed-full-year.js';
import { REPORT_VOLUMES } from './year-plan.js';

const USAGE = `npm run seed:full-year -- [options]

Seeds a simulated year at the hall's real volumes (${REPORT_VOLUMES.online.toLocaleString('en')} online and
${REPORT_VOLUMES.hall.toLocaleString('en')} hall cases, 63.78 % instant, all on time) into the applications
database, in one transaction, replacing the year's simulated cases (never live ones).

  --year <year>          the year (default ${REPORT_YEAR})
  --scale <fraction>     a fraction of the report's volumes, e.g. 0.001 (default 1)
  --online <cases>       online cases (overrides --scale for them)
  --hall <cases>         hall (WINDOW) cases (overrides --scale for them)
  --seed <number>        random seed (default: the year)
  --database-url <url>   PostgreSQL; default APPLICATIONS_DATABASE_URL, else SQLite
                         <DATA_DIR>/applications.sqlite (DATA_DIR default ./data)
  --help`;

function numberOption(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || String(raw).trim() === '') throw new Error(`--${name} must be a number, got ${JSON.stringify(raw)}`);
  return value;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      year: { type: 'string' },
      scale: { type: 'string' },
      online: { type: 'string' },
      hall: { type: 'string' },
      seed: { type: 'string' },
      'database-url': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = subgraphConfig('applications');
  const databaseUrl = values['database-url'] ?? config.databaseUrl;
  const scale = numberOption(values, 'scale');
  if (scale !== undefined && !(scale > 0 && scale <= 10)) throw new Error(`--scale must be above 0 and at most 10, got ${scale}`);
  const [online, hall, seed] = [numberOption(values, 'online'), numberOption(values, 'hall'), numberOption(values, 'seed')];
  const year = numberOption(values, 'year') ?? REPORT_YEAR;
  console.error(`seeding ${year} into ${databaseUrl ? new URL(databaseUrl).host + new URL(databaseUrl).pathname : `${config.dataDir}/applications.sqlite`}…`);
  const summary = await seedFullYear({
    year,
    dataDir: config.dataDir,
    databaseUrl,
    ...(scale !== undefined ? { scale } : {}),
    ...(online !== undefined ? { online } : {}),
    ...(hall !== undefined ? { hall } : {}),
    ...(seed !== undefined ? { seed } : {}),
  });
  const steps = Object.entries(summary.steps)
    .map(([name, seconds]) => `${name} ${seconds.toFixed(1)} s`)
    .join(', ');
  console.log(
    [
      `${summary.year}: ${summary.cases.toLocaleString('en')} cases (${summary.online.toLocaleString('en')} online, ${summary.hall.toLocaleString('en')} at the hall)` +
        ` and ${summary.events.toLocaleString('en')} history entries in ${formatDuration(summary.seconds)} (${summary.seconds.toFixed(1)} s)` +
        (summary.replaced > 0 ? `, replacing ${summary.replaced.toLocaleString('en')} simulated cases` : ''),
      `database ${summary.location}: ${(summary.databaseBytes / 2 ** 30).toFixed(2)} GiB`,
      `steps: ${steps}`,
    ].join('\n'),
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof LiveCasesError || (error instanceof Error && /must be|a year of no cases|Unknown option|unexpected argument/i.test(error.message))) {
    console.error(`seed:full-year: ${error.message}`);
    process.exitCode = 2;
  } else {
    console.error(error);
    process.exitCode = 1;
  }
}
