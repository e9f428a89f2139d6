/**
 * The routing URL of every subgraph named in a supergraph's `join__Graph` enum. Read with a
 * pattern rather than a schema build, so config stays cheap; ApolloGateway validates the SDL.
 */
export function readRoutingUrls(supergraphSdl: string): Record<string, string> {
  const urls: Record<string, string> = {};
  const pattern = /@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g;
  for (const match of supergraphSdl.matchAll(pattern)) {
    urls[match[1]!] = match[2]!;
  }
  return urls;
}
