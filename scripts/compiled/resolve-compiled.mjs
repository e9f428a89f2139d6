// A Node module resolution hook (module.register): resolves every package with the "govgraph-dist"
// condition as well, so the repository's workspaces load their compiled dist/ instead of src/*.ts.
// The same as `node --conditions=govgraph-dist`, for a process that is already running.
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('govgraph-dist') ? context.conditions : [...context.conditions, 'govgraph-dist'];
  return nextResolve(specifier, { ...context, conditions });
}
