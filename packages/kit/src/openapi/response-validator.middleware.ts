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

/** An answer's verdict: the operation that declares it and what does not match (none: it does). */
export interface ResponseVerdict {
  operation: string;
  errors: FieldError[];
}

/** An answer (path, method, status, media type, body as the client reads it) checked against the spec. */
export type ResponseChecker = (
  path: string,
  method: string,
  status: number,
  mediaType: string,
  body: unknown,
) => ResponseVerdict | undefined;

/**
 * Checks answers against the schema their operation declares for the status and media type — the status's
 * own entry, its class (`4XX`) or `default`; undefined for a path the document does not describe. Every
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

  return (path, method, status, mediaType, body) => {
    const { operation: op } = matchOperation(operations, path, method);
    return op && { operation: op.name, errors: check(op, status, mediaType, body) };
  };
}

/** The problem+json a mismatched answer is replaced with: 500, naming the operation, the status and each field. */
export function specMismatchProblem(verdict: ResponseVerdict, status: number, requestId: string | undefined) {
  const detail = `${verdict.operation} answered ${status} with a body its openapi document does not describe: ${verdict.errors.map((e) => `${e.field} (${e.rule}): ${e.message}`).join('; ')}`;
  return {
    type: 'urn:hoanhap:problem:RESPONSE.SPEC_MISMATCH',
    title: 'Internal Server Error',
    status: 500,
    code: 'RESPONSE.SPEC_MISMATCH',
    detail,
    operation: verdict.operation,
    answeredStatus: status,
    errors: verdict.errors,
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
      const verdict = check(req.path, req.method, status, mediaType, sent);
      if (!verdict || verdict.errors.length === 0) return json(body);
      logger.error(
        { operation: verdict.operation, method: req.method, path: req.path, status, errors: verdict.errors },
        'response does not match the openapi document',
      );
      res.removeHeader('Location');
      res.removeHeader('ETag');
      sendProblem(res, specMismatchProblem(verdict, status, req.context?.requestId));
      return res;
    };
    next();
  };
}
