import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import type { PlaygroundExample } from './client/page-config.js';

/**
 * The `*.graphql` files of a folder as playground examples, by file name: each file's one
 * operation, its leading comment as the description, and example variables — the given ones, or
 * its required variables without a default set to null. A missing folder gives no examples.
 */
export async function loadExamples(dir: string, variablesByFile: Readonly<Record<string, Record<string, unknown>>> = {}): Promise<PlaygroundExample[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return Promise.all(files.map(async (file) => toExample(file, await readFile(join(dir, file), 'utf8'), variablesByFile[file])));
}

export function toExample(file: string, query: string, variables?: Record<string, unknown>): PlaygroundExample {
  const operation = parse(query).definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) throw new Error(`${file} holds no operation`);
  const values = variables ?? requiredVariables(operation);
  return {
    file,
    name: operation.name?.value ?? file.replace(/\.graphql$/, ''),
    kind: operation.operation,
    description: leadingComment(query),
    query,
    variables: Object.keys(values).length > 0 ? JSON.stringify(values, null, 2) : '',
  };
}

function requiredVariables(operation: OperationDefinitionNode): Record<string, null> {
  const values: Record<string, null> = {};
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue) values[definition.variable.name.value] = null;
  }
  return values;
}

/** The `#` lines before the first definition, joined into one paragraph. */
function leadingComment(query: string): string {
  const lines: string[] = [];
  for (const line of query.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#')) lines.push(trimmed.replace(/^#+\s?/, ''));
    else if (trimmed !== '') break;
  }
  return lines.join(' ').trim();
}
