import { cachingVerifier, createTestIssuer, createVerifier, memoizedKeys, type KeySource, type TestIssuer } from '../src';
import { testNamespace } from '@hoanhap/testing';

testNamespace(); // tokens and keys only: no server is touched
const officer = { sub: 'u-officer', role: 'officer', orgId: 'org-1' } as const;
let issuer: TestIssuer;
beforeAll(async () => {
  issuer = await createTestIssuer({ issuer: 'hoanhap-identity', audience: 'hoanhap' });
});

function counted(source: KeySource) {
  const calls = { n: 0 };
  const keys: KeySource = (kid) => {
    calls.n++;
    return source(kid);
  };
  return { calls, keys };
}

describe('verification caches', () => {
  it('when the same token is presented twice, then the signature is checked once and the same claims come back', async () => {
    const { calls, keys } = counted(issuer.keySource());
    const verify = cachingVerifier(createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys }));
    const token = issuer.sign(officer);
    const first = await verify(token);
    expect(await verify(token)).toBe(first);
    expect(calls.n).toBe(1);
  });

  it('when a token fails, then it fails again every time (failures are not remembered)', async () => {
    const verify = cachingVerifier(createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keySource() }));
    const forged = issuer.forged(officer);
    await expect(verify(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(verify(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('when a remembered token has passed its maximum age, then it is verified again', async () => {
    const { calls, keys } = counted(issuer.keySource());
    const verify = cachingVerifier(createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys }), { maxAgeMs: 20 });
    const token = issuer.sign(officer);
    await verify(token);
    await new Promise((resolve) => setTimeout(resolve, 40));
    await verify(token);
    expect(calls.n).toBe(2);
  });

  it('when the cache is full, then the oldest token is forgotten first', async () => {
    const { calls, keys } = counted(issuer.keySource());
    const verify = cachingVerifier(createVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys }), { maxEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((sub) => issuer.sign({ ...officer, sub }));
    for (const token of [a, b, c, c, b]) await verify(token!);
    expect(calls.n).toBe(3);
    await verify(a!);
    expect(calls.n).toBe(4);
  });

  it('when a kid was found once, then its key is reused; an unknown kid is asked for each time', async () => {
    const { calls, keys } = counted(issuer.keySource());
    const memo = memoizedKeys(keys);
    await memo(issuer.currentKid);
    await memo(issuer.currentKid);
    expect(calls.n).toBe(1);
    await expect(memo('k-nobody')).rejects.toMatchObject({ code: 'AUTH.KEY_UNKNOWN' });
    await expect(memo('k-nobody')).rejects.toMatchObject({ code: 'AUTH.KEY_UNKNOWN' });
    expect(calls.n).toBe(3);
  });
});
