/** A command line as the CLI reads it: positionals, `--name value` options, and `--flag`s. */
export interface CliArgs {
  positionals: string[];
  options: Map<string, string[]>;
  flags: Set<string>;
}

/** Thrown for a wrong command line or environment: printed as one line without a stack, exit code 2. */
export class UsageError extends Error {}

/** A wrong command line, in one line: what is wrong, then the command's synopsis from its usage text. */
export function usageError(usage: string, problem?: string): UsageError {
  const synopsis = usage
    .split('\n')
    .filter((line) => line.startsWith('govgraph '))
    .join(' | ');
  return new UsageError(`${problem ? `${problem}; ` : ''}usage: ${synopsis} (npx govgraph help)`);
}

/**
 * Options in `multi` take every following value up to the next `--option`
 * (`--from-urls a=http://… b=http://…`); `--name=value` works for any option.
 */
export function parseArgs(argv: string[], spec: { options?: string[]; multi?: string[]; flags?: string[] }): CliArgs {
  const options = new Map<string, string[]>();
  const flags = new Set<string>();
  const positionals: string[] = [];
  const known = new Set([...(spec.options ?? []), ...(spec.multi ?? [])]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const [name, inline] = splitOnce(arg.slice(2));
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      flags.add(name);
      continue;
    }
    if (!known.has(name)) throw new UsageError(`unknown option --${name}`);
    const values = options.get(name) ?? [];
    if (inline !== undefined) values.push(inline);
    else if (spec.multi?.includes(name)) {
      while (i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) values.push(argv[++i]!);
    } else {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      values.push(value);
    }
    if (values.length === 0) throw new UsageError(`--${name} needs a value`);
    options.set(name, values);
  }
  return { positionals, options, flags };
}

export function option(args: CliArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf('=');
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
