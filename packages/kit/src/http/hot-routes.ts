import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, RequestListener } from 'node:http';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Registry } from 'prom-client';
import type { Logger } from '../log/logger';
import { requestLog } from '../log/http-logger.middleware';
import { problemAnswer } from '../errors/problem';
import { requestDurations } from '../metrics/metrics';
import { specMismatch, type ResponseChecker } from '../openapi/response-validator.middleware';
import { requestIdsOf } from './request-context.middleware';

/** A hot route's "not mine": the request goes on to the app's full stack, which answers it (errors included). */
export const PASS = Symbol('pass');

/**
 * A hot route's body already written as JSON in UTF-8 (by a serialiser that knows the answer's shape and keeps
 * the parts it repeats, encoded once), sent as it is; it must be exactly the bytes of what JSON.stringify would
 * write of the same answer. Handed to a front thread without a copy (the buffer moves to it): the bytes must own
 * their whole ArrayBuffer (`Buffer.allocUnsafeSlow`, `Buffer.concat` past 4 kB) to move; others are copied once.
 */
export class JsonBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** What a hot route reads of its request: the headers (its path and query come parsed). */
export type HotRequest = Pick<IncomingMessage, 'headers'>;

/** What a hot route may add to its answer before the body: a header (a Server-Timing, say). */
export interface HotResponse {
  setHeader(name: string, value: string): unknown;
}

export interface HotRoute {
  /** Matched against the path alone (no query string); its groups are the route's parameters. */
  path: RegExp;
  /** The route's template as express names it (`/jobs/:id/candidates`): the metrics label. */
  template: string;
  /**
   * The 200 answer's body (a value, or its JSON as JsonBytes), or PASS for anything else. A hot route
   * answers only requests it recognises exactly (a query it does not know, a caller it cannot verify, a use
   * case's error: PASS), so every refusal keeps coming from the full stack, with its validation and its
   * problem+json.
   */
  answer(params: string[], query: URLSearchParams, req: HotRequest, res: HotResponse): unknown | Promise<unknown>;
}

/** A hot answer, whole: written as it is by whichever thread holds the connection. */
export interface HotReply {
  status: number;
  headers: OutgoingHttpHeaders;
  /**
   * The JSON, as text or as UTF-8 bytes. Bytes come with their content-length; a text is encoded, and its
   * length set, by whoever writes it (the answers carry Vietnamese, a two-byte string, whose UTF-8 length alone
   * costs a 20 kB answer ~30 µs: a front thread's work, not this one's).
   */
  body: string | Uint8Array;
}

/** The hot answer to a GET of `url` (path and query) with these headers, or PASS: the full stack's to answer. */
export type HotAnswerer = (url: string, headers: IncomingHttpHeaders) => HotReply | typeof PASS | Promise<HotReply | typeof PASS>;

/** What a listener with hot routes carries for a front thread (front-thread.ts): its parts, apart. */
export interface HotServing {
  /** Asked of every GET: PASS at once (nothing allocated) for a path no hot route has. */
  answer: HotAnswerer;
  /** The app's own listener, without the hot routes. */
  full: RequestListener;
}

export type HotListener = RequestListener & { hot: HotServing };

/**
 * The app's request listener with a few GET routes answered before express: the app's own stack (helmet,
 * ids, log, metrics, in-flight limit, body parser, OpenAPI validator, router, res.json) cost a matching read
 * 0.45 ms of CPU of its 0.9, more than the ranking itself, and at 100 concurrent clients on one core that
 * is what the queue waits on. A hot answer carries the same headers (helmet's, captured from helmet
 * itself), the same ids, log line and metric. The listener also carries its parts (`hot`), so that a front
 * thread can hold the connections while this thread only answers (front-thread.ts).
 */
export function withHotRoutes(app: Express, routes: readonly HotRoute[]): HotListener {
  const full = app as unknown as RequestListener;
  const answer = hotAnswerer(app, routes);
  const listener: RequestListener = (req, res) => {
    const reply = req.method === 'GET' && req.url ? answer(req.url, req.headers) : PASS;
    if (reply === PASS) return full(req, res);
    const write = (r: HotReply | typeof PASS) =>
      r === PASS ? full(req, res) : res.writeHead(r.status, typeof r.body === 'string' ? { ...r.headers, 'content-length': Buffer.byteLength(r.body) } : r.headers).end(r.body);
    if (reply instanceof Promise) reply.then(write, () => full(req, res));
    else write(reply);
  };
  return Object.assign(listener, { hot: { answer, full } });
}

/** The hot routes' answers as replies, without a connection: `withHotRoutes` writes them, a front thread posts them. */
function hotAnswerer(app: Express, routes: readonly HotRoute[]): HotAnswerer {
  const logger = app.locals.logger as Logger;
  const log = requestLog(logger);
  const durations = requestDurations(app.locals.metrics as Registry);
  const security = helmetHeaders();
  // set by createApp when it validates answers (tests): a hot answer is checked against the spec like express's
  const check = app.locals.responseCheck as ResponseChecker | undefined;

  const replyOf = (route: HotRoute, path: string, headers: IncomingHttpHeaders, set: OutgoingHttpHeaders, body: unknown, started: number): HotReply | typeof PASS => {
    if (body === PASS) return PASS;
    // a body JSON cannot write (a BigInt, a cycle) throws: the full stack answers, and says what went wrong
    const json = body instanceof JsonBytes ? body.bytes : JSON.stringify(body);
    const ids = requestIdsOf(headers);
    const common = { ...security, ...set, 'x-request-id': ids.requestId, 'x-correlation-id': ids.correlationId };
    // (tests only: in production `check` is unset and nothing here runs or allocates)
    const op = check?.(path, 'GET');
    const errors = op?.check(200, 'application/json', JSON.parse(typeof json === 'string' ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString('utf8')));
    if (op && errors?.length) {
      const problem = specMismatch(logger, { operation: op.operation, method: 'GET', path, status: 200, errors, requestId: ids.requestId });
      return problemAnswer(problem, common);
    }
    durations.observe({ route: route.template, method: 'GET', status: '200' }, (performance.now() - started) / 1000);
    log({ ...ids, method: 'GET', path }, { statusCode: 200, writableEnded: true }, started);
    const answer: HotReply = { status: 200, headers: { ...common, 'content-type': 'application/json; charset=utf-8' }, body: json };
    if (typeof json !== 'string') answer.headers['content-length'] = json.byteLength;
    return answer;
  };

  return (url, headers) => {
    const started = performance.now();
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    for (const route of routes) {
      const match = route.path.exec(path);
      if (!match) continue;
      const set: OutgoingHttpHeaders = {};
      const res: HotResponse = { setHeader: (name, value) => (set[name.toLowerCase()] = value) };
      const reply = (body: unknown) => replyOf(route, path, headers, set, body, started);
      // a hot route's failure is the full stack's to answer: it runs the request again and says what is wrong
      try {
        const body = route.answer(match.slice(1), new URLSearchParams(mark < 0 ? '' : url.slice(mark + 1)), { headers }, res);
        return body instanceof Promise ? body.then(reply, () => PASS) : reply(body);
      } catch {
        return PASS;
      }
    }
    return PASS;
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
