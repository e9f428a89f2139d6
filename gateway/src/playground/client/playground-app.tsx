import type { GraphiQLPlugin } from '@graphiql/react';
import { GraphiQL } from 'graphiql';
import { useMemo } from 'react';
import { createFetcher } from './create-fetcher.js';
import { ExamplesPanel } from './examples-panel.js';
import { ExamplesIcon, SignInIcon } from './icons.js';
import type { PlaygroundPageConfig } from './page-config.js';
import { SessionProvider, useSession } from './session-context.js';
import { SignInPanel } from './sign-in-panel.js';

const DEFAULT_QUERY = `# The govgraph playground: one graph over the city's department systems.
#
#  - Examples (the list icon on the left) opens the operations the portals send.
#  - Sign in (the key icon) logs in a demo account; every request after it carries its token.
#  - Docs (the book icon) shows the schema with each department's descriptions.
#
# Run an operation with Ctrl-Enter (Cmd-Enter on a Mac).

query WhoAmI {
  me {
    id
    displayName
  }
}
`;

export function PlaygroundApp({ config }: { config: PlaygroundPageConfig }) {
  return (
    <SessionProvider endpoint={config.endpoint} loginOperation={config.loginOperation}>
      <Playground config={config} />
    </SessionProvider>
  );
}

function Playground({ config }: { config: PlaygroundPageConfig }) {
  const { currentToken } = useSession();
  const fetcher = useMemo(() => createFetcher({ endpoint: config.endpoint, currentToken }), [config.endpoint, currentToken]);
  // GraphiQL finds a plugin by identity: the objects must live as long as the page.
  const plugins = useMemo<GraphiQLPlugin[]>(
    () => [
      { title: 'Examples', icon: ExamplesIcon, content: () => <ExamplesPanel examples={config.examples} /> },
      {
        title: 'Sign in',
        icon: SignInIcon,
        content: () => <SignInPanel demoAccounts={config.demoAccounts} demoPassword={config.demoPassword} />,
      },
    ],
    [config],
  );
  return (
    <GraphiQL fetcher={fetcher} plugins={plugins} visiblePlugin={plugins[0]} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false}>
      <GraphiQL.Logo>
        <SessionBadge />
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

function SessionBadge() {
  const { session } = useSession();
  return (
    <span className="gg-logo">
      govgraph
      <span className="gg-badge" data-signed-in={session ? 'true' : 'false'}>
        {session ? `${session.displayName} (${session.username})` : 'anonymous'}
      </span>
    </span>
  );
}
