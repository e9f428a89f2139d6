/** Subgraph names: lower-case words joined by dashes, e.g. `housing-fund` (also the department's party name). */
export const SUBGRAPH_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Party names no department may publish as: the gateway signs every request to the subgraphs
 * under its name, so a subgraph called `gateway` would blur who is who in keys and logs.
 */
export const RESERVED_SUBGRAPH_NAMES: ReadonlySet<string> = new Set(['gateway']);

/** Why a name cannot be a department's subgraph, or undefined when it can. */
export function subgraphNameProblem(name: string): string | undefined {
  if (!SUBGRAPH_NAME.test(name) || name.length > 63) return `"${name}" is not a subgraph name (lower-case words joined by dashes, at most 63 characters)`;
  if (RESERVED_SUBGRAPH_NAMES.has(name)) return `"${name}" is a reserved party name, not a department's subgraph`;
  return undefined;
}
