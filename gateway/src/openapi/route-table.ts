import type { GatewayOperation } from './merge-openapi';

/** The answer to "who serves this request?". */
export type RouteLookup =
  | { kind: 'found'; operation: GatewayOperation }
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'not-found' };

interface CompiledPath {
  pattern: RegExp;
  params: number;
  byMethod: Map<string, GatewayOperation>;
}

// Templates group by their first one or two segments, so a lookup only tries its own service's paths.
function bucketOf(path: string): string {
  const match = /^\/(api\/[^/]+|[^/]*)/.exec(path);
  return match?.[1] ?? '';
}

function compile(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`);
}

// "." and ".." segments (also percent-encoded) would let a path template match one thing and a
// server that normalises paths serve another: such paths are refused outright.
const DOT_SEGMENT = /(^|\/)(\.|%2e){1,2}(\/|$)/i;

/**
 * Matches request paths against the merged document's templates. Literal
 * templates win over templated ones (`/jobs/search` before `/jobs/{id}`);
 * HEAD falls back to GET as express does.
 */
export function createRouteTable(operations: GatewayOperation[]) {
  const buckets = new Map<string, CompiledPath[]>();
  const byTemplate = new Map<string, CompiledPath>();
  for (const operation of operations) {
    let entry = byTemplate.get(operation.template);
    if (!entry) {
      entry = { pattern: compile(operation.template), params: (operation.template.match(/\{/g) ?? []).length, byMethod: new Map() };
      byTemplate.set(operation.template, entry);
      const bucket = buckets.get(bucketOf(operation.template)) ?? [];
      bucket.push(entry);
      buckets.set(bucketOf(operation.template), bucket);
    }
    entry.byMethod.set(operation.method, operation);
  }
  for (const bucket of buckets.values()) bucket.sort((a, b) => a.params - b.params);

  return {
    lookup(method: string, path: string): RouteLookup {
      if (DOT_SEGMENT.test(path)) return { kind: 'not-found' };
      const entry = buckets.get(bucketOf(path))?.find((candidate) => candidate.pattern.test(path));
      if (!entry) return { kind: 'not-found' };
      const operation = entry.byMethod.get(method) ?? (method === 'HEAD' ? entry.byMethod.get('GET') : undefined);
      return operation ? { kind: 'found', operation } : { kind: 'method-not-allowed', allow: [...entry.byMethod.keys()] };
    },
  };
}

export type RouteTable = ReturnType<typeof createRouteTable>;
