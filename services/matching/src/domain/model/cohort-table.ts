import { dayOf } from '../calendar';
import type { CohortFacts, LoanProductFacts } from './facts';
import { setBit } from './skill-bits';
import { NO_COMMUNE, NO_PROVINCE, type Vocabulary } from './vocabulary';

/** A cohort as matching ranks it: ids interned, granted skills as a bit set. */
export interface Cohort {
  facts: CohortFacts;
  province: number;
  /** NO_COMMUNE when the cohort names only its province. */
  commune: number;
  occupation: number;
  granted: Uint32Array;
  startsOn: number;
  endsOn: number;
  /** Open for enrolment: status open, seats left, not taught inside a prison (returnees are released). */
  open: boolean;
}

/**
 * Cohorts (a few thousand nationally: plain objects are lean enough), the open ones indexed by province,
 * and loan products. Cohort events carry the full state, so the latest one simply replaces the entry.
 */
export class CohortTable {
  readonly byId = new Map<string, Cohort>();
  readonly openByProvince = new Map<number, Set<string>>();
  readonly products = new Map<string, LoanProductFacts>();

  constructor(readonly vocab: Vocabulary) {}

  apply(facts: CohortFacts): void {
    const v = this.vocab;
    this.unindex(facts.cohortId);
    const granted = new Uint32Array(v.skillWords);
    for (const slug of facts.skillsGranted) {
      const id = v.skills.intern(slug);
      if (id >= 0) setBit(granted, 0, id);
    }
    const province = v.provinces.intern(facts.provinceCode);
    const commune = facts.communeCode ? v.communes.intern(facts.communeCode) : -1;
    const cohort: Cohort = {
      facts,
      province: province < 0 ? NO_PROVINCE : province,
      commune: commune < 0 ? NO_COMMUNE : commune,
      occupation: v.occupations.intern(facts.occupationCode),
      granted,
      startsOn: dayOf(facts.startsOn),
      endsOn: dayOf(facts.endsOn),
      open: facts.status === 'open' && facts.seatsLeft > 0 && facts.delivery !== 'prison',
    };
    this.byId.set(facts.cohortId, cohort);
    if (cohort.open) {
      const set = this.openByProvince.get(cohort.province) ?? new Set<string>();
      set.add(facts.cohortId);
      this.openByProvince.set(cohort.province, set);
    }
  }

  applyProduct(product: LoanProductFacts): void {
    this.products.set(product.productCode, product);
  }

  private unindex(cohortId: string): void {
    const old = this.byId.get(cohortId);
    if (old?.open) this.openByProvince.get(old.province)?.delete(cohortId);
  }
}
