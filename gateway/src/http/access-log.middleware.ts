import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@hoanhap/kit';
import type { Histogram } from 'prom-client';

const QUIET = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line and one latency sample per request. The path is logged
 * without its query string: queries carry searched names (`?q=`), which
 * are personal data. Plain lines hold only these known-safe fields and go
 * to `lines` (no redaction: kit's redaction costs ~40 µs a line, a tenth of
 * the gateway's CPU per request); a line with an error goes to the
 * redacting `logger`, since an error's insides are not known.
 */
export function accessLog(logger: Logger, histogram: Histogram<'route' | 'method' | 'status'>, lines: Logger = logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (res.locals.routeTemplate as string | undefined) ?? 'other';
      histogram.observe({ route, method: req.method, status: res.statusCode }, seconds);
      const path = req.originalUrl.split('?', 1)[0]!;
      if (QUIET.has(path)) return;
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info';
      const err = (res as Response & { err?: Error }).err;
      const line = { requestId: req.context.requestId, correlationId: req.context.correlationId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10, userId: req.auth?.sub };
      if (err) logger[level]({ ...line, err }, 'request');
      else lines[level](line, 'request');
    });
    next();
  };
}
