import { CHECK_USAGE, checkCommand } from './check-command.js';
import { UsageError } from './cli-args.js';
import { COMPOSE_USAGE, composeCommand } from './compose-command.js';
import { INTROSPECT_USAGE, introspectCommand } from './introspect-command.js';
import { KEYS_USAGE, keysCommand } from './keys-command.js';
import { CREDENTIALS_ISSUE_USAGE, credentialsIssueCommand } from './credentials-issue-command.js';
import { CREDENTIALS_LIST_USAGE, credentialsListCommand } from './credentials-list-command.js';
import { CREDENTIALS_REVOKE_USAGE, credentialsRevokeCommand } from './credentials-revoke-command.js';
import { PUBLISH_USAGE, publishCommand } from './publish-command.js';
import { REGISTRY_ROLLBACK_USAGE, registryRollbackCommand } from './registry-rollback-command.js';
import { REGISTRY_VERSIONS_USAGE, registryVersionsCommand } from './registry-versions-command.js';

const USAGE = `npx govgraph <command>

${INTROSPECT_USAGE}

${CHECK_USAGE}

${PUBLISH_USAGE}

${COMPOSE_USAGE}

${CREDENTIALS_ISSUE_USAGE}

${CREDENTIALS_LIST_USAGE}

${CREDENTIALS_REVOKE_USAGE}

${REGISTRY_VERSIONS_USAGE}

${REGISTRY_ROLLBACK_USAGE}

${KEYS_USAGE}

Exit codes: 0 passed, published or done; 1 the check failed or the gateway refused; 2 the command
could not run (command line, files, credentials, an unreachable gateway or subgraph). --json
prints machine-readable output on stdout only; errors are one line on stderr.
Departments: docs/departments.md ("The govgraph CLI"); keys and threat model: docs/security.md`;

/** `npx govgraph …`: introspect, check, publish, compose, keys, credentials, registry. Exit 0 ok, 1 refused or broken, 2 could not run. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'introspect':
      return introspectCommand(rest);
    case 'compose':
      return composeCommand(rest);
    case 'keys':
      return keysCommand(rest);
    case 'check':
      return checkCommand(rest);
    case 'publish':
      return publishCommand(rest);
    case 'publish-key':
      throw new UsageError(
        'publish-key is gone: publish keys are no longer derived from a shared secret. The operator issues a credential: npx govgraph credentials issue <subgraph>',
      );
    case 'credentials':
      return subcommand('credentials', rest, { issue: credentialsIssueCommand, list: credentialsListCommand, revoke: credentialsRevokeCommand });
    case 'registry':
      return subcommand('registry', rest, { versions: registryVersionsCommand, rollback: registryRollbackCommand });
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)} (npx govgraph help lists the commands)`);
  }
}

/** `govgraph credentials issue …`: the second word picks the command. */
function subcommand(group: string, argv: string[], commands: Record<string, (argv: string[]) => Promise<number>>): Promise<number> {
  const [name, ...rest] = argv;
  const run = name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!run)
    throw new UsageError(`govgraph ${group} takes one of: ${Object.keys(commands).join(', ')}${name === undefined ? '' : ` (got ${JSON.stringify(name)})`} (npx govgraph help)`);
  return run(rest);
}
