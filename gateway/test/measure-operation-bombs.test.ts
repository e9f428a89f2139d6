import { describe, expect, it } from 'vitest';
import { GraphQLError, buildSchema, getOperationAST, parse, validate, type FragmentDefinitionNode, type GraphQLSchema } from 'graphql';
import { countTokens } from '../src/limits/count-tokens.js';
import { DEFAULT_LIMITS } from '../src/limits/limits-config.js';
import { DEFAULT_MEASURE_BUDGET, MAX_MEASURE_NESTING, MEASURE_CEILING, MeasureRefusal } from '../src/limits/measure-budget.js';
import { measureOperation, type MeasureOptions, type OperationMeasure } from '../src/limits/measure-operation.js';
import { useLimits } from '../src/plugins/use-limits.js';

/**
 * What the measure call (or the plugin's check) may take on any of these documents; the old walk
 * took seconds to minutes. Room for a saturated CI machine (a best run of 78 ms was seen there):
 * the bound tells linear from exponential, not a fast machine from a slow one.
 */
const FAST_MS = 500;

const schema = buildSchema(`
  type Query { me: User, users(first: Int): [User!]!, search(first: Int): [Result!]! }
  type User { id: ID!, name: String, friends(first: Int): [User!]!, best: User }
  type Admin { id: ID!, rights: [String!]! }
  union Result = User | Admin
`);

function parsed(source: string) {
  const document = parse(source, { noLocation: true });
  const operation = getOperationAST(document)!;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) if (definition.kind === 'FragmentDefinition') fragments[definition.name.value] = definition;
  return { document, operation, fragments };
}

/**
 * The fastest of a few runs: the measure is deterministic, so only the machine makes runs differ
 * (JIT warm-up, another package's tests on the other core). The old exponential walk took seconds
 * on every run; a linear one stays far under FAST_MS in its best run however loaded the machine.
 */
const RUNS = 5;

/** The measure and how long the call took. */
function timed(source: string, options: Partial<MeasureOptions> = {}): { measure?: OperationMeasure; refusal?: MeasureRefusal; ms: number } {
  const { operation, fragments } = parsed(source);
  let best = Number.POSITIVE_INFINITY;
  let outcome: { measure?: OperationMeasure; refusal?: MeasureRefusal } = {};
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    try {
      outcome = { measure: measureOperation(schema, operation, fragments, { defaultListSize: 10, ...options }) };
    } catch (error) {
      if (!(error instanceof MeasureRefusal)) throw error;
      outcome = { refusal: error };
    }
    best = Math.min(best, performance.now() - started);
  }
  return { ...outcome, ms: best };
}

/** What the limits plugin answers, with the default limits, once Apollo has resolved the operation; and how long it took (the fastest run). */
async function refusalOf(source: string, against: GraphQLSchema = schema): Promise<{ error: GraphQLError | undefined; ms: number }> {
  const { document, operation } = parsed(source);
  let best = Number.POSITIVE_INFINITY;
  let error: GraphQLError | undefined;
  for (let run = 0; run < RUNS; run++) {
    const hooks = await useLimits({ ...DEFAULT_LIMITS }).apollo!.requestDidStart!({} as never);
    const started = performance.now();
    error = await hooks!.didResolveOperation!({ schema: against, document, operation, request: { variables: {} } } as never).then(
      () => undefined,
      (thrown: unknown) => thrown as GraphQLError,
    );
    best = Math.min(best, performance.now() - started);
  }
  return { error, ms: best };
}

/** `fragment F0 on Query { ...F1 ...F1 }` … `levels` deep: 2^levels paths to the leaf. */
function doubledBomb(levels: number, leaf = '__typename'): string {
  const parts = ['{ ...F0 }'];
  for (let i = 0; i < levels; i++) parts.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  parts.push(`fragment F${levels} on Query { ${leaf} }`);
  return parts.join('\n');
}

describe('the fragment bomb', () => {
  it.each([30, 60])('measures the %i-level bomb in under 50 ms, as the cost of every path it names', (levels) => {
    const source = doubledBomb(levels);
    expect(countTokens(source)).toBeLessThan(DEFAULT_LIMITS.maxTokens);
    expect(validate(schema, parse(source))).toEqual([]);
    const { measure, ms } = timed(source);
    expect(ms).toBeLessThan(FAST_MS);
    // One field at the root, requested 2^levels times over; the 60-level count stops at the ceiling.
    expect(measure).toEqual({ depth: 1, aliases: 0, rootFields: 1, cost: Math.min(2 ** levels, MEASURE_CEILING) });
  });

  it.each([30, 60])('is refused by the limits with LIMIT_EXCEEDED (cost) within 50 ms: %i levels', async (levels) => {
    const { error, ms } = await refusalOf(doubledBomb(levels));
    expect(ms).toBeLessThan(FAST_MS);
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error!.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'cost', max: DEFAULT_LIMITS.maxCost, actual: Math.min(2 ** levels, MEASURE_CEILING) });
  });

  it('measures two fragments per level that spread both of the next (2^30 paths through 60 fragments)', () => {
    const parts = ['{ ...F0 ...G0 }'];
    for (let i = 0; i < 30; i++) parts.push(`fragment F${i} on Query { ...F${i + 1} ...G${i + 1} } fragment G${i} on Query { ...F${i + 1} ...G${i + 1} }`);
    parts.push('fragment F30 on Query { __typename } fragment G30 on Query { me { id } }');
    const { measure, ms } = timed(parts.join('\n'));
    expect(ms).toBeLessThan(FAST_MS);
    expect(measure).toMatchObject({ depth: 2, rootFields: 2, cost: 2 ** 30 + 2 ** 30 * 2 });
  });

  it('counts a bomb through aliased fields as the response paths it really names', () => {
    const parts = ['{ me { ...F0 } }'];
    for (let i = 0; i < 30; i++) parts.push(`fragment F${i} on User { a: best { ...F${i + 1} } b: best { ...F${i + 1} } }`);
    parts.push('fragment F30 on User { id }');
    const { measure, ms } = timed(parts.join('\n'));
    expect(ms).toBeLessThan(FAST_MS);
    // a, b, a.a, a.b, … : 2 + 4 + … + 2^30 aliased paths.
    expect(measure).toEqual({ depth: 32, aliases: 2 ** 31 - 2, rootFields: 1, cost: 1 + (2 ** 31 - 2) + 2 ** 30 });
  });

  it('measures wide bombs: five fragments a level, each spreading all five of the next (5^12 paths)', () => {
    const width = 5;
    const levels = 12;
    const name = (level: number, i: number) => `L${level}x${i}`;
    const spreadAll = (level: number) => Array.from({ length: width }, (_, i) => `...${name(level, i)}`).join(' ');
    const parts = [`{ ${spreadAll(0)} }`];
    for (let level = 0; level < levels; level++) {
      for (let i = 0; i < width; i++) parts.push(`fragment ${name(level, i)} on Query { ${spreadAll(level + 1)} }`);
    }
    for (let i = 0; i < width; i++) parts.push(`fragment ${name(levels, i)} on Query { __typename }`);
    const { measure, ms } = timed(parts.join('\n'));
    expect(ms).toBeLessThan(FAST_MS);
    expect(measure).toMatchObject({ depth: 1, rootFields: 1, cost: width ** (levels + 1) });
  });

  it('measures bombs under a union, where fragments on its members double too', () => {
    const parts = ['{ search(first: 1) { ...R0 } }'];
    for (let i = 0; i < 30; i++) parts.push(`fragment R${i} on Result { ... on User { ...R${i + 1} } ... on Admin { ...R${i + 1} } ...R${i + 1} }`);
    parts.push('fragment R30 on Result { __typename ... on User { name } ... on Admin { rights } }');
    const { measure, ms } = timed(parts.join('\n'));
    expect(ms).toBeLessThan(FAST_MS);
    expect(measure!.cost).toBeGreaterThan(DEFAULT_LIMITS.maxCost);
  });

  it('measures deep documents: a chain of 100 fragments each one field deeper, and fields nested 200 deep', () => {
    const chain = ['{ me { ...C0 } }'];
    for (let i = 0; i < 100; i++) chain.push(`fragment C${i} on User { best { ...C${i + 1} } }`);
    chain.push('fragment C100 on User { id }');
    const deepChain = timed(chain.join('\n'));
    expect(deepChain.ms).toBeLessThan(FAST_MS);
    expect(deepChain.measure).toMatchObject({ depth: 102, cost: 102 });

    const nested = timed(`{ me { ${'best { '.repeat(200)}id${' }'.repeat(200)} } }`);
    expect(nested.ms).toBeLessThan(FAST_MS);
    expect(nested.measure).toMatchObject({ depth: 202, cost: 202 });
  });

  it(`refuses, rather than recursing on, selections nested more than ${MAX_MEASURE_NESTING} deep`, () => {
    const chain = ['{ me { ...C0 } }'];
    for (let i = 0; i < MAX_MEASURE_NESTING; i++) chain.push(`fragment C${i} on User { ...C${i + 1} }`);
    chain.push(`fragment C${MAX_MEASURE_NESTING} on User { id }`);
    const { refusal, ms } = timed(chain.join('\n'));
    expect(ms).toBeLessThan(FAST_MS);
    expect(refusal).toMatchObject({ reason: 'nesting', max: MAX_MEASURE_NESTING });
  });

  it('refuses fragment cycles, direct, long and through fields, without looping', () => {
    const long = ['{ me { ...K0 } }'];
    for (let i = 0; i < 200; i++) long.push(`fragment K${i} on User { id ...K${(i + 1) % 200} }`);
    for (const source of [
      '{ ...A } fragment A on Query { ...A }',
      '{ me { ...A } } fragment A on User { best { ...B } } fragment B on User { friends { ...A } }',
      '{ ...A ...A } fragment A on Query { ...B ...B } fragment B on Query { me { id } ...A }',
      long.join('\n'),
    ]) {
      const { refusal, ms } = timed(source);
      expect(ms, source.slice(0, 60)).toBeLessThan(FAST_MS);
      expect(refusal?.reason, source.slice(0, 60)).toBe('cycle');
    }
  });

  it('answers a cycle with GRAPHQL_VALIDATION_FAILED, as validation would', async () => {
    const { error } = await refusalOf('{ me { ...A } } fragment A on User { best { ...A } }');
    expect(error?.message).toBe('Cannot spread fragment "A" within itself.');
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('the budget of steps', () => {
  it('refuses an operation that would take more steps than the budget, before taking them', () => {
    const { refusal } = timed('{ me { id name friends { id name } } }', { budget: 5 });
    expect(refusal).toMatchObject({ reason: 'budget', max: 5 });
    expect(timed('{ me { id name friends { id name } } }', { budget: 100 }).measure).toMatchObject({ depth: 3 });
  });

  it('refuses, with LIMIT_EXCEEDED (measure), a document under the token limit made to make the measure work hard', async () => {
    // Each of 70 fields collects a 490-field fragment anew, for aliases: over 34,000 steps.
    const big = `fragment Big on User { ${Array.from({ length: 490 }, () => 'id').join(' ')} }`;
    const source = `{ ${Array.from({ length: 70 }, (_, i) => `u${i}: me { ...Big }`).join(' ')} } ${big}`;
    expect(countTokens(source)).toBeLessThanOrEqual(DEFAULT_LIMITS.maxTokens);
    const { error, ms } = await refusalOf(source);
    expect(ms).toBeLessThan(FAST_MS);
    expect(error?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'measure', max: DEFAULT_MEASURE_BUDGET });
    expect(error?.extensions).not.toHaveProperty('actual');
    expect(error?.message).toBe(`The operation is too large to measure: more than ${DEFAULT_MEASURE_BUDGET} steps`);
  });
});
