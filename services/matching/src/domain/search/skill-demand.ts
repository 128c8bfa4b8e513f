import type { Day } from '../calendar';
import type { Restrictions } from '../exclusions.rules';
import type { MatchingModel } from '../model/matching-model';
import { pairBarrier } from './pair-score';

/**
 * How many open jobs within the person's reach ask for each skill (required skills), indexed by skill id.
 * Usually the sum of the counts the job table keeps up to date on every job event (province × skill),
 * which costs a few hundred additions. When some job in reach might be barred to this person — an active
 * restriction, or a minimum age or physical demand above theirs — the jobs are counted one by one with
 * the exclusions applied instead, so that no figure shown ever counts a job the person may not be offered.
 */
export function skillDemand(m: MatchingModel, p: number, nowMs: number, today: Day, r: Restrictions | undefined): Int32Array {
  const { jobs: J, returnees: R, vocab } = m;
  const S = vocab.skillWords * 32;
  const reach = vocab.reachOf(R.province[p]!);
  const demand = new Int32Array(S);
  let barred = r !== undefined;
  for (const province of reach) barred ||= J.maxMinimumAge[province]! > R.age[p]! || J.maxPhysical[province]! > R.physical[p]!;
  if (!barred) {
    for (const province of reach) for (let s = 0; s < S; s++) demand[s]! += J.demand[province * S + s]!;
    return demand;
  }
  const W = vocab.skillWords;
  for (const province of reach) {
    const list = J.byProvince.at(province);
    for (let i = 0; list && i < list.length; i++) {
      const j = list.items[i]!;
      if (pairBarrier(m, p, j, nowMs, today, r) !== null) continue;
      for (let w = 0; w < W; w++) {
        let bits = J.required[j * W + w]!;
        while (bits !== 0) {
          const low = bits & -bits;
          demand[w * 32 + 31 - Math.clz32(low)]! += 1;
          bits ^= low;
        }
      }
    }
  }
  return demand;
}
