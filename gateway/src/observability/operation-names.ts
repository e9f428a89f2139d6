import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Kind, parse } from 'graphql';

/**
 * The names of the portal's contract operations (schema/operations/*.graphql): the only names
 * that become metric labels, so a client inventing names cannot grow /metrics without bound.
 */
export function contractOperationNames(operationsDir: string): ReadonlySet<string> {
  const names = new Set<string>();
  let files: string[];
  try {
    files = readdirSync(operationsDir).filter((file) => file.endsWith('.graphql'));
  } catch {
    return names;
  }
  for (const file of files) {
    try {
      for (const definition of parse(readFileSync(join(operationsDir, file), 'utf8')).definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
      }
    } catch {
      // A broken file is the contract check's business, not the metrics'.
    }
  }
  return names;
}

/** The label for an operation name: itself when it is a contract operation, else "other"; "anonymous" without one. */
export function operationLabel(name: string | null | undefined, known: ReadonlySet<string>): string {
  if (!name) return 'anonymous';
  return known.has(name) ? name : 'other';
}

/** Trusted documents' names, and those of the operation files beside the manifest (also with trusted documents off). */
export function knownOperationNames(trusted: { documents: readonly { name: string }[]; manifestPath: string }): ReadonlySet<string> {
  return new Set([...trusted.documents.map((document) => document.name), ...contractOperationNames(dirname(trusted.manifestPath))]);
}
