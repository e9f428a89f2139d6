import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, listen } from '@govgraph/kit';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** A throwaway node:http server on 127.0.0.1, port 0. */
export async function startHttpServer(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>): Promise<TestServer> {
  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
    await handler(req, res, Buffer.concat(chunks).toString('utf8'));
  };
  // Not awaited: a throw in a handler is an unhandled rejection, which vitest reports as an error of the run.
  const server = createServer((req, res) => void serve(req, res));
  // As the kit's and the gateway's servers: idle connections are the client's to close (its pool
  // times out first), so a starved test machine does not race Node's 5 s default.
  server.keepAliveTimeout = 65_000;
  const url = await listen(server, 0, '127.0.0.1');
  return { url, close: () => closeServer(server, 0) };
}
