import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { answerClientErrors } from '../src/http/client-errors';

let server: Server;
let port: number;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('ok'));
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function rawExchange(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('requests node cannot parse', () => {
  it('when the URL is longer than node reads, then 431 as problem+json, not a bare status line', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/api/cases/returnees?q=${'a'.repeat(40_000)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 431,
      code: 'REQUEST.HEADERS_TOO_LARGE',
      type: expect.any(String),
      title: expect.any(String),
    });
  });

  it('when the request line is not HTTP, then 400 as problem+json and the connection closes', async () => {
    const answer = await rawExchange('GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(answer).toMatch(/Content-Type: application\/problem\+json/);
    expect(JSON.parse(answer.split('\r\n\r\n')[1]!)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED' });
  });
});
