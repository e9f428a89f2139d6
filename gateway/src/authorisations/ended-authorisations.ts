import { ENDED_AUTHORISATION_MEMORY_MS } from '@govgraph/kit';

/** More than any day's revocations; past it the oldest are forgotten first. */
const MAX_ENTRIES = 100_000;

/**
 * The agent authorisations that ended, as this gateway knows them: from identity's list (read at
 * start and every half-minute) and its `authorisation-ended` events (within a second). Ids are
 * never reused, so a token naming one of them is dead, whenever it was minted. Remembered a day:
 * longer than any token lives.
 */
export class EndedAuthorisations {
  private readonly ended = new Map<string, number>();
  private listRead = false;

  constructor(private readonly now: () => number = Date.now) {}

  /** True once identity's list was read: before that the gateway cannot tell a revoked token from a good one. */
  get known(): boolean {
    return this.listRead;
  }

  has(authorisationId: string): boolean {
    return this.ended.has(authorisationId);
  }

  add(authorisationId: string, endedAt: string): void {
    const at = Date.parse(endedAt);
    if (this.ended.has(authorisationId)) return;
    this.ended.set(authorisationId, Number.isFinite(at) ? at : this.now());
    if (this.ended.size > MAX_ENTRIES) this.ended.delete(this.ended.keys().next().value!);
  }

  /** identity's whole list: everything it names, and from now on the gateway knows. */
  addList(list: ReadonlyArray<{ authorisationId: string; endedAt: string }>): void {
    for (const entry of list) this.add(entry.authorisationId, entry.endedAt);
    this.listRead = true;
    this.forgetOld();
  }

  private forgetOld(): void {
    const before = this.now() - ENDED_AUTHORISATION_MEMORY_MS;
    for (const [id, at] of this.ended) if (at < before) this.ended.delete(id);
  }
}
