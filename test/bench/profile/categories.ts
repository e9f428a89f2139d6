import type { CallFrame } from './cpu-profile.js';

/**
 * Where a subgraph's CPU goes, in the buckets of issue 25's breakdown. A sample is charged to the
 * bucket of the innermost frame that names one: its own function when that is JavaScript or a
 * recognisable built-in (JSON, crypto), otherwise the nearest caller that is (a native SQLite
 * call counts as SQL because better-sqlite3's JavaScript called it).
 */
export const CATEGORIES = [
  'HTTP (node:http, sockets, streams)',
  'signature check (Ed25519, nonce)',
  'GraphQL parse and validate',
  'GraphQL execution (graphql-js)',
  'Apollo Server request pipeline',
  'federation (@apollo/subgraph)',
  'type-graphql resolvers and middleware',
  'auth checker',
  'DataLoader',
  'SQL: query building (Kysely)',
  'SQL: driver and database',
  'JSON parse and stringify',
  'logging (pino)',
  'metrics and tracing',
  'department code (resolvers, repositories)',
  'subgraph kit (other)',
  'garbage collection',
  'V8 and Node (other)',
] as const;

export type Category = (typeof CATEGORIES)[number];

const BY_URL: Array<[RegExp, Category]> = [
  [/trust\/(gateway-signature|replay-guard|route-signature|party-keys|trust-store)|node:internal\/crypto/, 'signature check (Ed25519, nonce)'],
  [/node_modules\/graphql\/(language|validation)\//, 'GraphQL parse and validate'],
  [/node_modules\/graphql\//, 'GraphQL execution (graphql-js)'],
  [/node_modules\/@apollo\/(server|utils)/, 'Apollo Server request pipeline'],
  [/node_modules\/@apollo\/subgraph/, 'federation (@apollo/subgraph)'],
  [/node_modules\/type-graphql\//, 'type-graphql resolvers and middleware'],
  [/kit\/src\/auth-checker/, 'auth checker'],
  [/node_modules\/dataloader\//, 'DataLoader'],
  [/node_modules\/(better-sqlite3|pg|pg-pool|pg-protocol)\/|node_modules\/kysely\/dist\/esm\/dialect\/|kit\/src\/db\//, 'SQL: driver and database'],
  [/node_modules\/kysely\//, 'SQL: query building (Kysely)'],
  [/node_modules\/(pino|pino-std-serializers|sonic-boom|fast-redact|quick-format-unescaped)\//, 'logging (pino)'],
  [/node_modules\/(prom-client|@opentelemetry)\/|kit\/src\/(metrics|tracing)\//, 'metrics and tracing'],
  [/node:(_http|http|net|stream|internal\/(streams|http|net|stream_base|js_stream|timers)|events|internal\/event_target)/, 'HTTP (node:http, sockets, streams)'],
  [/kit\/src\//, 'subgraph kit (other)'],
  [/subgraphs\/[a-z-]+\/src\//, 'department code (resolvers, repositories)'],
];

const BY_NAME: Array<[RegExp, Category]> = [
  [/^\(garbage collector\)$/, 'garbage collection'],
  [/^(parse|stringify|JSONParse|JsonStringify)$/, 'JSON parse and stringify'],
  [/^(verify|sign|createPublicKey|timingSafeEqual|createHash|digest|update|hash)$/, 'signature check (Ed25519, nonce)'],
  [/^(writev|writeBuffer|writeUtf8String|writeLatin1String|onStreamRead|readStop|readStart|shutdown)$/, 'HTTP (node:http, sockets, streams)'],
];

/** The bucket a sampled stack (root first) is charged to. */
export function categorise(frames: CallFrame[]): Category {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]!;
    // A built-in's name only counts when it is the sample's own frame (JSON.parse called by Apollo is JSON).
    if (frame.url === '' && i === frames.length - 1) {
      for (const [pattern, category] of BY_NAME) if (pattern.test(frame.functionName)) return category;
    }
    if (frame.url === '') continue;
    for (const [pattern, category] of BY_URL) if (pattern.test(frame.url)) return category;
    // JavaScript of another package or of Node: charge it to whichever named caller brought it in.
  }
  return 'V8 and Node (other)';
}
