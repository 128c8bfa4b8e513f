import type { IncomingMessage, OutgoingHttpHeaders, RequestListener, ServerResponse } from 'node:http';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Registry } from 'prom-client';
import type { Logger } from '../log/logger';
import { requestLog } from '../log/http-logger.middleware';
import { requestDurations } from '../metrics/metrics';
import { specMismatch, type ResponseChecker } from '../openapi/response-validator.middleware';
import { requestIdsOf } from './request-context.middleware';

/** A hot route's "not mine": the request goes on to the app's full stack, which answers it (errors included). */
export const PASS = Symbol('pass');

export interface HotRoute {
  /** Matched against the path alone (no query string); its groups are the route's parameters. */
  path: RegExp;
  /** The route's template as express names it (`/jobs/:id/candidates`): the metrics label. */
  template: string;
  /**
   * The 200 answer's body, or PASS for anything else. A hot route answers only requests it recognises
   * exactly (a query it does not know, a caller it cannot verify, a use case's error: PASS), so every
   * refusal keeps coming from the full stack, with its validation and its problem+json.
   */
  answer(params: string[], query: URLSearchParams, req: IncomingMessage, res: ServerResponse): unknown | Promise<unknown>;
}

/**
 * The app's request listener with a few GET routes answered before express: the app's own stack (helmet,
 * ids, log, metrics, in-flight limit, body parser, OpenAPI validator, router, res.json) cost a matching read
 * 0.45 ms of CPU of its 0.9, more than the ranking itself, and at 100 concurrent clients on one core that
 * is what the queue waits on. A hot answer carries the same headers (helmet's, captured from helmet
 * itself), the same ids, log line and metric.
 */
export function withHotRoutes(app: Express, routes: readonly HotRoute[]): RequestListener {
  const logger = app.locals.logger as Logger;
  const log = requestLog(logger);
  const durations = requestDurations(app.locals.metrics as Registry);
  const security = helmetHeaders();
  const full = app as unknown as RequestListener;
  // set by createApp when it validates answers (tests): a hot answer is checked against the spec like express's
  const check = app.locals.responseCheck as ResponseChecker | undefined;

  const answerWith = (route: HotRoute, params: string[], req: IncomingMessage, res: ServerResponse, query: URLSearchParams, started: number) => {
    const sent = (body: unknown) => {
      if (body === PASS) return full(req, res);
      try {
        // the socket encodes the string outside the JS heap; a Buffer.from here cost as much CPU again and ~35 kB
        // of garbage per 19 kB answer (the answers carry Vietnamese, so the string is two-byte)
        const text = JSON.stringify(body);
        const ids = requestIdsOf(req.headers);
        const path = (req.url ?? '').split('?')[0]!;
        // (tests only: in production `check` is unset and nothing here runs or allocates)
        const op = check?.(path, 'GET');
        const errors = op?.check(200, 'application/json', JSON.parse(text));
        if (op && errors?.length) {
          const problem = specMismatch(logger, { operation: op.operation, method: 'GET', path, status: 200, errors, requestId: ids.requestId });
          res.writeHead(500, {
            ...security,
            'x-request-id': ids.requestId,
            'x-correlation-id': ids.correlationId,
            'content-type': 'application/problem+json; charset=utf-8',
          });
          res.end(JSON.stringify(problem));
          return;
        }
        res.writeHead(200, {
          ...security,
          'x-request-id': ids.requestId,
          'x-correlation-id': ids.correlationId,
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
        durations.observe({ route: route.template, method: 'GET', status: '200' }, (performance.now() - started) / 1000);
        log({ ...ids, method: 'GET', path }, res, started);
      } catch (error) {
        // a body JSON cannot write (a BigInt, a cycle): the full stack answers, and says what went wrong
        if (res.headersSent) res.destroy(error as Error);
        else full(req, res);
      }
    };
    // a hot route's failure is the full stack's to answer: it runs the request again and says what is wrong
    const passOn = () => full(req, res);
    try {
      const body = route.answer(params, query, req, res);
      if (body instanceof Promise) body.then(sent, passOn);
      else sent(body);
    } catch {
      passOn();
    }
  };

  return (req, res) => {
    const started = performance.now();
    if (req.method === 'GET' && req.url) {
      const mark = req.url.indexOf('?');
      const path = mark < 0 ? req.url : req.url.slice(0, mark);
      for (const route of routes) {
        const match = route.path.exec(path);
        if (match)
          return answerWith(route, match.slice(1), req, res, new URLSearchParams(mark < 0 ? '' : req.url.slice(mark + 1)), started);
      }
    }
    full(req, res);
  };
}

/** The headers helmet sets on every answer, read once from helmet itself (it only ever sets and removes headers). */
function helmetHeaders(): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  const res = {
    setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet()({} as never, res as never, () => undefined);
  return headers;
}
