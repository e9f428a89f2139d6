/**
 * Fetches in flight by what they ask: a second identical fetch while the first is on its way
 * waits for the first instead of asking again. Each waiter must take its own copy of the answer
 * (the executor writes into what it parses). Forgotten as soon as the answer arrives or fails.
 */
export class SharedFetches<T> {
  private readonly inflight = new Map<string, Promise<T>>();

  share(key: string, start: () => Promise<T>): Promise<T> {
    let pending = this.inflight.get(key);
    if (!pending) {
      pending = start();
      this.inflight.set(key, pending);
      const forget = () => this.inflight.delete(key);
      pending.then(forget, forget);
    }
    return pending;
  }
}
