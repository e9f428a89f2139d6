import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePorts } from '../../src/free-ports.js';
import type { Contender } from './contender.js';
import { glueEnv } from './portal-glue.js';
import { startLoggedContender } from './logged-process.js';

/** Hive Gateway lives in its own package, installed on demand (`npm run bench:install`). */
export const HIVE_DIR = fileURLToPath(new URL('./hive/', import.meta.url));
const HIVE_BIN = join(HIVE_DIR, 'node_modules/@graphql-hive/gateway/dist/bin.js');
const ROUTER_RUNTIME = join(HIVE_DIR, 'node_modules/@graphql-hive/router-runtime/package.json');
const GLUE_CONFIG = fileURLToPath(new URL('./hive-glue.config.ts', import.meta.url));

/** Environment Hive's CLI reads (commander `.env(...)`): none may leak in from the caller. */
const HIVE_CLI_ENV = [
  'FORK',
  'CONFIG_PATH',
  'HOST',
  'PORT',
  'POLLING',
  'JIT',
  'HIVE_ROUTER_RUNTIME',
  'OPENTELEMETRY',
  'OPENTELEMETRY_EXPORTER_TYPE',
  'HIVE_REGISTRY_TOKEN',
  'HIVE_USAGE_TARGET',
  'HIVE_TARGET',
  'HIVE_ACCESS_TOKEN',
  'HIVE_USAGE_ACCESS_TOKEN',
  'HIVE_TRACE_ACCESS_TOKEN',
  'HIVE_TRACE_ENDPOINT',
  'HIVE_CDN_ENDPOINT',
  'HIVE_CDN_KEY',
  'APOLLO_GRAPH_REF',
  'APOLLO_KEY',
  'APOLLO_SCHEMA_CONFIG_DELIVERY_ENDPOINT',
  'RENDER_LEGACY_GRAPHIQL',
  'DEV_REMOTE',
  'DEV_REGISTRY',
  // Hive's logger refuses levels it does not know (vitest sets LOG_LEVEL=silent): its default, info.
  'LOG_LEVEL',
];

interface HiveVariant {
  id: string;
  label: string;
  /** Hive's documented performance options, as CLI flags. */
  flags: string[];
  needsRouterRuntime?: boolean;
}

/**
 * Hive's default and its documented performance options. Each is dropped from a comparison
 * when its responses differ from the expected ones (the runner checks every response).
 */
const VARIANTS: HiveVariant[] = [
  { id: 'hive', label: 'Hive Gateway (default)', flags: [] },
  { id: 'hive-jit', label: 'Hive Gateway --jit', flags: ['--jit'] },
  { id: 'hive-jit-fork2', label: 'Hive Gateway --jit --fork 2', flags: ['--jit', '--fork', '2'] },
  { id: 'hive-router', label: 'Hive Gateway, Rust planner (router runtime)', flags: ['--hive-router-runtime'], needsRouterRuntime: true },
  { id: 'hive-router-fork2', label: 'Hive Gateway, Rust planner, --fork 2', flags: ['--hive-router-runtime', '--fork', '2'], needsRouterRuntime: true },
];

function hiveContender(variant: HiveVariant): Contender {
  const contender: Contender = {
    id: variant.id,
    label: variant.label,
    unavailable() {
      if (!existsSync(HIVE_BIN)) return 'Hive Gateway is not installed: run `npm run bench:install` first';
      if (variant.needsRouterRuntime && !existsSync(ROUTER_RUNTIME)) return '@graphql-hive/router-runtime is not installed: run `npm run bench:install`';
      return null;
    },
    async start(workload) {
      const why = contender.unavailable();
      if (why) throw new Error(`${variant.id}: ${why}`);
      const [port] = await freePorts(1);
      const url = `http://127.0.0.1:${port}/graphql`;
      const glue = workload.signing;
      const env: Record<string, string | undefined> = Object.fromEntries(HIVE_CLI_ENV.map((name) => [name, undefined]));
      return startLoggedContender(variant, {
        label: variant.label,
        // The portal mix's glue is TypeScript over the kit: tsx loads it. The deep query runs Hive bare.
        args: [
          ...(glue ? ['--import', 'tsx'] : []),
          HIVE_BIN,
          'supergraph',
          workload.supergraphPath,
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          ...(glue ? ['--config-path', GLUE_CONFIG] : []),
          ...variant.flags,
        ],
        cwd: HIVE_DIR,
        env: {
          ...env,
          NODE_ENV: 'production',
          ...glueEnv(workload),
        },
        url,
        timeoutMs: 120_000,
      });
    },
  };
  return contender;
}

export const HIVE_VARIANTS: Contender[] = VARIANTS.map(hiveContender);
