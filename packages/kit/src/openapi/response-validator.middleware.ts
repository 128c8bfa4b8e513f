import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ValidateFunction } from 'ajv/dist/2020';
import type { Logger } from 'pino';
import type { FieldError } from '../errors/app-error';
import { sendProblem } from '../errors/error-handler.middleware';
import { listOperations, matchOperation, type OpenApiDocument, type OperationSpec } from './openapi-document';
import { schemaCompiler, toFieldErrors } from './schema-validator';

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/** The declared answer for a status: its own entry, then its class (`4XX`), then `default`. */
function declaredFor(op: OperationSpec, status: number) {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

function mismatch(rule: string, message: string): FieldError[] {
  return [{ field: 'response', in: 'response', rule, message }];
}

/**
 * Whether answers are checked against the spec when the app is not told: `VALIDATE_RESPONSES=true|false` when set
 * (the browser journeys' stack turns it on), else on under jest (`NODE_ENV=test`) and off otherwise (production:
 * it serialises every answer twice).
 */
export function validatesResponsesByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.VALIDATE_RESPONSES !== undefined && env.VALIDATE_RESPONSES !== '') return env.VALIDATE_RESPONSES === 'true';
  return env.NODE_ENV === 'test';
}

/** The answer check of one operation: what in `body` (as the client reads it) does not match (none: it does). */
export interface OperationCheck {
  operation: string;
  check(status: number, mediaType: string, body: unknown): FieldError[];
}

/** The check for the operation of `path` and `method`; undefined when the document does not describe it. */
export type ResponseChecker = (path: string, method: string) => OperationCheck | undefined;

/**
 * Checks answers against the schema their operation declares for the status and media type — the status's
 * own entry, its class (`4XX`) or `default`. Every
 * schema is compiled up front: one that ajv refuses stops the app at start, naming where.
 */
export function responseChecker(document: OpenApiDocument): ResponseChecker {
  const compiler = schemaCompiler(document);
  const operations = listOperations(document);
  const compiled = new Map<string, ValidateFunction>();
  for (const op of operations) {
    for (const [status, declared] of Object.entries(op.responses)) {
      for (const [type, pointer] of Object.entries(declared.content)) {
        if (!pointer || !isJson(type) || compiled.has(pointer)) continue;
        try {
          compiled.set(pointer, compiler.response(pointer));
        } catch (error) {
          throw new Error(`${op.name} ${status} ${type}: the response schema does not compile: ${(error as Error).message}`, {
            cause: error,
          });
        }
      }
    }
  }

  const check = (op: OperationSpec, status: number, mediaType: string, body: unknown): FieldError[] => {
    const declared = declaredFor(op, status);
    if (!declared) return mismatch('status', `status ${status} is not declared`);
    const types = Object.keys(declared.content);
    const type =
      types.find((t) => t === mediaType) ?? (mediaType === 'application/json' ? undefined : types.find((t) => t === 'application/json'));
    if (type === undefined) {
      return mismatch(
        'content',
        types.length === 0 ? `status ${status} declares no body` : `status ${status} declares ${types.join(', ')}, not ${mediaType}`,
      );
    }
    const pointer = declared.content[type];
    if (!pointer) return [];
    const validate = compiled.get(pointer)!;
    return validate(body) ? [] : toFieldErrors(validate.errors, 'response');
  };

  return (path, method) => {
    const { operation: op } = matchOperation(operations, path, method);
    return op && { operation: op.name, check: (status, mediaType, body) => check(op, status, mediaType, body) };
  };
}

/**
 * An answer that does not match its spec, logged at error; returns the problem+json sent instead: 500, naming
 * the operation, the status and each failing field.
 */
export function specMismatch(
  logger: Logger,
  answer: { operation: string; method: string; path: string; status: number; errors: FieldError[]; requestId?: string },
) {
  const { operation, method, path, status, errors, requestId } = answer;
  logger.error({ operation, method, path, status, errors }, 'response does not match the openapi document');
  const detail = `${operation} answered ${status} with a body its openapi document does not describe: ${errors.map((e) => `${e.field} (${e.rule}): ${e.message}`).join('; ')}`;
  return {
    type: 'urn:hoanhap:problem:RESPONSE.SPEC_MISMATCH',
    title: 'Internal Server Error',
    status: 500,
    code: 'RESPONSE.SPEC_MISMATCH',
    detail,
    operation,
    answeredStatus: status,
    errors,
    ...(requestId ? { requestId } : {}),
  };
}

/**
 * Checks every JSON answer a route sends (`res.json`, and `res.send` of an
 * object, which goes through it) against the schema its operation declares
 * for that status and media type — the status's own entry, its class
 * (`4XX`) or `default`. An answer that does not match is not sent: the
 * client gets a 500 problem+json (`RESPONSE.SPEC_MISMATCH`) naming the
 * operation, the status and each failing field and rule, and the mismatch
 * is logged at error. Answers that are not JSON (files, redirects, 204,
 * the error handler's problem documents) are left alone, and so are paths
 * the document does not describe. For tests and development: it
 * serialises and checks every answer (`check`: the same checker, for
 * answers sent outside express — kit hot routes).
 */
export function openApiResponseValidator(
  document: OpenApiDocument,
  logger: Logger,
  check: ResponseChecker = responseChecker(document),
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const op = check(req.path, req.method);
    if (!op) return next();
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      const status = res.statusCode;
      const mediaType = String(res.get('Content-Type') ?? 'application/json')
        .split(';')[0]!
        .trim()
        .toLowerCase();
      if (status === 204 || status === 304 || !isJson(mediaType)) return json(body);
      // checked as the client reads it: dates as strings, undefined members gone
      const sent = body === undefined ? undefined : (JSON.parse(JSON.stringify(body)) as unknown);
      const errors = op.check(status, mediaType, sent);
      if (errors.length === 0) return json(body);
      res.removeHeader('Location');
      res.removeHeader('ETag');
      const requestId = req.context?.requestId;
      sendProblem(res, specMismatch(logger, { operation: op.operation, method: req.method, path: req.path, status, errors, requestId }));
      return res;
    };
    next();
  };
}
