/**
 * Hostile requests by hand, through the gateway to the real services:
 * oversize and deeply nested bodies, wrong media types, bytes that are not
 * UTF-8 or not JSON, Mongo operators where values belong, and Vietnamese
 * names in both Unicode normal forms. Each must end as a 4xx problem+json.
 */
import { type Client, request, startSystem, type System } from '../src';

// starting the stack on a shared 2-core machine under load takes minutes
jest.setTimeout(1_200_000);

let system: System;
let officer: Client;
let employer: Client;

beforeAll(async () => {
  // a shared machine's FerretDB can take seconds per write: the upstream deadline is not what these tests judge
  system = await startSystem({ label: 'abuse', env: { UPSTREAM_TIMEOUT_MS: '60000' } });
  officer = await system.login('officer@demo.vn');
  employer = await system.login('employer@demo.vn');
});
afterAll(async () => {
  await system?.close();
});

const returnee = (fullName: string) => ({
  fullName,
  dateOfBirth: '1990-05-17',
  gender: 'male',
  address: { provinceCode: '40', communeCode: '16681' },
  releaseDate: '2025-03-01',
  releaseKind: 'completed',
  sentence: { kind: 'fine' },
  offenceCategory: 'theft',
});

async function raw(path: string, body: RequestInit['body'], headers: Record<string, string>, token = officer.token) {
  const response = await fetch(`${system.gatewayUrl}${path}`, {
    method: 'POST',
    body,
    headers: { authorization: `Bearer ${token}`, ...headers },
    duplex: 'half',
  } as RequestInit);
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text,
    body: text.startsWith('{') ? JSON.parse(text) : undefined,
  };
}

function expectProblem(
  reply: { status: number; type?: string; headers?: Headers; body: unknown },
  status: number | number[],
  code?: string,
) {
  expect([status].flat()).toContain(reply.status);
  expect(reply.type ?? reply.headers?.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(reply.body).toMatchObject({
    status: reply.status,
    type: expect.any(String),
    title: expect.any(String),
    code: code ?? expect.any(String),
  });
}

describe('bodies too large, too deep or not JSON', () => {
  it('when a body is over the gateway limit (7 MiB), then 413 problem+json', async () => {
    const body = JSON.stringify({ ...returnee('Nguyễn Văn An'), note: 'x'.repeat(7 * 1024 * 1024) });
    expectProblem(await raw('/api/cases/returnees', body, { 'content-type': 'application/json' }), 413);
  });

  it('when an oversize body is streamed without Content-Length, then 413 problem+json all the same', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(1024 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === 0) controller.enqueue(new TextEncoder().encode('{"fullName":"'));
        if (sent > 8) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expectProblem(await raw('/api/cases/returnees', stream, { 'content-type': 'application/json' }), 413);
  });

  it("when a body passes the gateway but is over the service's limit, then the service's 413 problem+json comes through", async () => {
    const body = JSON.stringify({ title: 'x'.repeat(300_000) });
    expectProblem(await raw('/api/employers/jobs', body, { 'content-type': 'application/json' }, employer.token), 413, 'REQUEST.TOO_LARGE');
  });

  it.each([
    ['1000-deep arrays', `${'['.repeat(1000)}${']'.repeat(1000)}`],
    ['1000-deep objects', `${'{"a":'.repeat(1000)}1${'}'.repeat(1000)}`],
    [
      'a 1000-deep value in a field',
      JSON.stringify({ ...returnee('Nguyễn Văn An'), fullName: 'x' }).replace('"x"', `${'{"$gt":'.repeat(1000)}""${'}'.repeat(1000)}`),
    ],
    ['30000-deep arrays', `${'['.repeat(30_000)}${']'.repeat(30_000)}`],
  ])('when the body is %s, then 400 problem+json and the service lives on', async (_label, body) => {
    expectProblem(await raw('/api/cases/returnees', body, { 'content-type': 'application/json' }), 400);
    expect((await officer.get('/api/cases/returnees?limit=1')).status).toBe(200);
  });

  it.each([
    ['text/plain', 415],
    ['application/xml', 415],
    ['application/x-www-form-urlencoded', 415],
    ['multipart/form-data; boundary=x', 415],
    ['application/json; charset=latin1', 415],
  ])('when a JSON body is sent as %s, then %d problem+json', async (type, status) => {
    expectProblem(await raw('/api/cases/returnees', JSON.stringify(returnee('Nguyễn Văn An')), { 'content-type': type }), status);
  });

  it.each([
    ['truncated JSON', '{"fullName": "Nguy'],
    ['JSON with a trailing comma', '{"fullName": "An",}'],
    ['bytes that are not UTF-8', Buffer.concat([Buffer.from('{"fullName":"Nguy'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('n"}')])],
    ['an overlong UTF-8 encoding', Buffer.concat([Buffer.from('{"fullName":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')])],
    ['nothing but a NUL byte', Buffer.from([0])],
  ])('when the body is %s, then 400 problem+json', async (_label, body) => {
    expectProblem(await raw('/api/cases/returnees', body as RequestInit['body'], { 'content-type': 'application/json' }), 400);
  });
});

describe('Mongo operators and prototype keys where values belong', () => {
  it('when login gets operators for email and password, then 400 problem+json and no session', async () => {
    const reply = await request(`${system.gatewayUrl}/auth/login`, 'POST', { email: { $gt: '' }, password: { $ne: null } });
    expectProblem(reply, 400, 'REQUEST.VALIDATION_FAILED');
    expect(reply.body.accessToken).toBeUndefined();
  });

  it.each(['q[$ne]=x', 'q%5B%24regex%5D=.*', 'nationalId[$gt]=', '$where=sleep(1000)'])(
    'when a search has %s, then 400 problem+json',
    async (query) => {
      expectProblem(await officer.get(`/api/cases/returnees?${query}`), 400);
    },
  );

  it('when a body carries __proto__ or constructor keys, then 400 problem+json', async () => {
    const body = `{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}},${JSON.stringify(returnee('Trần Thị Bích')).slice(1)}`;
    expectProblem(await raw('/api/cases/returnees', body, { 'content-type': 'application/json' }), 400);
  });

  it('when a path id is an operator or a traversal, then 4xx problem+json', async () => {
    for (const id of ['{"$gt":""}', '$where', '..%2F..%2Fadmin', '%E0%A4%A', 'a'.repeat(5000)]) {
      const reply = await officer.get(`/api/cases/returnees/${id.startsWith('%') || id.startsWith('.') ? id : encodeURIComponent(id)}`);
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expectProblem(reply, reply.status);
    }
  });
});

describe('Vietnamese names in both Unicode normal forms', () => {
  it('when a name is registered decomposed (NFD), then it is stored composed and found by NFC, NFD and unaccented search', async () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Văn An');
    const created = await officer.post('/api/cases/returnees', returnee(nfd));
    expect(created.status).toBe(201);
    expect(created.body.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    for (const q of ['Nguyễn Văn An', nfd, 'Nguyen Van An', 'nguyen van an', 'NGUYỄN VĂN']) {
      const found = await officer.get(`/api/cases/returnees?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    }
  });

  it('when a name is registered composed (NFC), then the decomposed search finds it too', async () => {
    const created = await officer.post('/api/cases/returnees', returnee('Đặng Thị Ánh Tuyết'));
    expect(created.status).toBe(201);
    for (const q of ['Đặng Thị Ánh Tuyết'.normalize('NFD'), 'Dang Thi Anh Tuyet', 'ánh tuyết'.normalize('NFD')]) {
      const found = await officer.get(`/api/cases/returnees?q=${encodeURIComponent(q)}`);
      expect(found.body.items.map((r: { id: string }) => r.id)).toContain(created.body.id);
    }
  });

  it('when a name is only invisible characters or combining marks, then 400 problem+json, not an empty name', async () => {
    for (const name of ['\u0301\u0301\u0301', '\u200b\u200b\u200b', '   ']) {
      expectProblem(await officer.post('/api/cases/returnees', returnee(name)), [400, 422]);
    }
  });
});

describe('requests too large for the HTTP layer itself', () => {
  it('when the URL is longer than the server reads, then a 4xx, as problem+json', async () => {
    const reply = await officer.get(`/api/cases/returnees?q=${'a'.repeat(40_000)}`);
    expect([400, 414, 431]).toContain(reply.status);
    expectProblem(reply, reply.status);
  });
});
