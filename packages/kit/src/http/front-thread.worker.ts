/**
 * The front thread (front-thread.ts): holds the service's port and its connections, reads each request and
 * writes each answer, while the service's own thread only computes answers. Runs in a worker thread with
 * nothing but node's own modules; speaks to the service's thread in messages (front-thread.protocol.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import type { FrontReply, FrontRequest, FrontSetup, FrontStatus } from './front-thread.protocol';

const setup = workerData as FrontSetup;
const port = parentPort!;
const waiting = new Map<number, ServerResponse>();
let next = 0;

function forward(req: IncomingMessage, res: ServerResponse, body: Buffer | undefined, tooLarge = false): void {
  const n = ++next;
  const request: FrontRequest = {
    n,
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    remoteAddress: req.socket.remoteAddress ?? '127.0.0.1',
    body,
    tooLarge,
  };
  waiting.set(n, res);
  // a client gone before its answer: the answer, when it comes, is dropped
  res.once('close', () => waiting.delete(n));
  port.postMessage(request);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return forward(req, res, undefined);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size <= setup.bodyLimitBytes) chunks.push(chunk);
  });
  // a body over the limit is not kept: the service answers 413, as its own body parser would
  req.once('end', () => forward(req, res, size > setup.bodyLimitBytes ? undefined : Buffer.concat(chunks), size > setup.bodyLimitBytes));
});

port.on('message', (message: FrontReply | 'close') => {
  if (message === 'close') {
    // stop accepting; keep-alive connections are dropped as soon as they are idle; answers in flight are written
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(sweep);
      port.postMessage({ status: 'closed' } satisfies FrontStatus);
    });
    server.closeIdleConnections();
    return;
  }
  const res = waiting.get(message.n);
  if (!res) return;
  waiting.delete(message.n);
  // a text (a hot answer, a problem) is encoded here, once, for its length and the socket
  let { body } = message;
  if (typeof body === 'string') {
    body = Buffer.from(body);
    message.headers['content-length'] = body.length;
  }
  res.writeHead(message.status, message.headers);
  res.end(body);
});

server.once('error', (error) => port.postMessage({ status: 'failed', message: error.message } satisfies FrontStatus));
server.listen(setup.port, setup.host, () => {
  const address = server.address();
  port.postMessage({ status: 'listening', port: typeof address === 'object' && address ? address.port : setup.port } satisfies FrontStatus);
});
