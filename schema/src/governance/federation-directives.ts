import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** The federation directives the data-flow analysis reads. */
export type FederationDirective = 'key' | 'external' | 'requires' | 'provides' | 'override' | 'shareable' | 'interfaceObject' | 'context' | 'fromContext';

const KNOWN: readonly FederationDirective[] = ['key', 'external', 'requires', 'provides', 'override', 'shareable', 'interfaceObject', 'context', 'fromContext'];

/**
 * Which federation directive a directive name in this SDL stands for. A subgraph can rename
 * them (`@link(import: [{ name: "@requires", as: "@needs" }])`, or `@link(…, as: "fed")` for
 * `@fed__requires`); the analysis must see through that, or a renamed `@requires` would pass
 * unnoticed. An import alias wins over the plain name it shadows.
 */
export function federationDirectiveNames(document: DocumentNode): (name: string) => FederationDirective | undefined {
  const aliases = new Map<string, FederationDirective>();
  const namespaces = new Set(['federation']);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link' || !isFederationLink(link)) continue;
      const as = stringArgument(link, 'as');
      if (as) namespaces.add(as.replace(/^@/, ''));
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) continue;
      for (const entry of imports.values) {
        if (entry.kind === Kind.STRING) {
          const name = entry.value.replace(/^@/, '');
          if (isKnown(name)) aliases.set(name, name);
        } else if (entry.kind === Kind.OBJECT) {
          const name = entry.fields.find((f) => f.name.value === 'name')?.value;
          const alias = entry.fields.find((f) => f.name.value === 'as')?.value;
          if (name?.kind !== Kind.STRING) continue;
          const canonical = name.value.replace(/^@/, '');
          if (!isKnown(canonical)) continue;
          aliases.set(alias?.kind === Kind.STRING ? alias.value.replace(/^@/, '') : canonical, canonical);
        }
      }
    }
  }
  return (name) => {
    const aliased = aliases.get(name);
    if (aliased) return aliased;
    const separator = name.indexOf('__');
    if (separator > 0 && namespaces.has(name.slice(0, separator))) {
      const rest = name.slice(separator + 2);
      return isKnown(rest) ? rest : undefined;
    }
    // A plain name counts too (federation 1 SDL, or a missing import): over-reading is safe here.
    return isKnown(name) ? name : undefined;
  };
}

function isKnown(name: string): name is FederationDirective {
  return (KNOWN as readonly string[]).includes(name);
}

function isFederationLink(link: ConstDirectiveNode): boolean {
  const url = stringArgument(link, 'url');
  return url !== undefined && /\/federation\/v\d/.test(url);
}

export function stringArgument(directive: ConstDirectiveNode, name: string): string | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.STRING ? value.value : undefined;
}

export function booleanArgument(directive: ConstDirectiveNode, name: string): boolean | undefined {
  const value = directive.arguments?.find((a) => a.name.value === name)?.value;
  return value?.kind === Kind.BOOLEAN ? value.value : undefined;
}
