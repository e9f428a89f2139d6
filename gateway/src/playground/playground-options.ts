import { fileURLToPath } from 'node:url';
import type { PlaygroundDemoAccount } from './client/page-config.js';
import { PLAYGROUND_BUNDLE_DIR } from './build-playground-bundle.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
import { EXAMPLE_VARIABLES } from './example-variables.js';

/** The portal contract operations, found from this file so the gateway starts from any directory. */
export const DEFAULT_OPERATIONS_DIR = fileURLToPath(new URL('../../../schema/operations/', import.meta.url));
/** graphql-codegen's TypeScript for each contract operation (the portal's kit), one file per operation. */
export const DEFAULT_GENERATED_TYPES_DIR = fileURLToPath(new URL('../../../portal/kit/src/generated/operations/', import.meta.url));

/**
 * Options of the offline GraphiQL playground; every one has a default. The page is served at
 * `/playground` and to a browser's GET of `/graphql`, its assets below `/playground/assets/`.
 */
export interface PlaygroundOptions {
  /** Where the `*.graphql` example operations are read from (once, on the first request). Default `schema/operations`. */
  operationsDir?: string;
  /** The operation the sign-in panel sends, a file of `operationsDir`. Default `login.graphql`. */
  loginOperationFile?: string;
  /** Accounts offered for a one-click sign-in; empty to offer none. Default: the seeded demo accounts. */
  demoAccounts?: readonly PlaygroundDemoAccount[];
  /** Password of the demo accounts. Default `demo`. */
  demoPassword?: string;
  /** Example variables by operation file name. Default: values that run on the demo data. */
  exampleVariables?: Readonly<Record<string, Record<string, unknown>>>;
  /**
   * Where each operation's generated TypeScript is read from (`<stem>.ts` for `<stem>.graphql`),
   * shown by the Examples panel's "TypeScript types" view. Default `portal/kit/src/generated/operations`;
   * an operation without a file there gets no types view.
   */
  generatedTypesDir?: string;
  /** Where the bundle written by `npm run build` / `npm start` is read from. Default `gateway/dist/playground-bundle`. */
  bundleDir?: string;
}

export type ResolvedPlaygroundOptions = Required<PlaygroundOptions>;

export function resolvePlaygroundOptions(options: PlaygroundOptions = {}): ResolvedPlaygroundOptions {
  return {
    operationsDir: options.operationsDir ?? DEFAULT_OPERATIONS_DIR,
    loginOperationFile: options.loginOperationFile ?? 'login.graphql',
    demoAccounts: options.demoAccounts ?? DEMO_ACCOUNTS,
    demoPassword: options.demoPassword ?? DEMO_PASSWORD,
    exampleVariables: options.exampleVariables ?? EXAMPLE_VARIABLES,
    generatedTypesDir: options.generatedTypesDir ?? DEFAULT_GENERATED_TYPES_DIR,
    bundleDir: options.bundleDir ?? PLAYGROUND_BUNDLE_DIR,
  };
}
