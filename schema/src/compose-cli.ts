import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { generatedFiles } from './generate.js';
import { CompositionError } from './compose.js';

process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';

try {
  for (const file of await generatedFiles()) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    console.log(`wrote ${relative(process.cwd(), file.path)}`);
  }
} catch (error) {
  if (error instanceof CompositionError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
