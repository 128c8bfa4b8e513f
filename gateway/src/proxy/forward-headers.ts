import type { IncomingHttpHeaders } from 'node:http';
import type { Request } from 'express';

// Hop-by-hop headers (RFC 9110 §7.6.1) belong to one connection; undici also refuses to send
// some of them. `host` is the gateway's; the x-user-* headers are the gateway's to set, never the client's.
const DROPPED_REQUEST = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding',
  'upgrade', 'expect', 'host', 'x-user-id', 'x-user-role', 'x-org-id', 'x-request-id', 'x-correlation-id',
]);
// The gateway answers CORS for every service; a service's own CORS headers would contradict it.
const DROPPED_RESPONSE = /^(connection|keep-alive|proxy-connection|te|trailer|transfer-encoding|upgrade|access-control-.*)$/;

/**
 * The headers a service receives: the client's (Authorization unchanged, so
 * the service verifies the token again), the request and correlation ids,
 * X-Forwarded-*, and who the caller is (x-user-id/-role, x-org-id) for the
 * service's logs only — a service must trust the token, not these.
 */
export function upstreamRequestHeaders(req: Request): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const incoming: IncomingHttpHeaders = req.headers;
  for (const name in incoming) {
    const value = incoming[name];
    if (value !== undefined && !DROPPED_REQUEST.has(name)) out[name] = value;
  }
  const client = req.socket.remoteAddress ?? '';
  const prior = incoming['x-forwarded-for'];
  out['x-forwarded-for'] = prior ? `${prior}, ${client}` : client;
  out['x-forwarded-proto'] = req.protocol;
  if (incoming.host) out['x-forwarded-host'] = incoming.host;
  out['x-request-id'] = req.context.requestId;
  out['x-correlation-id'] = req.context.correlationId;
  if (req.auth) {
    out['x-user-id'] = req.auth.sub;
    out['x-user-role'] = req.auth.role;
    if (req.auth.orgId) out['x-org-id'] = req.auth.orgId;
  }
  return out;
}

/** A service's response headers without the hop-by-hop and CORS ones. */
export function downstreamResponseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined && !DROPPED_RESPONSE.test(name)) out[name] = value;
  }
  return out;
}
