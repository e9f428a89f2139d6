/**
 * How a department tells others what happened, without calling them (DESIGN.md): the owner of
 * an event publishes it on a stream; every interested department consumes it in its own group,
 * at least once, in order. Handlers must be idempotent (events carry a unique id).
 */
export interface BusEvent<Payload = unknown> {
  id: string;
  stream: string;
  payload: Payload;
}

export interface EventBus {
  publish(stream: string, payload: unknown): Promise<string>;
  /** Delivers every event of the stream not yet handled by this group; stops on close(). */
  subscribe(stream: string, group: string, handle: (event: BusEvent) => Promise<void>): void;
  close(): Promise<void>;
}
