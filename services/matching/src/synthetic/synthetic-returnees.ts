import type { ProfilePublishedV1, RestrictionsPublishedV1 } from '@hoanhap/contracts';
import { communes } from '@hoanhap/reference';
import { isoOf, type Day } from '../domain/calendar';
import { Prng, syntheticUuid } from './prng';
import type { SyntheticWorld } from './synthetic-world';

export const RETURNEE_STREAM = 1;
const GIVEN_NAMES = ['An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Khoa', 'Lan', 'Linh', 'Minh', 'Nam', 'Phong', 'Quân', 'Sơn', 'Thảo', 'Tuấn', 'Việt'];
const GOALS = ['Tự kinh doanh quán ăn', 'Chăn nuôi gà', 'Mở cửa hàng sửa xe máy', 'Làm công nhân ổn định', 'Trồng rau sạch', 'Học nghề rồi đi làm'];
const BANNABLE = ['8322', '5414', '2341', '8332', '7212', '5131'];

export const returneeId = (w: SyntheticWorld, i: number) => syntheticUuid(w.seed, RETURNEE_STREAM, i);

/** Returnee `i`'s published profile: consent-scoped sections only, as cases publishes them. */
export function syntheticProfile(w: SyntheticWorld, i: number): ProfilePublishedV1 {
  const g = Prng.for(w.seed, RETURNEE_STREAM, i);
  const commune = w.geography.communes[g.weighted(w.geography.people)]!;
  const trade = w.trades.codes[g.weighted(w.trades.popularity)]!;
  const skills = new Set(g.sample(w.trades.skillsOf.get(trade) ?? [], g.between(1, 3)));
  if (g.chance(0.3)) skills.add(g.pick(w.trades.allSkills));
  const needs = (['job', 'training', 'loan', 'housing', 'health', 'id-card'] as const).filter((_n, k) => g.chance([0.8, 0.4, 0.25, 0.15, 0.1, 0.2][k]!));
  const matching = g.chance(0.92);
  const consent = {
    matching,
    discoverable: matching && g.chance(0.8),
    shareWithEmployers: g.chance(0.8),
    shareWithColleges: g.chance(0.7),
    shareWithBank: g.chance(0.6),
  };
  const givenName = g.pick(GIVEN_NAMES);
  const ageYears = Math.max(18, Math.min(65, Math.round(32 + 9 * g.normal())));
  const availableFrom = g.chance(0.5) ? isoOf(w.today + g.between(-60, 90)) : undefined;
  const prefersStable = g.chance(0.8) ? g.chance(0.75) : undefined;
  const goal = g.chance(0.2) ? g.pick(GOALS) : undefined;
  const certificates = g.chance(0.1) ? [{ certificateId: syntheticUuid(w.seed, 9, i), skills: [g.pick([...skills])], issuedOn: isoOf(w.today - g.between(30, 900)) }] : [];
  const profile: ProfilePublishedV1 = { returneeId: returneeId(w, i), revision: 1, consent };
  if (matching) {
    profile.matching = {
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      skills: [...skills],
      certificates,
      needs: [...needs],
      ageYears,
      gender: g.chance(0.85) ? 'male' : 'female',
      needsHousing: needs.includes('housing'),
      ...(availableFrom && { availableFrom }),
      ...(prefersStable !== undefined && { prefersStable }),
      ...(goal && { goal }),
    };
  }
  if (consent.shareWithEmployers) profile.employerView = { givenName, skills: [...skills], certificates: [], ...(availableFrom && { availableFrom }) };
  if (consent.shareWithBank) {
    profile.bankView = {
      givenName,
      provinceCode: commune.provinceCode,
      communeCode: commune.code,
      creditWindowEndsOn: isoOf(w.today + g.between(-200, 5 * 365)),
      releaseKindEligible: g.chance(0.9),
    };
  }
  return profile;
}

/** Returnee `i`'s restrictions, published for everyone (most restrict nothing); about a quarter restrict something. */
export function syntheticRestrictions(w: SyntheticWorld, i: number): RestrictionsPublishedV1 {
  const g = Prng.for(w.seed, RETURNEE_STREAM + 100, i);
  const profile = syntheticProfile(w, i);
  const home = profile.matching ?? { provinceCode: '40', communeCode: '16681' };
  const until = (): string => isoOf(w.today + g.between(-180, 5 * 365) as Day);
  const r: RestrictionsPublishedV1 = { returneeId: profile.returneeId, revision: 1, bannedOccupations: [], bannedAreas: [], noStateAgencyWork: false };
  if (g.chance(0.12)) r.bannedOccupations = g.sample(BANNABLE, g.between(1, 2)).map((code) => ({ code, until: until() }));
  if (g.chance(0.06)) {
    const local = communes(home.provinceCode).filter((c) => c.code !== home.communeCode);
    r.bannedAreas = g.chance(0.5) || local.length === 0 ? [{ provinceCode: g.pick(w.otherProvinces(home.provinceCode)), until: until() }] : [{ provinceCode: home.provinceCode, communeCode: g.pick(local).code, until: until() }];
  }
  if (g.chance(0.05)) r.supervisedCommune = { provinceCode: home.provinceCode, communeCode: home.communeCode, until: until() };
  if (g.chance(0.08)) {
    r.noStateAgencyWork = true;
    if (g.chance(0.5)) r.noStateAgencyWorkUntil = until();
  }
  return r;
}
