import { randomUUID } from 'node:crypto';
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

function incoming(req: Request, header: string): string | undefined {
  const value = req.header(header);
  return value && SAFE_ID.test(value) ? value : undefined;
}

/** Accepts or generates x-request-id / x-correlation-id, exposes them as `req.context` and echoes them. */
export function requestContext() {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = incoming(req, 'x-request-id') ?? randomUUID();
    const correlationId = incoming(req, 'x-correlation-id') ?? requestId;
    req.context = { requestId, correlationId };
    res.setHeader('x-request-id', requestId);
    res.setHeader('x-correlation-id', correlationId);
    next();
  };
}
