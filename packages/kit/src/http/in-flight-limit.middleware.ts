import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors/app-error';

/** Requests a service works on at once when neither `AppDeps.maxInFlight` nor `MAX_IN_FLIGHT` says otherwise. */
export const DEFAULT_MAX_IN_FLIGHT = 64;

/**
 * Load shedding: at most `max` requests in progress; one more is answered 503 `SERVICE.OVERLOADED` with
 * `Retry-After` at once, before it costs a database round trip. Without it a service that fell behind (a
 * restarted database, a broker outage) kept taking every retry of every client whose gateway had already
 * given up on it — the fault run at 20 requests/s saw 890 requests waiting and FerretDB at 630 connections,
 * answering nothing. A slot is given back when the response closes (finished, or its connection gone).
 */
export function inFlightLimit(max: number): RequestHandler {
  if (!Number.isInteger(max) || max < 1) throw new Error(`maxInFlight must be a positive integer, got ${max}`);
  let inFlight = 0;
  return (_req: Request, res: Response, next: NextFunction) => {
    if (inFlight >= max) {
      next(
        new AppError('SERVICE.OVERLOADED', 503, `the service is working on ${max} requests already; try again shortly`, {
          headers: { 'Retry-After': '1' },
        }),
      );
      return;
    }
    inFlight += 1;
    // 'close' comes once per response: after 'finish', or alone when the connection goes first
    res.once('close', () => (inFlight -= 1));
    next();
  };
}
