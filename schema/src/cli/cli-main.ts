import { CHECK_USAGE, checkCommand } from './check-command.js';
import { UsageError } from './cli-args.js';
import { COMPOSE_USAGE, composeCommand } from './compose-command.js';
import { PUBLISH_KEY_USAGE, PUBLISH_USAGE, publishCommand, publishKeyCommand } from './publish-command.js';

const USAGE = `npx govgraph <command>

${COMPOSE_USAGE}

${CHECK_USAGE}

${PUBLISH_USAGE}

${PUBLISH_KEY_USAGE}

Departments: docs/departments.md`;

/** `npx govgraph …`: compose, check, publish, publish-key. Exit 0 ok, 1 refused or broken, 2 wrong usage. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'compose':
      return composeCommand(rest);
    case 'check':
      return checkCommand(rest);
    case 'publish':
      return publishCommand(rest);
    case 'publish-key':
      return publishKeyCommand(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
  }
}
