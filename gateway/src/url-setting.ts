/** An http(s) URL variable, normalised; throws naming the variable when it is anything else. */
export function readHttpUrl(env: NodeJS.ProcessEnv, variable: string): string {
  const raw = env[variable] ?? '';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable} must be an http(s) URL, got ${JSON.stringify(raw)}`);
  }
  return url.toString();
}

/** A path served beside a subgraph's GraphQL endpoint: http://host:4004/graphql -> http://host:4004<path>. */
export function besideGraphql(graphqlUrl: string, path: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, '').replace(/\/+$/, '') + path;
}
