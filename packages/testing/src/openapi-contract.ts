// jest's globals (it, expect): this module is also loaded, never called, outside jest — by the system stack the
// browser journeys start, whose tsconfig has no jest types
/// <reference types="jest" />

/** One operation of an openapi.yaml, as the contract tests read it. */
export interface ContractOperation {
  method: string;
  path: string;
  operationId?: string;
  'x-roles'?: string[];
  responses: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
}

/** What the contract tests read of a document (kit's loadOpenApi gives one). */
export interface ContractDocument {
  paths?: object;
  components?: { responses?: object };
}

/** What a call answered. */
export interface ContractAnswer {
  status: number;
  body: { code?: string };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, method and path included. */
export function contractOperations(document: ContractDocument): ContractOperation[] {
  return Object.entries((document.paths ?? {}) as Record<string, Record<string, object | undefined>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      method,
      path,
      ...(item[method] as Omit<ContractOperation, 'method' | 'path'>),
    })),
  );
}

/**
 * The contract a service's openapi.yaml keeps with the gateway, as two jest tables (call it inside a
 * `describe`): every operation has an operationId, x-roles (known roles, or `public` alone) and only
 * problem+json 4xx answers; and called by nobody and by each role, exactly its x-roles get past
 * authorisation (an AUTH.FORBIDDEN_ORG is past it: the role may, that object is another organisation's),
 * and nothing answers 5xx. `call` sends the operation — with a valid body, so that it reaches
 * authorisation rather than validation — anonymously, or with a token of `role`.
 */
export function itKeepsTheGatewayContract(options: {
  document: ContractDocument;
  roles: readonly string[];
  call(op: ContractOperation, role?: string): PromiseLike<ContractAnswer>;
}): void {
  const { document, roles: allRoles, call } = options;
  const table = contractOperations(document).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const);
  const sharedResponses = (document.components?.responses ?? {}) as Record<string, { content?: object }>;

  it.each(table)('when %s is read, then it has an operationId, x-roles, and its 4xx answers are problem+json', (_name, op) => {
    expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
    const roles = op['x-roles'];
    expect(Array.isArray(roles) && roles.length > 0).toBe(true);
    if (roles!.includes('public')) expect(roles).toEqual(['public']);
    else for (const role of roles!) expect(allRoles).toContain(role);
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^4/.test(status)) continue;
      const content = response.$ref ? sharedResponses[response.$ref.split('/').pop()!]?.content : response.content;
      expect(Object.keys(content ?? {})).toEqual(['application/problem+json']);
    }
  });

  it.each(table)(
    'when %s is called by each role and by nobody, then exactly its x-roles get past authorisation, and nothing answers 5xx',
    async (_name, op) => {
      const roles = op['x-roles']!;
      const anonymous = await call(op);
      expect(anonymous.status).toBeLessThan(500);
      if (roles.includes('public')) {
        expect(anonymous.status).not.toBe(403);
        expect(anonymous.body.code ?? '').not.toMatch(/^AUTH\.TOKEN/);
        return;
      }
      expect(anonymous.status).toBe(401);
      for (const role of allRoles) {
        const res = await call(op, role);
        expect(res.status).toBeLessThan(500);
        if (roles.includes(role)) expect(res.body.code ?? '').not.toMatch(/^AUTH\.(TOKEN|FORBIDDEN_ROLE)/);
        else expect([res.status, res.body.code]).toEqual([403, 'AUTH.FORBIDDEN_ROLE']);
      }
    },
  );
}
