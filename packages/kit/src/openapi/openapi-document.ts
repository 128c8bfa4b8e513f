import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/** The parts of an OpenAPI 3.1 document that request validation reads. */
export interface OpenApiDocument {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

export interface ParameterSpec {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required: boolean;
  /** JSON pointer (inside the document) of the parameter's schema. */
  schemaPointer?: string;
}

export interface OperationSpec {
  method: string;
  /** The path as the document writes it (`/jobs/{id}`); the metrics route label. */
  template: string;
  pattern: RegExp;
  pathParamNames: string[];
  parameters: ParameterSpec[];
  body?: { required: boolean; mediaTypes: string[]; jsonSchemaPointer?: string };
  /** The document's `operationId`, or `METHOD template`: how a response mismatch names the operation. */
  name: string;
  /** Declared answers by status key (`'200'`, `'4XX'`, `'default'`): media type → JSON pointer of its schema (if any). */
  responses: Record<string, ResponseSpec>;
}

export interface ResponseSpec {
  content: Record<string, string | undefined>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Reads and parses an openapi.yaml (or .json) file. */
export function loadOpenApi(file: string): OpenApiDocument {
  const document = parse(readFileSync(file, 'utf8')) as OpenApiDocument;
  if (typeof document?.openapi !== 'string' || !document.openapi.startsWith('3.')) {
    throw new Error(`${file} is not an OpenAPI 3 document`);
  }
  return document;
}

const escapePointer = (part: string) => part.replace(/~/g, '~0').replace(/\//g, '~1');
const pointer = (...parts: string[]) => `#/${parts.map(escapePointer).join('/')}`;

function at(document: OpenApiDocument, ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

/** Follows local `$ref`s, returning the target and its pointer. */
function deref(document: OpenApiDocument, node: unknown, where: string): { node: Record<string, unknown>; where: string } {
  let current = node as Record<string, unknown>;
  for (let hops = 0; typeof current?.$ref === 'string'; hops++) {
    const ref = current.$ref as string;
    if (!ref.startsWith('#/') || hops > 10) throw new Error(`unsupported $ref ${ref}`);
    where = ref;
    current = at(document, ref) as Record<string, unknown>;
    if (!current) throw new Error(`dangling $ref ${ref}`);
  }
  return { node: current, where };
}

function parameters(document: OpenApiDocument, list: unknown, where: string): ParameterSpec[] {
  return ((list as unknown[] | undefined) ?? []).map((raw, i) => {
    const { node, where: at } = deref(document, raw, `${where}/${i}`);
    const param = node as { name: string; in: ParameterSpec['in']; required?: boolean; schema?: unknown };
    return {
      name: param.name,
      in: param.in,
      required: param.in === 'path' || param.required === true,
      schemaPointer: param.schema ? `${at}/schema` : undefined,
    };
  });
}

function requestBody(document: OpenApiDocument, raw: unknown, where: string): OperationSpec['body'] {
  if (!raw) return undefined;
  const { node, where: at } = deref(document, raw, where);
  const content = (node.content ?? {}) as Record<string, { schema?: unknown }>;
  const mediaTypes = Object.keys(content);
  const json = mediaTypes.find((type) => type === 'application/json' || type.endsWith('+json'));
  return {
    required: node.required === true,
    mediaTypes,
    jsonSchemaPointer: json && content[json]?.schema ? `${at}/content/${escapePointer(json)}/schema` : undefined,
  };
}

function responses(document: OpenApiDocument, raw: unknown, where: string): Record<string, ResponseSpec> {
  return Object.fromEntries(
    Object.entries((raw ?? {}) as Record<string, unknown>).map(([status, response]) => {
      const { node, where: at } = deref(document, response, `${where}/${escapePointer(status)}`);
      const content = (node.content ?? {}) as Record<string, { schema?: unknown }>;
      return [
        status,
        {
          content: Object.fromEntries(
            Object.entries(content).map(([type, media]) => [
              type,
              media?.schema ? `${at}/content/${escapePointer(type)}/schema` : undefined,
            ]),
          ),
        },
      ];
    }),
  );
}

function pathPattern(template: string): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  return { pattern: new RegExp(`^${source}/?$`), names };
}

/**
 * Every operation of the document, templated paths after literal ones so
 * `/jobs/search` wins over `/jobs/{id}`.
 */
export function listOperations(document: OpenApiDocument): OperationSpec[] {
  const operations: OperationSpec[] = [];
  for (const [template, item] of Object.entries(document.paths ?? {})) {
    const { pattern, names } = pathPattern(template);
    const shared = parameters(document, item.parameters, pointer('paths', template, 'parameters'));
    for (const method of METHODS.filter((m) => item[m])) {
      const base = pointer('paths', template, method);
      const operation = item[method] as { parameters?: unknown; requestBody?: unknown; operationId?: string; responses?: unknown };
      const own = parameters(document, operation.parameters, `${base}/parameters`);
      const merged = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern,
        pathParamNames: names,
        parameters: merged,
        body: requestBody(document, operation.requestBody, `${base}/requestBody`),
        name: operation.operationId ?? `${method.toUpperCase()} ${template}`,
        responses: responses(document, operation.responses, `${base}/responses`),
      });
    }
  }
  return operations.sort((a, b) => a.pathParamNames.length - b.pathParamNames.length);
}

/** The operations whose path matches, and among them the one for `method` (HEAD is answered as GET). */
export function matchOperation<T extends OperationSpec>(operations: T[], path: string, method: string): { candidates: T[]; operation?: T } {
  const candidates = operations.filter((op) => op.pattern.test(path));
  const wanted = method === 'HEAD' ? 'GET' : method;
  return { candidates, operation: candidates.find((op) => op.method === wanted) };
}
