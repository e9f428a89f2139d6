import { writePlaygroundBundle } from './build-playground-bundle.js';

/**
 * `node --import tsx gateway/src/playground/write-playground-bundle.ts`: writes the playground
 * bundle to gateway/dist/playground-bundle, or keeps the one there when its inputs are unchanged.
 * Run by `npm start` beside the services; `npm run build` calls writePlaygroundBundle itself.
 */
const result = await writePlaygroundBundle({ force: process.argv.includes('--force') });
console.log(
  result.reused
    ? `playground bundle up to date in ${result.dir} (checked in ${result.ms} ms)`
    : `playground bundle built into ${result.dir} in ${result.ms} ms (${result.manifest.packages.length} packages)`,
);
