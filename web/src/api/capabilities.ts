import { http } from './http';

interface OpenApiDocument {
  paths?: Record<string, Record<string, { 'x-roles'?: string[] } | unknown>>;
}

/** What the gateway publishes: `GET /api/cases/returnees/{id}` → roles that may call it. */
export type Capabilities = ReadonlyMap<string, readonly string[]>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/**
 * The merged OpenAPI document of the gateway tells which routes exist today.
 * Screens hide an action whose route is not published yet, instead of showing
 * a button that can only fail.
 */
export async function loadCapabilities(): Promise<Capabilities> {
  const document = await http.get<OpenApiDocument>('/openapi.json', undefined, { anonymous: true });
  const found = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Record<string, unknown>)[method] as { 'x-roles'?: string[] } | undefined;
      if (operation) found.set(`${method.toUpperCase()} ${path}`, operation['x-roles'] ?? []);
    }
  }
  return found;
}

/** Whether `method template` exists and, when a role is given, that role may call it. */
export function canCall(capabilities: Capabilities, method: string, template: string, role?: string): boolean {
  const roles = capabilities.get(`${method.toUpperCase()} ${template}`);
  if (!roles) return false;
  return role === undefined || roles.includes(role) || roles.includes('public');
}
