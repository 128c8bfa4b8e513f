import type { Request } from 'express';
import type { Logger } from 'pino';
import pinoHttp from 'pino-http';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** One log line per request with its ids and status; probes and scrapes stay quiet. */
export function httpLogger(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: (req) => (req as Request).context?.requestId ?? 'unknown',
    customProps: (req) => ({ correlationId: (req as Request).context?.correlationId }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => QUIET_PATHS.has((req as Request).path ?? '') },
    quietReqLogger: true,
  });
}
