import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { issueCredential, subgraphNameProblem } from '@govgraph/schema/governance';
import { option, parseArgs, UsageError, usageError } from './cli-args.js';
import { currentCheckout } from './cli-environment.js';
import { withCredentialStore } from './credential-store-env.js';

export const CREDENTIALS_ISSUE_USAGE = `govgraph credentials issue <subgraph> [--note <text>] [--json]
govgraph credentials issue --admin [--note <text>] [--json]
  Issues a department's publish credential for <subgraph> (it publishes that subgraph and no
  other), or with --admin a registry administrator's (lists versions, rolls back). Prints the
  token once on stdout: only its SHA-256 is stored, in Redis (REDIS_URL, REDIS_KEY_PREFIX) or
  DATA_DIR/registry/credentials.json — where the gateways read it.`;

export async function credentialsIssueCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { options: ['note'], flags: ['admin', 'json'] });
  const admin = args.flags.has('admin');
  const [subgraph, ...rest] = args.positionals;
  if (rest.length > 0 || (admin ? subgraph !== undefined : subgraph === undefined)) throw usageError(CREDENTIALS_ISSUE_USAGE);
  if (subgraph !== undefined) {
    const problem = subgraphNameProblem(subgraph);
    if (problem) throw new UsageError(problem);
  }
  const note = option(args, 'note');
  const request = subgraph === undefined ? { role: 'admin' as const, ...(note ? { note } : {}) } : { role: 'publisher' as const, subgraph, ...(note ? { note } : {}) };
  return withCredentialStore(async (store) => {
    const { token, credential } = await issueCredential(store, request);
    if (args.flags.has('json')) {
      console.log(JSON.stringify({ token, credential }, null, 2));
      return 0;
    }
    console.log(token);
    const what = credential.role === 'admin' ? 'a registry administrator credential' : `a publish credential for ${credential.subgraph}`;
    console.error(`issued ${what}: ${credential.id}, stored (as a hash) in ${store.location}. The token above is shown this once.`);
    const checkout = currentCheckout();
    if (credential.subgraph && checkout && !existsSync(join(checkout.subgraphsDir, `${credential.subgraph}.graphql`))) {
      console.error(`note: ${credential.subgraph} is not a subgraph of the committed graph yet (a new department).`);
    }
    return 0;
  });
}
