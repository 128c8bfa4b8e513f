import { optionalDay, FOREVER, NO_DAY } from '../calendar';
import { PHYSICAL, type PhysicalLevel } from '../exclusions.rules';
import { PostingIndex } from '../indexes/posting-list';
import { RankedIndex } from '../indexes/ranked-list';
import { allSkillsGain, staticJobPoints } from '../scoring/job-score.rules';
import type { JobWeights } from '../scoring/weights';
import { grown } from './columns';
import type { JobFacts } from './facts';
import { bitCount, setBit } from './skill-bits';
import { NO_COMMUNE, NO_PROVINCE, type Vocabulary } from './vocabulary';

export const JOB = Object.freeze({ open: 1, accommodation: 2, stable: 4, stateAgency: 8, verified: 16 });
export const JOB_STATUSES = ['unknown', 'open', 'draft', 'filled', 'closed', 'expired'] as const;
/** Preference variants of the static score: bit 0 prefers stable work, bit 1 needs housing. */
export const VARIANTS = 4;

let nextRevision = 1;

/**
 * Jobs as columns, one slot per jobId, every status kept (so a closed job answers "closed", not
 * "unknown"). Open jobs are indexed by province and commune, and by province × skill (required or
 * nice-to-have) × preference variant, each of those lists ranked by the most the job can score for someone
 * of that variant in its province before distance and start date (its static points, all its skills held);
 * `demand` counts open jobs per province × required skill, kept up to date on every change, for the courses'
 * skill gap. `staticPoints` holds each job's person-independent score per variant.
 */
export class JobTable {
  size = 0;
  ids: string[] = [];
  titles: string[] = [];
  version: Float64Array;
  state: Uint8Array;
  status: Uint8Array;
  org: Int32Array;
  occupation: Uint16Array;
  province: Uint8Array;
  commune: Uint16Array;
  wageMin: Float64Array;
  wageMax: Float64Array;
  minimumAge: Uint8Array;
  physical: Uint8Array;
  startDay: Int32Array;
  endDay: Int32Array;
  closesAt: Float64Array;
  required: Uint32Array;
  nice: Uint32Array;
  requiredCount: Uint8Array;
  niceCount: Uint8Array;
  staticPoints: Int32Array;
  byProvinceSkill: RankedIndex;
  byProvince = new PostingIndex(NO_PROVINCE + 1);
  byCommune = new PostingIndex(NO_COMMUNE + 1);
  demand: Int32Array;
  /** Per province × variant, at least the highest static score of its open jobs (never lowered: a bound). */
  maxStatic = new Int32Array((NO_PROVINCE + 1) * VARIANTS);
  /** Per province, at least the highest minimum age and physical demand of its open jobs (bounds, never lowered). */
  maxMinimumAge = new Uint8Array(NO_PROVINCE + 1);
  maxPhysical = new Uint8Array(NO_PROVINCE + 1);
  private slots = new Map<string, number>();
  private revisions: number[] = [];

  constructor(
    readonly vocab: Vocabulary,
    readonly weights: JobWeights,
    public capacity = 1024,
  ) {
    const W = vocab.skillWords;
    this.version = new Float64Array(capacity).fill(-Infinity);
    this.state = new Uint8Array(capacity);
    this.status = new Uint8Array(capacity);
    this.org = new Int32Array(capacity);
    this.occupation = new Uint16Array(capacity);
    this.province = new Uint8Array(capacity);
    this.commune = new Uint16Array(capacity);
    this.wageMin = new Float64Array(capacity);
    this.wageMax = new Float64Array(capacity);
    this.minimumAge = new Uint8Array(capacity);
    this.physical = new Uint8Array(capacity);
    this.startDay = new Int32Array(capacity);
    this.endDay = new Int32Array(capacity);
    this.closesAt = new Float64Array(capacity);
    this.required = new Uint32Array(capacity * W);
    this.nice = new Uint32Array(capacity * W);
    this.requiredCount = new Uint8Array(capacity);
    this.niceCount = new Uint8Array(capacity);
    this.staticPoints = new Int32Array(capacity * VARIANTS);
    this.byProvinceSkill = new RankedIndex((NO_PROVINCE + 1) * W * 32 * VARIANTS);
    this.demand = new Int32Array((NO_PROVINCE + 1) * W * 32);
  }

  /**
   * Changes whenever anything about the slot's job is written (never the same number twice in a process,
   * whatever the table): what is derived from a job and kept elsewhere (its answer text) is still its own
   * while this is the same.
   */
  revisionOf(slot: number): number {
    return this.revisions[slot] ?? 0;
  }

  slotOf(jobId: string): number {
    return this.slots.get(jobId) ?? -1;
  }

  isOpen(slot: number): boolean {
    return (this.state[slot]! & JOB.open) !== 0;
  }

  statusOf(slot: number): (typeof JOB_STATUSES)[number] {
    return JOB_STATUSES[this.status[slot]!] ?? 'unknown';
  }

  /** Applies a job's full state; older than the state held (by updatedAt) → ignored. */
  apply(job: JobFacts, version: number): boolean {
    const slot = this.ensure(job.jobId);
    if (version < this.version[slot]!) return false;
    this.unindex(slot);
    this.version[slot] = version;
    this.write(slot, job);
    this.index(slot);
    return true;
  }

  /** Takes open jobs past their closing time out of the indexes (searches already skip them). */
  expireDue(nowMs: number): number {
    let expired = 0;
    for (let slot = 0; slot < this.size; slot++) {
      if (!this.isOpen(slot) || this.closesAt[slot]! > nowMs) continue;
      this.unindex(slot);
      this.state[slot]! &= ~JOB.open;
      this.status[slot] = JOB_STATUSES.indexOf('expired');
      this.revisions[slot] = nextRevision++;
      expired += 1;
    }
    return expired;
  }

  /** Recomputes slot map, static scores and indexes after a snapshot restored the columns. */
  reindexAll(): void {
    this.slots = new Map(this.ids.map((id, slot) => [id, slot]));
    this.byProvinceSkill = new RankedIndex(this.byProvinceSkill.size);
    this.byProvince = new PostingIndex(NO_PROVINCE + 1);
    this.byCommune = new PostingIndex(NO_COMMUNE + 1);
    this.demand.fill(0);
    this.maxStatic.fill(0);
    this.maxMinimumAge.fill(0);
    this.maxPhysical.fill(0);
    for (let slot = 0; slot < this.size; slot++) {
      this.revisions[slot] = nextRevision++;
      this.computeStatic(slot);
      this.index(slot);
    }
  }

  private write(slot: number, job: JobFacts): void {
    const v = this.vocab;
    const W = v.skillWords;
    const occupation = v.occupations.intern(job.occupationCode);
    const agencyFlag = v.stateAgencyOccupation[occupation] ?? 0;
    const stateAgency = job.stateAgency === true || agencyFlag === 1 || (agencyFlag === 2 && job.stateAgency === undefined);
    const statusId = Math.max(0, JOB_STATUSES.indexOf(job.status as (typeof JOB_STATUSES)[number]));
    const open = job.status === 'open' && (job.filled ?? 0) < job.openings;
    this.revisions[slot] = nextRevision++;
    this.titles[slot] = job.title;
    this.status[slot] = statusId;
    this.state[slot] =
      (open ? JOB.open : 0) |
      (job.accommodation ? JOB.accommodation : 0) |
      (job.employmentType === 'stable' ? JOB.stable : 0) |
      (stateAgency ? JOB.stateAgency : 0) |
      (job.verifiedEmployer ? JOB.verified : 0);
    this.org[slot] = v.orgs.intern(job.employerOrgId);
    this.occupation[slot] = occupation < 0 ? 65_535 : occupation;
    const p = v.provinces.intern(job.provinceCode);
    const c = v.communes.intern(job.communeCode);
    this.province[slot] = p < 0 ? NO_PROVINCE : p;
    this.commune[slot] = c < 0 ? NO_COMMUNE : c;
    this.wageMin[slot] = job.wageMinVnd;
    this.wageMax[slot] = job.wageMaxVnd;
    this.minimumAge[slot] = Math.min(255, job.minimumAge ?? 0);
    this.physical[slot] = job.physicalDemands ? (PHYSICAL[job.physicalDemands as PhysicalLevel] ?? 0) : 0;
    this.startDay[slot] = optionalDay(job.seasonStart ?? job.startsOn, NO_DAY);
    this.endDay[slot] = optionalDay(job.seasonEnd, FOREVER);
    this.closesAt[slot] = job.closesAt ? Date.parse(job.closesAt.length === 10 ? `${job.closesAt}T23:59:59+07:00` : job.closesAt) : Infinity;
    this.required.fill(0, slot * W, slot * W + W);
    this.nice.fill(0, slot * W, slot * W + W);
    for (const slug of job.skills) this.setSkill(this.required, slot, slug);
    for (const slug of job.niceToHaveSkills ?? []) this.setSkill(this.nice, slot, slug);
    this.requiredCount[slot] = bitCount(this.required, slot * W, W);
    this.niceCount[slot] = bitCount(this.nice, slot * W, W);
    this.computeStatic(slot);
  }

  private setSkill(bits: Uint32Array, slot: number, slug: string): void {
    const id = this.vocab.skills.intern(slug);
    if (id >= 0) setBit(bits, slot * this.vocab.skillWords, id);
  }

  private computeStatic(slot: number): void {
    const facts = {
      requiredTotal: this.requiredCount[slot]!,
      niceTotal: this.niceCount[slot]!,
      stable: (this.state[slot]! & JOB.stable) !== 0,
      wageMinVnd: this.wageMin[slot]!,
      wageMaxVnd: this.wageMax[slot]!,
      accommodation: (this.state[slot]! & JOB.accommodation) !== 0,
    };
    for (let variant = 0; variant < VARIANTS; variant++) {
      this.staticPoints[slot * VARIANTS + variant] = staticJobPoints(this.weights, facts, (variant & 1) !== 0, (variant & 2) !== 0);
    }
  }

  private index(slot: number): void {
    if (!this.isOpen(slot)) return;
    const p = this.province[slot]!;
    this.byProvince.add(p, slot);
    this.byCommune.add(this.commune[slot]!, slot);
    const gain = allSkillsGain(this.weights, this.requiredCount[slot]!, this.niceCount[slot]!);
    this.forEachSkill(slot, (skill, required) => {
      const at = p * this.vocab.skillWords * 32 + skill;
      for (let variant = 0; variant < VARIANTS; variant++) {
        this.byProvinceSkill.add(at * VARIANTS + variant, slot, this.staticPoints[slot * VARIANTS + variant]! + gain);
      }
      if (required) this.demand[at]! += 1;
    });
    this.maxMinimumAge[p] = Math.max(this.maxMinimumAge[p]!, this.minimumAge[slot]!);
    this.maxPhysical[p] = Math.max(this.maxPhysical[p]!, this.physical[slot]!);
    for (let variant = 0; variant < VARIANTS; variant++) {
      const at = p * VARIANTS + variant;
      this.maxStatic[at] = Math.max(this.maxStatic[at]!, this.staticPoints[slot * VARIANTS + variant]!);
    }
  }

  private unindex(slot: number): void {
    if (!this.isOpen(slot)) return;
    const p = this.province[slot]!;
    this.byProvince.remove(p, slot);
    this.byCommune.remove(this.commune[slot]!, slot);
    this.forEachSkill(slot, (skill, required) => {
      const at = p * this.vocab.skillWords * 32 + skill;
      for (let variant = 0; variant < VARIANTS; variant++) this.byProvinceSkill.remove(at * VARIANTS + variant, slot);
      if (required) this.demand[at]! -= 1;
    });
  }

  /** Each skill of the job once: required ones flagged, nice-to-have ones not also required. */
  private forEachSkill(slot: number, visit: (skill: number, required: boolean) => void): void {
    const W = this.vocab.skillWords;
    for (let w = 0; w < W; w++) {
      const req = this.required[slot * W + w]!;
      let bits = req | this.nice[slot * W + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        visit(w * 32 + 31 - Math.clz32(low), (req & low) !== 0);
        bits ^= low;
      }
    }
  }

  private ensure(jobId: string): number {
    const known = this.slots.get(jobId);
    if (known !== undefined) return known;
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const slot = this.size++;
    this.slots.set(jobId, slot);
    this.ids[slot] = jobId;
    this.titles[slot] = '';
    return slot;
  }

  private grow(capacity: number): void {
    const W = this.vocab.skillWords;
    for (const key of ['state', 'status', 'org', 'occupation', 'province', 'commune', 'wageMin', 'wageMax', 'minimumAge', 'physical', 'startDay', 'endDay', 'closesAt', 'requiredCount', 'niceCount'] as const) {
      (this as Record<typeof key, unknown>)[key] = grown(this[key], capacity);
    }
    const version = grown(this.version, capacity);
    version.fill(-Infinity, this.capacity);
    this.version = version;
    this.required = grown(this.required, capacity * W);
    this.nice = grown(this.nice, capacity * W);
    this.staticPoints = grown(this.staticPoints, capacity * VARIANTS);
    this.capacity = capacity;
  }
}
