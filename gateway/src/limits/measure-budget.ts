/**
 * Steps the measure may take on one operation. Each selection visited, each fragment looked into
 * and each possible type a fragment's cost is added to is one step. The measure is linear in the
 * document: the contract operations take fewer than 200 steps, GraphiQL's introspection query 264.
 * A document under the default token limit built to make it work (70 fields each collecting a
 * 490-field fragment anew, for aliases) would take about 36,000: it is refused in a few milliseconds.
 */
export const DEFAULT_MEASURE_BUDGET = 20_000;

/**
 * Selections nested inside one another (fields, inline fragments and spreads along one path) the
 * measure follows; the walks recurse, and a document nested deeper is refused rather than allowed
 * to exhaust the stack. The depth limit refuses far shallower documents anyway.
 */
export const MAX_MEASURE_NESTING = 500;

/** Counts need no more precision than this, and stay safe integers in `actual`. */
export const MEASURE_CEILING = Number.MAX_SAFE_INTEGER;

/**
 * Why an operation could not be measured: it spent the budget, nests past the bound, or spreads a
 * fragment within itself (`cycle` names the fragments around it).
 */
export class MeasureRefusal extends Error {
  constructor(
    readonly reason: 'budget' | 'nesting' | 'cycle',
    message: string,
    readonly max?: number,
    readonly cycle?: readonly string[],
  ) {
    super(message);
    this.name = 'MeasureRefusal';
  }
}

/** The steps left for one measure; throws a MeasureRefusal once they run out. */
export class MeasureBudget {
  private left: number;

  constructor(readonly max: number = DEFAULT_MEASURE_BUDGET) {
    this.left = max;
  }

  spend(steps = 1): void {
    this.left -= steps;
    if (this.left < 0) throw new MeasureRefusal('budget', `The operation is too large to measure: more than ${this.max} steps`, this.max);
  }

  /** Steps taken so far. */
  get spent(): number {
    return this.max - this.left;
  }

  nest(nesting: number): void {
    if (nesting > MAX_MEASURE_NESTING) {
      throw new MeasureRefusal('nesting', `The operation nests selections and fragments more than ${MAX_MEASURE_NESTING} deep`, MAX_MEASURE_NESTING);
    }
  }
}

/** `a + b`, no larger than the ceiling. */
export const saturatingAdd = (a: number, b: number): number => Math.min(MEASURE_CEILING, a + b);

/** `a × b`, no larger than the ceiling. */
export const saturatingTimes = (a: number, b: number): number => Math.min(MEASURE_CEILING, a * b);
