import type { OutgoingHttpHeaders, RequestListener } from 'node:http';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import inject from 'light-my-request';
import type { Logger } from '../log/logger';
import { classifyError, problemAnswer } from '../errors/problem';
import { PASS, type HotListener, type HotReply } from './hot-routes';
import { requestIdsOf } from './request-context.middleware';
import type { FrontReply, FrontRequest, FrontSetup, FrontStatus } from './front-thread.protocol';

export interface FrontThreadOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** Beyond this a request body is not read: 413 (default 16 MB, far above any body parser's limit). */
  bodyLimitBytes?: number;
  /** The front thread died: by default the process exits 1 (its supervisor starts it again). */
  onFailure?: (error: Error) => void;
}

export interface FrontThread {
  port: number;
  /** Stops accepting, lets answers in flight be written, ends the thread. */
  stop(): Promise<void>;
}

// headers of one connection, or of a stream the reply no longer is (light-my-request collected it whole)
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/**
 * Serves `app` on `port` from a front thread: a worker thread holds the connections, reads the requests
 * and writes the answers (HTTP parsing, headers, the UTF-8 encoding of each body and the socket writes),
 * while this thread, the one with the service's state, only answers them. A GET is asked of the hot
 * answerer; anything else (or what it passes on) goes through the app's full express stack,
 * injected without a socket (light-my-request), with the client's address. On a 2-core machine this runs
 * both cores for one service without a second copy of its state (node:cluster replicas each hold one).
 */
export async function serveFromFrontThread(app: RequestListener & Partial<HotListener>, options: FrontThreadOptions): Promise<FrontThread> {
  const full = app.hot?.full ?? app;
  const hot = app.hot?.answer;
  const setup: FrontSetup = {
    port: options.port,
    host: options.host,
    bodyLimitBytes: options.bodyLimitBytes ?? 16 * 1024 * 1024,
  };
  const worker = new Worker(bootstrap(join(__dirname, 'front-thread.worker')), { eval: true, workerData: setup });
  // bytes move to the front thread (their buffer is handed over, not copied) when they own all of it
  const answered = (reply: FrontReply) => {
    if (typeof reply.body === 'string') return worker.postMessage(reply);
    const own =
      reply.body.byteOffset === 0 && reply.body.byteLength === reply.body.buffer.byteLength ? reply.body : new Uint8Array(reply.body);
    worker.postMessage({ ...reply, body: own }, [own.buffer as ArrayBuffer]);
  };

  const answer = async (m: FrontRequest): Promise<Omit<FrontReply, 'n'>> => {
    if (m.tooLarge) return problemReply(m, classifyError({ type: 'entity.too.large' }));
    // every GET is asked of the hot answerer, which knows its paths (as withHotRoutes does); a hot answer that
    // failed (a body JSON cannot write) is the full stack's
    const quick = m.method === 'GET' && hot ? await Promise.resolve(hot(m.url, m.headers)).catch((): typeof PASS => PASS) : PASS;
    if (quick !== PASS) return quick;
    // a Buffer crosses threads as a plain Uint8Array: a Buffer again over the same bytes
    const payload = m.body && Buffer.from(m.body.buffer, m.body.byteOffset, m.body.byteLength);
    const injected = await inject(full, {
      method: m.method as 'GET',
      url: m.url,
      headers: m.headers,
      remoteAddress: m.remoteAddress,
      payload,
    });
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(injected.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    if (m.method !== 'HEAD') headers['content-length'] = injected.rawPayload.length;
    return { status: injected.statusCode, headers, body: injected.rawPayload };
  };

  let stopping: Promise<void> | undefined;
  const failed = (error: Error) => {
    // once: a thread's 'error' is followed by its 'exit'
    if (stopping) return;
    stopping = Promise.resolve();
    options.logger.fatal({ err: error }, 'the front thread failed');
    (options.onFailure ?? (() => process.exit(1)))(error);
  };
  const status = new Promise<number>((resolve, reject) => {
    worker.on('message', (m: FrontRequest | FrontStatus) => {
      if (!('status' in m)) {
        answer(m).then(
          (reply) => answered({ n: m.n, ...reply }),
          (error: unknown) => answered({ n: m.n, ...problemReply(m, classifyError(error)) }),
        );
      } else if (m.status === 'listening') resolve(m.port);
      else if (m.status === 'failed') reject(new Error(`the front thread cannot listen on ${options.port}: ${m.message}`));
    });
    worker.once('error', (error) => (reject(error), failed(error)));
    worker.once('exit', (code) => failed(new Error(`the front thread exited (${code})`)));
  });
  const port = await status.catch(async (error: unknown) => {
    stopping = Promise.resolve();
    await worker.terminate();
    throw error;
  });
  return {
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        worker.on('message', (m: FrontStatus) => void (m.status === 'closed' && worker.terminate().then(() => resolve())));
        worker.postMessage('close');
      });
      return stopping;
    },
  };
}

/** An error's problem document as a reply, with the request's ids (what the error handler would have sent). */
function problemReply(m: FrontRequest, classified: ReturnType<typeof classifyError>): HotReply {
  const ids = requestIdsOf(m.headers);
  return problemAnswer(
    { ...classified.problem, requestId: ids.requestId },
    { ...classified.headers, 'x-request-id': ids.requestId, 'x-correlation-id': ids.correlationId },
  );
}

/** The worker's code: the compiled file, or the TypeScript source through tsx (services run from source). */
function bootstrap(file: string): string {
  if (__filename.endsWith('.js')) return `require(${JSON.stringify(`${file}.js`)})`;
  return `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(`${file}.ts`)})`;
}
