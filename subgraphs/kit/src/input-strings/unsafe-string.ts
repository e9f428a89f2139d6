import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';

/**
 * What makes a string unfit to reach a resolver: a NUL character (PostgreSQL refuses it in text,
 * so the query fails as an internal error) or a UTF-16 surrogate without its pair (no Unicode
 * character at all: encoders silently turn it into U+FFFD, so what is stored is not what was sent).
 */
export function stringProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains an unpaired UTF-16 surrogate (not valid Unicode text)';
  return null;
}

/** A NUL or any surrogate: a text without one holds no unsafe string (a paired surrogate is checked properly). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for.
const SUSPECT = /[\u0000\ud800-\udfff]/;
/** In the query text also a `\u` escape: a literal may spell a NUL or a surrogate as `"\u0000"`. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const QUERY_SUSPECT = /[\u0000\ud800-\udfff]|\\u/;

/** Whether any string inside a variable's value (walked without recursion) could be unsafe. */
function holdsSuspectString(root: unknown): boolean {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (SUSPECT.test(value)) return true;
    } else if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (SUSPECT.test(key)) return true;
        stack.push(item);
      }
    }
  }
  return false;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnsafeString {
  /** The argument it was found in, as forms name fields: `text`, `input.name`, `input.fields[2].value`. */
  path: string;
  problem: string;
}

/**
 * The first unsafe string anywhere in an operation's input: literal arguments of fields and
 * directives (nested input objects and lists included), the variables they use — named by the
 * argument that uses them — and any other variable sent, named `$name`.
 */
export function findUnsafeString(document: DocumentNode, variables: Record<string, unknown> | undefined, queryText?: string): UnsafeString | null {
  const vars = variables ?? {};
  // Nearly every request is clean: one scan of the query text and the variables proves it without
  // walking the document (the walk, only to name the argument, was ~3 % of a subgraph's CPU).
  if (queryText !== undefined && !QUERY_SUSPECT.test(queryText) && !Object.values(vars).some(holdsSuspectString)) return null;
  const used = new Set<string>();
  let found: UnsafeString | null = null;
  const inArgument = (value: ValueNode, path: string) => {
    found ??= unsafeInLiteral(value, path, vars, used);
  };
  visit(document, {
    Field(node) {
      for (const argument of node.arguments ?? []) inArgument(argument.value, argument.name.value);
    },
    Directive(node) {
      for (const argument of node.arguments ?? []) inArgument(argument.value, `@${node.name.value}.${argument.name.value}`);
    },
    VariableDefinition(node) {
      if (node.defaultValue) inArgument(node.defaultValue, `$${node.variable.name.value}`);
    },
  });
  if (found) return found;
  for (const [name, value] of Object.entries(vars)) {
    if (used.has(name)) continue;
    const unsafe = unsafeInValue(value, `$${name}`);
    if (unsafe) return unsafe;
  }
  return null;
}

/** Walks a literal without recursion (a deeply nested list must not overflow the stack). */
function unsafeInLiteral(root: ValueNode, rootPath: string, variables: Record<string, unknown>, used: Set<string>): UnsafeString | null {
  const stack: Array<[ValueNode, string]> = [[root, rootPath]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    switch (node.kind) {
      case Kind.STRING: {
        const problem = stringProblem(node.value);
        if (problem) return { path, problem };
        break;
      }
      case Kind.VARIABLE: {
        used.add(node.name.value);
        const unsafe = unsafeInValue(variables[node.name.value], path);
        if (unsafe) return unsafe;
        break;
      }
      // Pushed last first, so the first unsafe string in reading order is the one named.
      case Kind.LIST:
        for (let i = node.values.length - 1; i >= 0; i--) stack.push([node.values[i]!, `${path}[${i}]`]);
        break;
      case Kind.OBJECT:
        for (let i = node.fields.length - 1; i >= 0; i--) stack.push([node.fields[i]!.value, `${path}.${node.fields[i]!.name.value}`]);
        break;
      default:
        break;
    }
  }
  return null;
}

/** Walks a variable's JSON value (strings, arrays, objects; keys too) without recursion. */
export function unsafeInValue(root: unknown, rootPath: string): UnsafeString | null {
  const stack: Array<[unknown, string]> = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) return { path, problem };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], `${path}[${i}]`]);
    } else if (value !== null && typeof value === 'object') {
      const entries = Object.entries(value);
      for (const [key] of entries) {
        const problem = stringProblem(key);
        // A key is never echoed: it is the unsafe thing itself.
        if (problem) return { path, problem: `has a key that ${problem}` };
      }
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${path}.${entries[i]![0]}`]);
    }
  }
  return null;
}
