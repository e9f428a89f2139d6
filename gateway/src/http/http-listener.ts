import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { answerClientErrors, closeServer, listen, type Logger } from '@govgraph/kit';
import { isDocumentsPath } from '../documents/documents-handler.js';

export interface HttpListener {
  /** Base URL, e.g. http://127.0.0.1:4000 */
  url: string;
  /**
   * Refuses new connections at once, tells every answer not yet sent that it is its connection's
   * last (keep-alive clients reconnect elsewhere), and lets requests in flight finish for up to `graceMs`.
   */
  close(graceMs: number): Promise<void>;
}

/** node:http around `handle`, listening on `port` (0 picks a free one). */
export async function listenHttp(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, port: number, host: string, log: Logger): Promise<HttpListener> {
  let draining = false;
  // Answers not yet sent: told at shutdown that they are their connection's last.
  const unanswered = new Set<ServerResponse>();
  const serve = (req: IncomingMessage, res: ServerResponse) => {
    if (draining) res.setHeader('connection', 'close');
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
    // handle() answers its own failures. One that still escapes cuts this connection; unhandled, the
    // rejection would stop the gateway for every client.
    handle(req, res).catch((error: unknown) => {
      log.error({ err: error }, 'request handler failed');
      res.destroy();
    });
  };
  const http = createServer(serve);
  http.keepAliveTimeout = 65_000;
  answerClientErrors(http);
  // "Expect: 100-continue": an upload is told to go on only once it passed the size and token
  // checks (the documents handler answers 100 itself); everything else at once, as Node would.
  http.on('checkContinue', (req, res) => {
    if (!isDocumentsPath(requestPath(req))) res.writeContinue();
    serve(req, res);
  });
  const url = await listen(http, port, host);
  return {
    url,
    async close(graceMs) {
      draining = true;
      for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
      await closeServer(http, graceMs);
    },
  };
}

/**
 * The request target's path; '' for a target that is no path (`GET //`), which is answered 404.
 * `new URL` throws on such a target, and a throw in a request listener ends the process.
 */
export function requestPath(req: IncomingMessage): string {
  const target = req.url ?? '/';
  return URL.canParse(target, 'http://localhost') ? new URL(target, 'http://localhost').pathname : '';
}
