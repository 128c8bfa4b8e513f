import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, toProblem } from '@hoanhap/kit';

function problemFor(error: NodeJS.ErrnoException): AppError {
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return new AppError('REQUEST.HEADERS_TOO_LARGE', 431, 'The request line and headers are larger than this server reads.');
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new AppError('REQUEST.TIMEOUT', 408, 'The request was not received in time.');
  return new AppError('REQUEST.MALFORMED', 400, 'The request is not valid HTTP.');
}

/**
 * Node answers a request it cannot parse (headers over its size limit, a
 * broken request line) on its own, before express sees it: a bare 431 or 400
 * with no body. Clients are promised problem+json for every error, so the
 * gateway writes that answer itself.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const problem = toProblem(problemFor(error));
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        `Content-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
