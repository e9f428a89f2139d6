import { registeredSubgraph, subgraphEnvPrefix } from '@govgraph/kit';

/**
 * Every per-subgraph setting, read from `SUBGRAPH_<NAME>_<SETTING>` (<NAME> is the subgraph's
 * name upper-cased, other characters `_`: `housing-fund` → HOUSING_FUND). No setting ends in `_`
 * followed by another, so two subgraphs with different prefixes never share a variable.
 */
export type SubgraphSetting = 'URL' | 'PORT' | 'TIMEOUT_MS' | 'SIGN' | 'CLAIMS' | 'FORWARD_AUTHORIZATION';

/** The forms from before the namespace (CATALOG_URL, IDENTITY_PORT, LICENCES_TIMEOUT_MS): scripts, tests and docs use them. */
const SHORT_FORMS: ReadonlySet<SubgraphSetting> = new Set(['URL', 'PORT', 'TIMEOUT_MS']);

/**
 * Where the gateway's own variables live (GATEWAY_PORT, GATEWAY_SUBGRAPH_TIMEOUT_MS, JWKS_URL,
 * REDIS_URL, SUBGRAPH_…, OTEL_…, GOVGRAPH_KEYS_DIR, …). A subgraph whose prefix is one of these,
 * or starts with one and `_`, would read the gateway's settings as its own: a subgraph named
 * `gateway` would be routed to GATEWAY_PORT, the gateway itself.
 */
const GATEWAY_NAMESPACES = ['GATEWAY', 'SUBGRAPH', 'SUPERGRAPH', 'JWKS', 'REDIS', 'OTEL', 'GOVGRAPH', 'APOLLO'];

/** govgraph's own department: listed in subgraphs/registry.json (which always holds the four). */
export function isDepartment(name: string): boolean {
  return registeredSubgraph(name) !== undefined;
}

export function subgraphVariable(name: string, setting: SubgraphSetting): string {
  return `SUBGRAPH_${subgraphEnvPrefix(name)}_${setting}`;
}

/**
 * `<NAME>_<SETTING>`, only for a department of subgraphs/registry.json whose prefix is none of the
 * gateway's namespaces, and only for URL, PORT and TIMEOUT_MS; undefined for every other subgraph.
 */
export function shortSubgraphVariable(name: string, setting: SubgraphSetting): string | undefined {
  if (!SHORT_FORMS.has(setting) || !isDepartment(name)) return undefined;
  const prefix = subgraphEnvPrefix(name);
  if (GATEWAY_NAMESPACES.some((namespace) => prefix === namespace || prefix.startsWith(`${namespace}_`))) return undefined;
  return `${prefix}_${setting}`;
}

/** The variable that sets `setting` for `name` in `env` — `SUBGRAPH_<NAME>_…` over the short form — or undefined when neither is set. */
export function subgraphVariableIn(env: NodeJS.ProcessEnv, name: string, setting: SubgraphSetting): string | undefined {
  for (const variable of [subgraphVariable(name, setting), shortSubgraphVariable(name, setting)]) {
    if (variable !== undefined && env[variable] !== undefined && env[variable] !== '') return variable;
  }
  return undefined;
}

/** Two subgraphs whose names give one prefix (`housing-fund`, `housing_fund`) cannot be told apart by their variables. */
export function checkDistinctPrefixes(names: Iterable<string>): void {
  const seen = new Map<string, string>();
  for (const name of names) {
    const prefix = subgraphEnvPrefix(name);
    const other = seen.get(prefix);
    if (other !== undefined && other !== name) {
      throw new Error(`Subgraphs "${other}" and "${name}" would share the variables SUBGRAPH_${prefix}_*; rename one`);
    }
    seen.set(prefix, name);
  }
}
