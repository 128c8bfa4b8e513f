import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { classifyError, problemAnswer, type Problem } from './problem';

/** Writes a problem document as `application/problem+json`. */
export function sendProblem(res: Response, problem: Problem, headers: Record<string, string> = {}): void {
  const answer = problemAnswer(problem, headers);
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) res.setHeader(name, value);
  res.status(answer.status).send(answer.body);
}

/**
 * The one HTTP error handler: every thrown or forwarded error ends here and
 * leaves as problem+json. Unexpected errors are attached to the response so
 * the request log line carries them (with their stack, redacted); clients
 * never see the stack.
 */
export function errorHandler(): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const classified = classifyError(error);
    if (classified.unexpected) (res as Response & { err?: Error }).err = error as Error;
    const requestId = req.context?.requestId;
    sendProblem(res, requestId ? { ...classified.problem, requestId } : classified.problem, classified.headers);
  };
}
