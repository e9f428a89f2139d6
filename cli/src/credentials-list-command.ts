import { credentialInfo } from '@govgraph/schema/governance';
import { parseArgs, usageError } from './cli-args.js';
import { withCredentialStore } from './credential-store-env.js';

export const CREDENTIALS_LIST_USAGE = `govgraph credentials list [--json]
  Every registry credential: id, role, subgraph, when created and revoked (never the token).`;

export async function credentialsListCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { flags: ['json'] });
  if (args.positionals.length > 0) throw usageError(CREDENTIALS_LIST_USAGE);
  return withCredentialStore(async (store) => {
    const credentials = (await store.records()).map(credentialInfo);
    if (args.flags.has('json')) {
      console.log(JSON.stringify({ store: store.location, credentials }, null, 2));
      return 0;
    }
    console.log(`${credentials.length} credential${credentials.length === 1 ? '' : 's'} in ${store.location}`);
    if (credentials.length === 0) return 0;
    const rows = [
      ['ID', 'ROLE', 'SUBGRAPH', 'CREATED', 'REVOKED', 'NOTE'],
      ...credentials.map((c) => [c.id, c.role, c.subgraph ?? '-', c.createdAt, c.revokedAt ?? '-', c.note ?? '']),
    ];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
    for (const row of rows)
      console.log(
        row
          .map((cell, i) => cell.padEnd(widths[i]!))
          .join('  ')
          .trimEnd(),
      );
    return 0;
  });
}
