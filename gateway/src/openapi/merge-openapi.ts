import { loadOpenApi, type OpenApiDocument } from '@hoanhap/kit';
import { type Access, readXRoles } from './x-roles';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** One operation as the gateway routes it. */
export interface GatewayOperation {
  method: string;
  /** The public path template (`/api/employers/jobs/{id}`). */
  template: string;
  /** `gateway` for the gateway's own operations, else the service that answers. */
  service: string;
  /** What is cut from the public path before forwarding (`/api/employers`, or '' for `/auth/*`). */
  stripPrefix: string;
  operationId: string;
  access: Access;
}

export interface MergedOpenApi {
  document: OpenApiDocument;
  operations: GatewayOperation[];
}

/** A document to merge: the gateway's own (service `gateway`, no prefix) or a service's. */
export interface SourceDocument {
  service: string;
  document: string | OpenApiDocument;
}

/** Thrown at start when a document breaks the conventions; lists every offence. */
export class OpenApiConventionError extends Error {
  override readonly name = 'OpenApiConventionError';
  constructor(readonly issues: string[]) {
    super(`the OpenAPI documents break the gateway's conventions:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

/**
 * Where a service path is published: `/auth/*` of identity stays as it is (the
 * login flow's URLs are fixed), everything else gets `/api/<service>`.
 */
export function publicPrefix(service: string, path: string): string {
  if (service === 'gateway') return '';
  if (service === 'identity' && (path === '/auth' || path.startsWith('/auth/'))) return '';
  return `/api/${service}`;
}

// Components of different services may share names (`Job`, `Problem`): each gets its service's prefix.
function renameRefs(node: unknown, service: string): unknown {
  if (typeof node === 'string') {
    return node.replace(/^#\/components\/([^/]+)\/([^/]+)/, (_m, kind: string, name: string) => `#/components/${kind}/${service}.${name}`);
  }
  if (Array.isArray(node)) return node.map((item) => renameRefs(item, service));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, renameRefs(value, service)]));
  }
  return node;
}

const securityFor = (access: Access) => (access === 'public' ? [] : [{ bearerAuth: [] }]);

function emptyDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 'Hòa Nhập API', version: '1.0.0', description: 'Every service behind the gateway. `x-roles` on each operation says who may call it; `[public]` needs no token.' },
    servers: [{ url: '/' }],
    tags: [],
    paths: {},
    components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
  };
}

/**
 * Merges the gateway's and every service's OpenAPI 3.1 document into one,
 * each service's paths under its public prefix and its components renamed
 * `<service>.<Name>`, and lists the operations the gateway routes. Throws
 * {@link OpenApiConventionError} when an operation lacks `operationId` or a
 * valid `x-roles`, or two services publish the same path: the gateway must
 * never guess who may call something.
 */
export function mergeOpenApi(sources: SourceDocument[]): MergedOpenApi {
  const merged = emptyDocument();
  const paths = merged.paths as Record<string, Record<string, unknown>>;
  const components = merged.components as Record<string, Record<string, unknown>>;
  const operations: GatewayOperation[] = [];
  const issues: string[] = [];
  const operationIds = new Set<string>();

  for (const source of sources) {
    const { service } = source;
    const raw = typeof source.document === 'string' ? loadOpenApi(source.document) : source.document;
    const document = (service === 'gateway' ? raw : renameRefs(raw, service)) as OpenApiDocument;
    // tags read "<service> · <tag>" so two services' `admin` or `reports` groups stay apart; untagged operations
    // go under the service's name
    const tags = merged.tags as Array<{ name: string }>;
    const tagName = (tag: string) => (service === 'gateway' || tag === service ? tag : `${service} · ${tag}`);
    for (const tag of (raw.tags as Array<{ name: string }> | undefined) ?? []) tags.push({ ...tag, name: tagName(tag.name) });
    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      if (kind === 'securitySchemes') continue; // the merged document declares the one scheme the gateway checks
      for (const [name, value] of Object.entries(entries)) {
        components[kind] ??= {};
        components[kind]![service === 'gateway' ? name : `${service}.${name}`] = value;
      }
    }
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      const stripPrefix = publicPrefix(service, path);
      const template = `${stripPrefix}${path}`;
      if (paths[template]) {
        issues.push(`${service}: ${template} is already published by another document`);
        continue;
      }
      const publishedItem: Record<string, unknown> = { ...item };
      for (const method of HTTP_METHODS) {
        const operation = item[method] as Record<string, unknown> | undefined;
        if (!operation) continue;
        const where = `${service}: ${method.toUpperCase()} ${path}`;
        const roles = readXRoles(operation['x-roles']);
        if ('problem' in roles) issues.push(`${where} ${roles.problem}`);
        let operationId = operation.operationId;
        if (typeof operationId !== 'string' || !operationId) {
          issues.push(`${where} has no operationId`);
          operationId = `${service}.${method}${path}`;
        } else if (operationIds.has(operationId)) {
          operationId = `${service}.${operationId}`; // two services chose the same id: keep both reachable
        }
        operationIds.add(operationId as string);
        if ('problem' in roles) continue;
        const operationTags = ((operation.tags as string[] | undefined) ?? [service]).map(tagName);
        for (const name of operationTags) if (!tags.some((t) => t.name === name)) tags.push({ name });
        publishedItem[method] = { ...operation, operationId, tags: operationTags, security: securityFor(roles.access), 'x-service': service };
        operations.push({ method: method.toUpperCase(), template, service, stripPrefix, operationId: operationId as string, access: roles.access });
      }
      paths[template] = publishedItem;
    }
  }
  if (issues.length > 0) throw new OpenApiConventionError(issues);
  return { document: merged, operations };
}
