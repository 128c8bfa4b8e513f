import type { ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import type { NextFunction, Request, Response } from 'express';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line per request — its ids, method, path (never the query string), status and duration; probes
 * and scrapes stay quiet. The line is built from those fields alone, so it goes out through a sibling of
 * the service's logger that skips redaction: pino-http made a child logger per request and the redaction
 * of every line walked ~130 paths, together ~14% of a matching request's CPU. A request that ended in an
 * unexpected error (the error handler sets `res.err`) is logged through the service's own logger, redacted,
 * with the error and its stack: a database error can quote a stored value.
 */
export function httpLogger(logger: Logger) {
  const log = requestLog(logger);
  return (req: Request, res: Response, next: NextFunction) => {
    if (QUIET_PATHS.has(req.path)) return next();
    const started = performance.now();
    res.once('close', () => {
      const requestId = req.context?.requestId ?? 'unknown';
      log({ requestId, correlationId: req.context?.correlationId, method: req.method, path: req.originalUrl.split('?')[0]! }, res, started);
    });
    next();
  };
}

/** What a request log line says of the request; the response and the start time give the rest. */
export interface LoggedRequest {
  requestId: string;
  correlationId: string | undefined;
  method: string;
  path: string;
}

/** Writes one request's line once its response closed (express's stack and the kit's hot routes share it). */
export function requestLog(
  logger: Logger,
): (request: LoggedRequest, res: Pick<ServerResponse, 'statusCode' | 'writableEnded'> & { err?: Error }, started: number) => void {
  const destination = (logger as unknown as Record<symbol, DestinationStream>)[pino.symbols.streamSym];
  // pino's default base (pid, hostname) as on every other line: which process of a replicated service served it
  const plain = pino({ level: 'trace', base: { pid: process.pid, hostname: hostname(), ...logger.bindings() } }, destination);
  return (request, res, started) => {
    const err = res.err;
    // ended by the app (whether or not the last bytes reached a client that left meanwhile), or left unanswered
    const aborted = !res.writableEnded;
    const level: Level = err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 || aborted ? 'warn' : 'info';
    if (!logger.isLevelEnabled(level)) return;
    const line = {
      reqId: request.requestId,
      correlationId: request.correlationId,
      req: { id: request.requestId, method: request.method, path: request.path },
      res: { statusCode: res.statusCode },
      responseTime: Math.round(performance.now() - started),
    };
    const message = aborted ? 'request aborted' : 'request completed';
    if (err) logger[level]({ ...line, err }, message);
    else plain[level](line, message);
  };
}
