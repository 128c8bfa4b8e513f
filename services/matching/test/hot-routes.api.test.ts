import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { cachedJwksVerifier } from '@hoanhap/auth';
import { jobPostedV1, profilePublishedV1 } from '@hoanhap/contracts';
import { createLogger, JsonBytes, PASS, type HotRoute } from '@hoanhap/kit';
import { createMatchingApp } from '../src/app';
import { hotMatchRoutes } from '../src/routes/hot-matches.routes';
import { MatchTimings } from '../src/routes/match-timings';
import { job, PLACES, profile } from './support/fixtures';
import { startHarness, type Harness } from './support/matching-harness';

let h: Harness;
let fullStack: RequestListener;
let jobsRoute: HotRoute;
let candidatesRoute: HotRoute;
const OFFICER = { sub: 'officer-40', role: 'officer', provinceCode: '40' };
const EMPLOYER = { sub: 'employer-1', role: 'employer', orgId: 'org-welders' };
const jobs = [job({ title: 'Hàn tại Vinh' }), job({ ...PLACES.doLuong, title: 'Hàn tại Đô Lương' }), job({ ...PLACES.haTinh, title: 'Hàn tại Hà Tĩnh', skills: ['welding', 'electrical'] })];
const people = [profile({ skills: ['welding'], prefersStable: true }), profile({ skills: ['welding', 'electrical'] }), profile({ skills: [] })];
const seeker = people[0]!;
const posted = jobs[0]!;

beforeAll(async () => {
  h = await startHarness();
  for (const j of jobs) await h.publish(jobPostedV1, j, j.jobId);
  for (const p of people) await h.publish(profilePublishedV1, p, p.returneeId);
  await h.settled(jobs.length + people.length);
  const { ctx } = h.runtime;
  const options = { ctx, keys: h.issuer.keySource(), issuer: h.issuer.issuer, audience: h.issuer.audience, logger: createLogger({ name: 'matching', level: 'silent' }) };
  fullStack = createMatchingApp({ ...options, hotRoutes: false });
  const routes = hotMatchRoutes(ctx, cachedJwksVerifier(options.keys, options), new MatchTimings());
  [jobsRoute, candidatesRoute] = [routes[0]!, routes[1]!];
});
afterAll(() => h.close());

const token = (claims: typeof OFFICER | typeof EMPLOYER) => h.issuer.sign(claims as never);
/** What the hot route itself returns for a path (its id) and a query, without any server. */
async function hotAnswer(route: HotRoute, id: string, query: string, authorization: string | undefined): Promise<unknown> {
  const req = { headers: { authorization } } as IncomingMessage;
  const res = { setHeader: () => undefined } as unknown as ServerResponse;
  return route.answer([id], new URLSearchParams(query), req, res);
}

describe('hot routes: the two busy reads answered before express', () => {
  it.each([
    ['top jobs', () => jobsRoute, () => seeker.returneeId, 'limit=20', () => token(OFFICER), (id: string) => `/returnees/${id}/jobs`],
    ['top jobs by full scan', () => jobsRoute, () => seeker.returneeId, 'limit=2&strategy=scan', () => token(OFFICER), (id: string) => `/returnees/${id}/jobs`],
    ['candidates', () => candidatesRoute, () => posted.jobId, 'limit=20', () => token(EMPLOYER), (id: string) => `/jobs/${id}/candidates`],
    ['candidates of a known job with waitMs', () => candidatesRoute, () => posted.jobId, 'waitMs=5000&limit=3', () => token(EMPLOYER), (id: string) => `/jobs/${id}/candidates`],
  ])('when %s are asked in the plain form, then the hot route answers exactly what the full stack answers', async (_name, route, id, query, bearer, path) => {
    const hot = await hotAnswer(route(), id(), query, `Bearer ${bearer()}`);
    // written by the route itself, from kept parts (answer-json.ts)
    expect(hot).toBeInstanceOf(JsonBytes);
    const full = await request(fullStack).get(`${path(id())}?${query}`).set('Authorization', `Bearer ${bearer()}`).expect(200);
    expect(JSON.parse(Buffer.from((hot as JsonBytes).bytes).toString())).toEqual(full.body);
    expect(full.body.items.length).toBeGreaterThan(0);
    const served = await request(h.runtime.app).get(`${path(id())}?${query}`).set('Authorization', `Bearer ${bearer()}`).expect(200);
    expect(served.body).toEqual(full.body);
    expect(served.headers['content-type']).toBe(full.headers['content-type']);
    expect(served.headers['content-security-policy']).toBe(full.headers['content-security-policy']);
    expect(served.headers['server-timing']).toMatch(/^match;dur=\d+\.\d\d$/);
  });

  const officer = () => `Bearer ${token(OFFICER)}`;
  it.each([
    ['an unknown parameter', () => seeker.returneeId, 'limit=20&sort=score', officer, 400],
    ['limit repeated', () => seeker.returneeId, 'limit=20&limit=3', officer, 400],
    ['limit 0', () => seeker.returneeId, 'limit=0', officer, 400],
    ['limit with a leading zero', () => seeker.returneeId, 'limit=05', officer, 200],
    ['an unknown strategy', () => seeker.returneeId, 'strategy=fast', officer, 400],
    ['waitMs on a returnee', () => seeker.returneeId, 'waitMs=10', officer, 400],
    ['an id that is not a UUID', () => 'not-a-uuid', 'limit=20', officer, 400],
    ['a returnee not known yet', () => randomUUID(), 'limit=20', officer, 409],
    ['no token', () => seeker.returneeId, 'limit=20', () => undefined, 401],
    ['a forged token', () => seeker.returneeId, 'limit=20', () => `Bearer ${h.issuer.forged(OFFICER as never)}`, 401],
    ['an employer, whose role may not ask', () => seeker.returneeId, 'limit=20', () => `Bearer ${token(EMPLOYER)}`, 403],
    ['an officer of another province', () => seeker.returneeId, 'limit=20', () => `Bearer ${token({ ...OFFICER, sub: 'officer-01', provinceCode: '01' })}`, 403],
  ])('when top jobs are asked with %s, then the full stack answers, as it would without hot routes', async (_name, id, query, authorization, status) => {
    // PASS, or a use case's refusal (a rejection), which withHotRoutes hands to the full stack as well
    const hot = await hotAnswer(jobsRoute, id(), query, authorization()).catch(() => 'refused');
    expect([PASS, 'refused']).toContain(hot);
    const ask = (listener: RequestListener) => {
      const req = request(listener).get(`/returnees/${id()}/jobs?${query}`);
      const auth = authorization();
      return auth ? req.set('Authorization', auth) : req;
    };
    const [served, full] = [await ask(h.runtime.app), await ask(fullStack)];
    expect([served.status, served.body.code]).toEqual([full.status, full.body.code]);
    expect(served.status).toBe(status);
  });

  it('when a job is not known yet, then the hot route leaves it to the full route, which waits for it or answers 409', async () => {
    const unknown = randomUUID();
    expect(await hotAnswer(candidatesRoute, unknown, 'waitMs=100', `Bearer ${token(EMPLOYER)}`)).toBe(PASS);
    const res = await request(h.runtime.app).get(`/jobs/${unknown}/candidates?waitMs=100`).set('Authorization', `Bearer ${token(EMPLOYER)}`).expect(409);
    expect(res.body.code).toBe('MATCHING.NOT_YET_KNOWN');
  });
});
