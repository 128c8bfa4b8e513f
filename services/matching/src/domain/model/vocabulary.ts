import { areNeighbours, communes, isStateAgencyPost, occupations, provinces, skills } from '@hoanhap/reference';
import { Interner } from './interner';

/** 0 same province, 1 neighbouring province (shares a land border), 2 farther. */
export type DistanceTier = 0 | 1 | 2;
export const SAME_PROVINCE = 0;
export const NEIGHBOUR_PROVINCE = 1;
export const FAR_PROVINCE = 2;

/** Which provinces a job or a person is matched across: the own province and its neighbours, or the country. */
export type Reach = 'neighbours' | 'national';

// Room for skills outside the reference vocabulary (events only check the slug's shape).
const SKILL_HEADROOM = 28;
export const NO_PROVINCE = 255;
export const NO_COMMUNE = 65_535;
// NO_PROVINCE itself has a row: far from everything, itself included
const STRIDE = NO_PROVINCE + 1;

/**
 * The interned codes of one model and the tables derived from them: skill bit-set width, province
 * distance tiers, each province's reach, each occupation's Art. 44 flag. Reference ids come first and in
 * reference order, so a snapshot taken by one build reads back in the next one.
 */
export class Vocabulary {
  readonly skills: Interner;
  /** 32-bit words per skill bit set. */
  readonly skillWords: number;
  readonly provinces = new Interner(NO_PROVINCE, provinces().map((p) => p.code));
  readonly communes = new Interner(NO_COMMUNE, communes().map((c) => c.code));
  readonly occupations = new Interner(65_535, occupations().map((o) => o.code));
  readonly orgs = new Interner(2 ** 31 - 1);
  /** Per occupation id: 1 = a state post whoever employs (Art. 44), 2 = only at a public employer. */
  stateAgencyOccupation = new Uint8Array(0);
  private tiers = new Uint8Array(0);
  private reachCache = new Map<number, Int32Array>();

  constructor(readonly reach: Reach = 'neighbours') {
    const reference = skills().map((s) => s.slug);
    this.skillWords = Math.ceil((reference.length + SKILL_HEADROOM) / 32);
    this.skills = new Interner(this.skillWords * 32, reference);
    this.occupations.onAdd = () => this.rebuildOccupations();
    this.provinces.onAdd = () => this.rebuildTiers();
    this.rebuildOccupations();
    this.rebuildTiers();
  }

  /** Distance tier between two province ids. */
  tier(a: number, b: number): DistanceTier {
    return this.tiers[a * STRIDE + b] as DistanceTier;
  }

  /** The province ids a job in `province` is matched with (itself first), per the configured reach. */
  reachOf(province: number): Int32Array {
    let reach = this.reachCache.get(province);
    if (!reach) {
      const limit = this.reach === 'national' ? FAR_PROVINCE : NEIGHBOUR_PROVINCE;
      const ids = [province];
      for (let p = 0; p < this.provinces.size; p++) if (p !== province && this.tier(province, p) <= limit) ids.push(p);
      reach = Int32Array.from(ids);
      this.reachCache.set(province, reach);
    }
    return reach;
  }

  private rebuildTiers(): void {
    const n = this.provinces.size;
    this.tiers = new Uint8Array(STRIDE * STRIDE).fill(FAR_PROVINCE);
    for (let a = 0; a < n; a++) {
      for (let b = 0; b < n; b++) {
        const tier = a === b ? SAME_PROVINCE : areNeighbours(this.provinces.nameOf(a), this.provinces.nameOf(b)) ? NEIGHBOUR_PROVINCE : FAR_PROVINCE;
        this.tiers[a * STRIDE + b] = tier;
      }
    }
    this.reachCache.clear();
  }

  private rebuildOccupations(): void {
    const flags = new Uint8Array(this.occupations.capacity);
    this.occupations.names.forEach((code, id) => {
      if (isStateAgencyPost(code, 'private')) flags[id] = 1;
      else if (isStateAgencyPost(code, 'unknown')) flags[id] = 2;
    });
    this.stateAgencyOccupation = flags;
  }
}
