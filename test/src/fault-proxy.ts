import net from 'node:net';

/**
 * How the proxy treats traffic towards the target:
 * - `pass`: forwards at once;
 * - `delay`: holds every chunk from the client `delayMs` before forwarding (a slow department:
 *   each HTTP request, usually one chunk, is answered that much later);
 * - `hang`: accepts and reads but never forwards nor answers (a department that stopped answering);
 * - `reset`: accepts and resets the connection at once.
 */
export type FaultMode = 'pass' | 'delay' | 'hang' | 'reset';

export interface FaultProxy {
  port: number;
  /** The target's URL with this proxy's port, e.g. for `<NAME>_URL`. */
  urlFor(targetUrl: string): string;
  set(mode: FaultMode, delayMs?: number): void;
  /** Points the proxy at another port (e.g. once the target's port is known). */
  retarget(port: number): void;
  /** Closes every open connection, e.g. so a mode change applies to keep-alive clients at once. */
  dropConnections(): void;
  stats(): { connections: number; open: number };
  close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 (port 0 unless given) in front of one local target. With target port
 * 0 it resets every connection until `retarget` names the port.
 */
export async function startFaultProxy(target: { host?: string; port: number }, options: { port?: number } = {}): Promise<FaultProxy> {
  let targetPort = target.port;
  let mode: FaultMode = 'pass';
  let delayMs = 0;
  let connections = 0;
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    connections += 1;
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'reset' || targetPort === 0) return void client.resetAndDestroy();
    if (mode === 'hang') return void client.resume();

    const upstream = net.connect({ host: target.host ?? '127.0.0.1', port: targetPort });
    open.add(upstream);
    upstream.on('close', () => {
      open.delete(upstream);
      client.destroy();
    });
    // A target that refuses (killed) resets the client: the caller sees a dropped connection.
    upstream.on('error', () => client.resetAndDestroy());
    client.on('close', () => upstream.destroy());
    // Chunks keep their order: each waits for the one before it and for its own delay.
    let previous = Promise.resolve();
    client.on('data', (chunk) => {
      const wait = mode === 'delay' ? delayMs : 0;
      const mustHang = mode === 'hang';
      previous = previous.then(async () => {
        if (mustHang) return;
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (!upstream.destroyed) upstream.write(chunk);
      });
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;

  const dropConnections = () => {
    for (const socket of open) socket.destroy();
    open.clear();
  };
  return {
    port,
    urlFor(targetUrl) {
      const url = new URL(targetUrl);
      url.hostname = '127.0.0.1';
      url.port = String(port);
      return url.toString();
    },
    retarget(port) {
      targetPort = port;
    },
    set(next, ms = 0) {
      mode = next;
      delayMs = ms;
    },
    dropConnections,
    stats: () => ({ connections, open: open.size }),
    close: () =>
      new Promise((resolve) => {
        dropConnections();
        server.close(() => resolve());
      }),
  };
}
