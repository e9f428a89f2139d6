/**
 * What the gateway hands the playground page: a JSON data block in the HTML (never executed,
 * so the Content-Security-Policy needs no inline script). Shared by the server that writes it
 * and the browser code that reads it: types only, nothing of the DOM or of Node.
 */
export interface PlaygroundPageConfig {
  /** Where GraphiQL posts operations, relative to the page (`graphql` → /graphql). */
  endpoint: string;
  /** The contract operation used to sign in (schema/operations/login.graphql). */
  loginOperation: string;
  /** Demo accounts offered for a one-click sign-in (all with the demo password). */
  demoAccounts: PlaygroundDemoAccount[];
  demoPassword: string;
  /** The portal contract operations, offered in the Examples panel. */
  examples: PlaygroundExample[];
  /** Nonce of this response's CSP, for the `<style>` elements a dialog's scroll lock and Monaco add. */
  styleNonce: string;
  /** Monaco's web workers, by the label Monaco asks for: URLs relative to the page, files of the bundle. */
  workers: { editor: string; json: string; graphql: string };
}

export interface PlaygroundDemoAccount {
  username: string;
  /** Who the account is, e.g. "张三 · citizen". */
  label: string;
}

export interface PlaygroundExample {
  /** File name in schema/operations, e.g. `my-home.graphql`. */
  file: string;
  /** The operation's name, e.g. `MyHome`. */
  name: string;
  kind: 'query' | 'mutation' | 'subscription';
  /** The leading comment of the file. */
  description: string;
  /** The document, unchanged. */
  query: string;
  /** Example variables as JSON text ('' when the operation takes none). */
  variables: string;
  /** The operation's generated TypeScript (graphql-codegen, portal/kit/src/generated/operations/), when there is one. */
  typescript?: PlaygroundTypeScript;
}

export interface PlaygroundTypeScript {
  /** Where the file is, relative to the repository, e.g. `portal/kit/src/generated/operations/start-form.ts`. */
  path: string;
  /** The file's text, unchanged. */
  source: string;
}

export const PAGE_CONFIG_ELEMENT_ID = 'playground-config';
