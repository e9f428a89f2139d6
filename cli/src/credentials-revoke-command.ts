import { parseArgs, usageError } from './cli-args.js';
import { withCredentialStore } from './credential-store-env.js';

export const CREDENTIALS_REVOKE_USAGE = `govgraph credentials revoke <id>
  Revokes a credential (id from credentials list): every gateway refuses it at its next request.`;

export async function credentialsRevokeCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {});
  const [id, ...rest] = args.positionals;
  if (!id || rest.length > 0) throw usageError(CREDENTIALS_REVOKE_USAGE);
  return withCredentialStore(async (store) => {
    const now = new Date().toISOString();
    const revoked = await store.revoke(id, now);
    if (!revoked) {
      console.error(`no credential ${id} in ${store.location} (govgraph credentials list)`);
      return 1;
    }
    const what = revoked.role === 'admin' ? 'administrator credential' : `publish credential for ${revoked.subgraph}`;
    console.log(revoked.revokedAt === now ? `revoked ${id} (${what})` : `${id} (${what}) was already revoked at ${revoked.revokedAt}`);
    return 0;
  });
}
