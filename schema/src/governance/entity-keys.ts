import { Kind, parse, print, type ConstDirectiveNode, type DocumentNode, type SelectionSetNode } from 'graphql';
import { emptyDiff, type SchemaDiff } from './schema-diff.js';

/** One `@key` of an entity in one subgraph. */
export interface EntityKey {
  /** The key's field set, normalised: `id`, `matterCode applicantId`, `owner { id }`. */
  fields: string;
  /** False for a reference to another subgraph's entity (`resolvable: false`). */
  resolvable: boolean;
}

/** Entity type (or interface) name -> its keys, as one subgraph's SDL declares them. */
export function entityKeys(document: DocumentNode): Map<string, EntityKey[]> {
  const keyDirective = keyDirectiveName(document);
  const keys = new Map<string, EntityKey[]>();
  for (const definition of document.definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== keyDirective && directive.name.value !== 'federation__key') continue;
      const key = readKey(directive);
      if (!key) continue;
      const list = keys.get(definition.name.value) ?? [];
      if (!list.some((k) => k.fields === key.fields)) list.push(key);
      keys.set(definition.name.value, list);
    }
  }
  return keys;
}

/**
 * How one subgraph's entity keys changed. The gateway joins an entity across subgraphs through
 * a key: one that is removed, altered or made unresolvable breaks every query plan that enters
 * the subgraph through it, even when the fields themselves stay.
 */
export function diffEntityKeys(subgraph: string, oldDocument: DocumentNode, newDocument: DocumentNode): SchemaDiff {
  const diff = emptyDiff();
  const oldKeys = entityKeys(oldDocument);
  const newKeys = entityKeys(newDocument);
  for (const [type, before] of oldKeys) {
    const after = newKeys.get(type) ?? [];
    const match = { any: [`${type}.*`] };
    const lost = before.filter((key) => key.resolvable && !after.some((k) => k.fields === key.fields && k.resolvable));
    const gained = after.filter((key) => key.resolvable && !before.some((k) => k.fields === key.fields && k.resolvable));
    for (const key of lost) {
      const now = after.find((k) => k.fields === key.fields);
      if (now && !now.resolvable) {
        diff.breaking.push({
          kind: 'KEY_CHANGED',
          coordinate: type,
          message: `${type} @key(fields: "${key.fields}") in ${subgraph} is no longer resolvable: other subgraphs can no longer fetch ${type} from ${subgraph}`,
          match,
        });
      } else if (gained.length > 0) {
        diff.breaking.push({
          kind: 'KEY_CHANGED',
          coordinate: type,
          message: `${type}'s key in ${subgraph} changed from @key(fields: "${key.fields}") to ${gained.map((k) => `@key(fields: "${k.fields}")`).join(', ')}: plans that join ${type} on "${key.fields}" fail`,
          match,
        });
      } else {
        diff.breaking.push({
          kind: 'KEY_REMOVED',
          coordinate: type,
          message:
            after.length === 0
              ? `${type} is no longer an entity of ${subgraph} (@key(fields: "${key.fields}") removed): plans that join ${type} into ${subgraph} fail`
              : `${type} @key(fields: "${key.fields}") was removed from ${subgraph}: plans that join ${type} on "${key.fields}" fail`,
          match,
        });
      }
    }
    const references = before.filter((key) => !key.resolvable && !after.some((k) => k.fields === key.fields));
    if (references.length > 0 && after.length > 0) {
      diff.warnings.push({
        kind: 'REFERENCE_KEY_CHANGED',
        coordinate: type,
        message: `${subgraph} now refers to ${type} by ${after.map((k) => `"${k.fields}"`).join(', ')} instead of ${references.map((k) => `"${k.fields}"`).join(', ')}`,
        match,
      });
    }
    for (const key of gained) {
      if (lost.length > 0) continue;
      diff.additions.push({ kind: 'KEY_ADDED', coordinate: type, message: `${type} @key(fields: "${key.fields}") was added in ${subgraph}`, match: { any: [] } });
    }
  }
  return diff;
}

function readKey(directive: ConstDirectiveNode): EntityKey | undefined {
  let fields: string | undefined;
  let resolvable = true;
  for (const argument of directive.arguments ?? []) {
    if (argument.name.value === 'fields' && argument.value.kind === Kind.STRING) fields = normaliseFieldSet(argument.value.value);
    if (argument.name.value === 'resolvable' && argument.value.kind === Kind.BOOLEAN) resolvable = argument.value.value;
  }
  return fields === undefined ? undefined : { fields, resolvable };
}

/** `"applicantId  matterCode"` and `"matterCode applicantId"` are one key. */
export function normaliseFieldSet(fields: string): string {
  try {
    const operation = parse(`{${fields}}`).definitions[0];
    if (operation?.kind !== Kind.OPERATION_DEFINITION) return fields.trim().replace(/\s+/g, ' ');
    return printSelections(operation.selectionSet);
  } catch {
    return fields.trim().replace(/\s+/g, ' ');
  }
}

function printSelections(selectionSet: SelectionSetNode): string {
  return selectionSet.selections
    .map((selection) => {
      if (selection.kind === Kind.FIELD) {
        return selection.selectionSet ? `${selection.name.value} { ${printSelections(selection.selectionSet)} }` : selection.name.value;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        return `... on ${selection.typeCondition?.name.value ?? ''} { ${printSelections(selection.selectionSet)} }`;
      }
      return print(selection);
    })
    .sort()
    .join(' ');
}

/** `@key`, or the name a subgraph imported it as: `@link(import: [{ name: "@key", as: "@id" }])`. */
function keyDirectiveName(document: DocumentNode): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_EXTENSION && definition.kind !== Kind.SCHEMA_DEFINITION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const imports = link.arguments?.find((a) => a.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) continue;
      for (const entry of imports.values) {
        if (entry.kind !== Kind.OBJECT) continue;
        const name = entry.fields.find((f) => f.name.value === 'name')?.value;
        const as = entry.fields.find((f) => f.name.value === 'as')?.value;
        if (name?.kind === Kind.STRING && name.value === '@key' && as?.kind === Kind.STRING) return as.value.replace(/^@/, '');
      }
    }
  }
  return 'key';
}
