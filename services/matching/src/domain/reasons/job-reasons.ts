import * as calendar from '../calendar';
import type { Day } from '../calendar';
import * as jobTable from '../model/job-table';
import type { MatchingModel } from '../model/matching-model';
import * as returneeTable from '../model/returnee-table';
import * as skillBits from '../model/skill-bits';
import * as vocabulary from '../model/vocabulary';
import * as jobRules from '../scoring/job-score.rules';
import * as format from './format';
import type { Reason } from './format';

// bound once: tsx compiles imported bindings to getters, and an answer builds the reasons of 20 pairs
const { FOREVER } = calendar;
const { JOB } = jobTable;
const { PREF, STATE } = returneeTable;
const { bitIds, hasBit } = skillBits;
const { FAR_PROVINCE, NEIGHBOUR_PROVINCE, NO_COMMUNE } = vocabulary;
const { distancePoints, housingPoints, skillPoints, stabilityPoints, startPoints, wagePoints } = jobRules;
const { byPoints, dateEn, dateVi, idsKey, pairKey, provinceNames, reason, reasonsOnce, skillNames, vnd, vndEn } = format;

type Once = ReturnType<typeof reasonsOnce>;
// per model: a key names a reason's inputs (skill ids, a province id), whose words and points are the model's
const onceByModel = new WeakMap<MatchingModel, Once>();
const onceFor = (m: MatchingModel): Once => onceByModel.get(m) ?? onceByModel.set(m, reasonsOnce()).get(m)!;

/**
 * Who reads the reasons. An officer (or the returnee) sees every reason. An employer sees only what the
 * person shared with employers (skills and availability, only with shareWithEmployers) and a coarse
 * distance — never needs such as housing, never preferences, and, like everyone, never a restriction.
 */
export type Audience = 'officer' | 'employer';

/** The reasons behind one person–job score, strongest first, from the same rules that scored it. */
export function jobReasons(m: MatchingModel, p: number, j: number, today: Day, audience: Audience): Reason[] {
  const { returnees: R, jobs: J, vocab } = m;
  const w = m.weights.job;
  const W = vocab.skillWords;
  const once = onceFor(m);
  const reasons: Reason[] = [];
  const shared = audience === 'officer' || R.has(p, STATE.named);
  const required = bitIds(J.required, j * W, W);
  const nice = bitIds(J.nice, j * W, W);
  const reqHeld = heldOf(required, R.skills, p * W);
  const niceHeld = heldOf(nice, R.skills, p * W);
  const skill = skillPoints(w, reqHeld.length, required.length, niceHeld.length, nice.length);
  if (!shared) {
    if (skill > 0) reasons.push(once('skills-fit', skill, () => reason('skills-fit', skill, 'Phù hợp yêu cầu kỹ năng của công việc', "Fits the job's skill requirements")));
  } else if (required.length === 0) {
    reasons.push(once('no-skills-required', 0, () => reason('no-skills-required', skillPoints(w, 0, 0, 0, 0), 'Không yêu cầu kỹ năng, nhận người mới', 'No skills required; beginners welcome')));
  } else if (reqHeld.length > 0) {
    reasons.push(
      once('skills-required', idsKey(required.length, reqHeld), () => {
        const names = skillNames(vocab, reqHeld);
        return reason('skills-required', skillPoints(w, reqHeld.length, required.length, 0, 0), `Có ${reqHeld.length}/${required.length} kỹ năng bắt buộc: ${names.vi}`, `Has ${reqHeld.length} of ${required.length} required skills: ${names.en}`);
      }),
    );
  }
  if (shared && niceHeld.length > 0) {
    // its points: the nice-to-have share of the skill points, which only the nice-to-have counts decide
    reasons.push(
      once('skills-nice-to-have', idsKey(nice.length, niceHeld), () => {
        const names = skillNames(vocab, niceHeld);
        return reason('skills-nice-to-have', skill - skillPoints(w, reqHeld.length, required.length, 0, 0), `Có kỹ năng ưu tiên: ${names.vi}`, `Has nice-to-have skills: ${names.en}`);
      }),
    );
  }
  const missing = required.filter((s) => !reqHeld.includes(s));
  if (shared && missing.length > 0) {
    reasons.push(
      once('skills-missing', idsKey(0, missing), () => {
        const names = skillNames(vocab, missing);
        return reason('skills-missing', 0, `Còn thiếu kỹ năng: ${names.vi}`, `Missing required skills: ${names.en}`);
      }),
    );
  }
  reasons.push(distanceReason(m, once, p, j, audience));
  const state = J.state[j]!;
  const prefs = R.prefs[p]!;
  if (audience === 'officer') {
    const stable = stabilityPoints(w, (prefs & PREF.stable) !== 0, (state & JOB.stable) !== 0);
    if (stable > 0) reasons.push(once('stable-as-preferred', stable, () => reason('stable-as-preferred', stable, 'Việc làm ổn định, đúng mong muốn', 'Stable work, as preferred')));
    else if ((prefs & PREF.stable) !== 0) reasons.push(once('seasonal-not-preferred', 0, () => reason('seasonal-not-preferred', 0, 'Việc làm thời vụ (người này muốn việc ổn định)', 'Seasonal work (stable work preferred)')));
    const [min, max] = [J.wageMin[j]!, J.wageMax[j]!];
    reasons.push(once('wage', pairKey(min, max), () => reason('wage', wagePoints(w, min, max), `Lương ${vnd(min)} – ${vnd(max)}/tháng`, `Wage ${vndEn(min)} – ${vndEn(max)} a month`)));
    const housing = housingPoints(w, (prefs & PREF.housing) !== 0, (state & JOB.accommodation) !== 0);
    if (housing > 0) reasons.push(once('accommodation', housing, () => reason('accommodation', housing, 'Có chỗ ở cho người lao động (người này cần nhà ở)', 'Accommodation provided (housing is needed)')));
    else if ((prefs & PREF.housing) !== 0) reasons.push(once('no-accommodation', 0, () => reason('no-accommodation', 0, 'Không có chỗ ở (người này cần nhà ở)', 'No accommodation (housing is needed)')));
  }
  if (shared) reasons.push(startReason(m, once, p, j, today));
  return byPoints(reasons);
}

/** The skill ids of `ids` that the person's skill bits (from `base`) hold. */
function heldOf(ids: readonly number[], skills: Uint32Array, base: number): number[] {
  const held: number[] = [];
  for (const s of ids) if (hasBit(skills, base, s)) held.push(s);
  return held;
}

function distanceReason(m: MatchingModel, once: Once, p: number, j: number, audience: Audience): Reason {
  const { returnees: R, jobs: J, vocab } = m;
  const w = m.weights.job;
  const sameCommune = R.commune[p] !== NO_COMMUNE && R.commune[p] === J.commune[j];
  const tier = vocab.tier(R.province[p]!, J.province[j]!);
  const points = distancePoints(w, sameCommune, tier);
  // the points follow from (same commune, tier); the words from the audience, the tier and the job's province
  return once(audience, pairKey((sameCommune ? 4 : 0) + tier, J.province[j]!), () => {
    if (audience === 'employer') {
      if (tier === NEIGHBOUR_PROVINCE) return reason('nearby-province', points, 'Sống ở tỉnh lân cận', 'Lives in a neighbouring province');
      return reason(tier === FAR_PROVINCE ? 'far' : 'nearby', points, tier === FAR_PROVINCE ? 'Sống ở xa nơi làm việc' : 'Sống gần nơi làm việc', tier === FAR_PROVINCE ? 'Lives far from the workplace' : 'Lives near the workplace');
    }
    const place = provinceNames(vocab, J.province[j]!);
    if (sameCommune) return reason('same-commune', points, 'Cùng xã/phường nơi cư trú', 'In the same commune');
    if (tier === NEIGHBOUR_PROVINCE) return reason('neighbouring-province', points, `Tỉnh lân cận: ${place.vi}`, `Neighbouring province: ${place.en}`);
    if (tier === FAR_PROVINCE) return reason('far', points, `Ở xa: ${place.vi}`, `Far away: ${place.en}`);
    return reason('same-province', points, `Cùng tỉnh ${place.vi}`, `In the same province (${place.en})`);
  });
}

function startReason(m: MatchingModel, once: Once, p: number, j: number, today: Day): Reason {
  const { returnees: R, jobs: J } = m;
  const points = startPoints(m.weights.job, R.availableFrom[p]!, J.startDay[j]!, J.endDay[j]!, today);
  const start = Math.max(today, J.startDay[j]!);
  const available = R.availableFrom[p]!;
  if (J.endDay[j]! !== FOREVER && available > J.endDay[j]!) {
    const end = J.endDay[j]!;
    return once('available-after-season', end, () => reason('available-after-season', 0, `Chỉ sẵn sàng sau khi mùa vụ kết thúc (${dateVi(end)})`, `Available only after the season ends (${dateEn(end)})`));
  }
  if (available <= start) return once('available', pairKey(start, points), () => reason('available', points, `Sẵn sàng làm việc từ ngày bắt đầu (${dateVi(start)})`, `Available by the start date (${dateEn(start)})`));
  return once('available-late', pairKey(available, points), () => reason('available-late', points, `Sẵn sàng từ ${dateVi(available)}, sau ngày bắt đầu`, `Available from ${dateEn(available)}, after the start date`));
}
