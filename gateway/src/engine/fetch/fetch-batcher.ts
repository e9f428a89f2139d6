/**
 * Collects what arrives for one key (one client request) until the event loop has run every
 * callback that was ready — the executor starting a plan's parallel branches, and the branches
 * whose subgraph answers came in together — then hands the lot over in arrival order. Keys are
 * objects (a request's context) and are forgotten as soon as their batch is handed over.
 */
export class FetchBatcher<Item, Result> {
  private readonly pending = new Map<object, Array<{ item: Item; resolve: (result: Result) => void; reject: (error: unknown) => void }>>();

  /** `send` answers one result per item, in order, or fails them all. */
  constructor(private readonly send: (items: Item[]) => Promise<Result[]>) {}

  add(key: object, item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      let waiting = this.pending.get(key);
      if (!waiting) {
        waiting = [];
        this.pending.set(key, waiting);
        // setImmediate, not a microtask: sibling branches reach here several promise hops apart.
        setImmediate(() => this.flush(key));
      }
      waiting.push({ item, resolve, reject });
    });
  }

  private flush(key: object): void {
    const waiting = this.pending.get(key);
    this.pending.delete(key);
    if (!waiting) return;
    this.send(waiting.map((entry) => entry.item)).then(
      (results) => waiting.forEach((entry, i) => entry.resolve(results[i]!)),
      (error: unknown) => waiting.forEach((entry) => entry.reject(error)),
    );
  }
}
