import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ValidateFunction } from 'ajv/dist/2020';
import { AppError, type FieldError } from '../errors/app-error';
import { listOperations, matchOperation, type OpenApiDocument, type OperationSpec } from './openapi-document';
import { schemaCompiler, toFieldErrors } from './schema-validator';

interface CompiledOperation extends OperationSpec {
  validatePath?: ValidateFunction;
  validateQuery?: ValidateFunction;
  validateHeaders?: ValidateFunction;
  validateBody?: ValidateFunction;
}

function compile(document: OpenApiDocument): CompiledOperation[] {
  const compiler = schemaCompiler(document);
  const group = (op: OperationSpec, where: 'path' | 'query' | 'header', closed: boolean) => {
    const params = op.parameters.filter((p) => p.in === where);
    if (params.length === 0 && !closed) return undefined;
    const properties = Object.fromEntries(params.filter((p) => p.schemaPointer).map((p) => [p.name, p.schemaPointer!]));
    const required = params.filter((p) => p.required).map((p) => p.name);
    return compiler.parameters(properties, required, closed);
  };
  return listOperations(document).map((op) => ({
    ...op,
    validatePath: group(op, 'path', false),
    // an undeclared query parameter is refused: it is a typo or a probe, never meaningful
    validateQuery: group(op, 'query', true),
    validateHeaders: group(op, 'header', false),
    validateBody: op.body?.jsonSchemaPointer ? compiler.body(op.body.jsonSchemaPointer) : undefined,
  }));
}

function invalid(errors: FieldError[]): AppError {
  const detail = errors.map((e) => e.message).join('; ');
  return new AppError('REQUEST.VALIDATION_FAILED', 400, detail || 'The request is invalid.', { errors });
}

function check(validate: ValidateFunction | undefined, data: unknown, where: FieldError['in'] & string): FieldError[] {
  return validate && !validate(data) ? toFieldErrors(validate.errors, where) : [];
}

function pathValues(op: OperationSpec, path: string): Record<string, string> {
  const match = op.pattern.exec(path)!;
  try {
    return Object.fromEntries(op.pathParamNames.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
  } catch {
    throw invalid([{ field: 'path', in: 'path', rule: 'encoding', message: 'the path is not valid percent-encoding' }]);
  }
}

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

function checkBody(op: CompiledOperation, req: Request): FieldError[] {
  if (!op.body) return [];
  if (!hasBody(req)) {
    return op.body.required ? [{ field: 'body', in: 'body', rule: 'required', message: 'a request body is required' }] : [];
  }
  if (!req.is(op.body.mediaTypes)) {
    throw new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 415, `send the body as ${op.body.mediaTypes.join(' or ')}`);
  }
  return check(op.validateBody, req.body, 'body');
}

/**
 * Checks each request against the service's OpenAPI document before any
 * handler runs: unknown path → 404, undeclared method → 405 with `Allow`,
 * wrong media type → 415, invalid path/query/header/body → 400 naming every
 * failing field. Query values are coerced (`limit=20` → 20) and defaults
 * applied, and `req.query` is replaced by the checked object.
 */
export function openApiValidator(document: OpenApiDocument): RequestHandler {
  const operations = compile(document);
  return (req: Request, res: Response, next: NextFunction) => {
    const { candidates, operation: op } = matchOperation(operations, req.path, req.method);
    if (candidates.length === 0) throw new AppError('ROUTE.NOT_FOUND', 404, `no route ${req.path}`);
    if (!op) {
      const allow = [...new Set(candidates.map((o) => o.method))].join(', ');
      throw new AppError('ROUTE.METHOD_NOT_ALLOWED', 405, `${req.method} is not allowed on ${req.path}`, { headers: { Allow: allow } });
    }
    res.locals.routeTemplate = op.template;
    const query = { ...(req.query as Record<string, unknown>) };
    const headers = Object.fromEntries(op.parameters.filter((p) => p.in === 'header' && req.header(p.name) !== undefined).map((p) => [p.name, req.header(p.name)]));
    const errors = [
      ...check(op.validatePath, pathValues(op, req.path), 'path'),
      ...check(op.validateQuery, query, 'query'),
      ...check(op.validateHeaders, headers, 'header'),
      ...checkBody(op, req),
    ];
    if (errors.length > 0) throw invalid(errors);
    // express 5 re-parses req.query on every read; pin the coerced, defaulted object.
    Object.defineProperty(req, 'query', { value: query, writable: true, configurable: true, enumerable: true });
    next();
  };
}
