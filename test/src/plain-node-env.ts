/**
 * A child's environment without the test runner's own variables: a compiled service started from
 * a test must run as production does, with plain node and no tsx loader inherited.
 */
export function plainNodeEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  for (const name of ['VITEST', 'VITEST_WORKER_ID', 'VITEST_POOL_ID', 'NODE_OPTIONS', 'TSX_TSCONFIG_PATH']) delete env[name];
  return env;
}
