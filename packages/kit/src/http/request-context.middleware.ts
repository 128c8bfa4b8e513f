import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** Ids that follow one request through logs and into the events it causes. */
export interface RequestContext {
  /** This hop's id (`x-request-id`), new unless a trusted caller sent one. */
  requestId: string;
  /** The whole conversation's id (`x-correlation-id`); events carry it as `correlationId`. */
  correlationId: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by createApp for every request. */
      context: RequestContext;
    }
  }
}

// A caller-chosen id ends up in logs and events: accept only short, plain tokens.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const safe = (value: string | string[] | undefined) => (typeof value === 'string' && SAFE_ID.test(value) ? value : undefined);

/** The ids of a request from its headers: the caller's when safe, else a new request id (correlation = request). */
export function requestIdsOf(headers: IncomingHttpHeaders): RequestContext {
  const requestId = safe(headers['x-request-id']) ?? randomUUID();
  return { requestId, correlationId: safe(headers['x-correlation-id']) ?? requestId };
}

/** Accepts or generates x-request-id / x-correlation-id, exposes them as `req.context` and echoes them. */
export function requestContext() {
  return (req: Request, res: Response, next: NextFunction) => {
    req.context = requestIdsOf(req.headers);
    res.setHeader('x-request-id', req.context.requestId);
    res.setHeader('x-correlation-id', req.context.correlationId);
    next();
  };
}
