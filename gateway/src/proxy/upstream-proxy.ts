import { Transform } from 'node:stream';
import type { Request, Response } from 'express';
import { Agent, type Dispatcher } from 'undici';
import { AppError } from '@hoanhap/kit';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './forward-headers';
import { isStaleConnection, upstreamProblem } from './upstream-errors';

export interface ProxyOptions {
  /** Longest wait for a service's response headers, and between two body chunks. */
  timeoutMs: number;
  bodyLimitBytes: number;
}

/**
 * One keep-alive connection pool per service origin, shared by every request
 * (re-opening a TCP connection per request would halve throughput). A
 * service that restarts is simply reconnected to.
 */
export function createUpstreamAgent(options: { connectTimeoutMs: number; connections?: number }): Agent {
  return new Agent({ connect: { timeout: options.connectTimeoutMs }, keepAliveTimeout: 30_000, connections: options.connections ?? 256 });
}

const upstreamTimeout = Object.assign(new Error('no response headers in time'), { code: 'UND_ERR_HEADERS_TIMEOUT' });
// The rest of an oversize body is never read: the connection closes after the 413 rather than stay
// half-read, where the client's next request on it would wait behind bytes nobody consumes.
const tooLarge = (limit: number) =>
  new AppError('REQUEST.TOO_LARGE', 413, `the request body is larger than ${limit} bytes`, { headers: { Connection: 'close' } });

// A chunked body has no length to check up front: count it as it streams.
function limited(req: Request, limit: number): Transform {
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? tooLarge(limit) : null, chunk);
    },
  });
  req.on('error', (error) => counter.destroy(error));
  return req.pipe(counter);
}

function requestBody(req: Request, limit: number): Dispatcher.DispatchOptions['body'] {
  const length = req.headers['content-length'];
  if (length !== undefined) {
    if (Number(length) > limit) throw tooLarge(limit);
    return Number(length) > 0 ? req : undefined;
  }
  return req.headers['transfer-encoding'] ? limited(req, limit) : undefined;
}

/**
 * Streams a request to a service and its response back (no buffering), with
 * the timeouts of {@link ProxyOptions}. Failures before the response starts
 * become 502/503/504 problems; after it started, the response is cut.
 */
export function createProxy(agent: Dispatcher, options: ProxyOptions) {
  async function send(req: Request, res: Response, origin: string, path: string, signal: AbortSignal, answered: () => void): Promise<void> {
    await agent.stream(
      {
        origin,
        path,
        method: req.method as Dispatcher.HttpMethod,
        headers: upstreamRequestHeaders(req),
        body: requestBody(req, options.bodyLimitBytes),
        headersTimeout: options.timeoutMs,
        bodyTimeout: options.timeoutMs,
        signal,
      },
      ({ statusCode, headers }) => {
        answered();
        res.writeHead(statusCode, downstreamResponseHeaders(headers));
        return res;
      },
    );
  }

  return async function forward(req: Request, res: Response, target: { service: string; origin: string; path: string }): Promise<void> {
    const aborter = new AbortController();
    let timedOut = false;
    // undici's own timeouts tick once a second; this deadline is exact: the service must start
    // answering (connect + headers) within timeoutMs. undici's bodyTimeout then bounds each gap.
    const deadline = setTimeout(() => {
      timedOut = true;
      aborter.abort();
    }, options.timeoutMs);
    const onClose = () => {
      if (!res.writableFinished) aborter.abort(); // the client left: stop waiting for the service
    };
    res.once('close', onClose);
    const retriable = req.method === 'GET' || req.method === 'HEAD';
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await send(req, res, target.origin, target.path, aborter.signal, () => clearTimeout(deadline));
        } catch (error) {
          if (res.headersSent || (aborter.signal.aborted && !timedOut)) return void res.destroy();
          if (retriable && attempt === 1 && !timedOut && isStaleConnection(error)) continue;
          throw upstreamProblem(timedOut ? upstreamTimeout : error, target.service, options.timeoutMs);
        }
      }
    } finally {
      clearTimeout(deadline);
    }
  };
}

export type Forward = ReturnType<typeof createProxy>;
