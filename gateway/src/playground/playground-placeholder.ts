import type { ApolloServerPlugin } from '@apollo/server';

const HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>govgraph gateway</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto">
<h1>govgraph gateway</h1>
<p>This is the GraphQL endpoint. The offline playground comes later; until then POST
<code>application/json</code> to <code>/graphql</code>.</p>
</body>
</html>`;

/**
 * Replaces Apollo's default landing page, which loads from a CDN: government networks are
 * often air-gapped, so nothing here may come from the internet.
 */
export function playgroundPlaceholder(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: HTML };
        },
      };
    },
  };
}
