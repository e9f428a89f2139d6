// A codegen plugin writing the index of the per-operation files: each operation's typed document
// and its result and variable types, by name (a plain `export *` would clash, since every file
// declares the enums and inputs it uses). Plain JavaScript: codegen imports plugins natively.
const SUFFIX = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' };

/** @type {import('@graphql-codegen/plugin-helpers').PluginFunction} */
export const plugin = (_schema, documents) => {
  const lines = [];
  for (const source of documents) {
    const file = source.location
      ?.split('/')
      .pop()
      ?.replace(/\.graphql$/, '');
    for (const definition of source.document?.definitions ?? []) {
      if (definition.kind !== 'OperationDefinition' || !definition.name || !file) continue;
      const name = definition.name.value;
      const type = `${name}${SUFFIX[definition.operation]}`;
      lines.push(`export { ${name}Document, type ${type}, type ${type}Variables } from './operations/${file}.js';`);
    }
  }
  return `${lines.sort().join('\n')}\n`;
};
