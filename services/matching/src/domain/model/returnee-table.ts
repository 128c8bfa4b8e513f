import { dayOf, NO_DAY, optionalDay } from '../calendar';
import { lastRestrictedDay, physicalCapacity, type PhysicalLevel, type Restrictions } from '../exclusions.rules';
import { isBusinessGoal } from '../scoring/credit-score.rules';
import { PostingIndex } from '../indexes/posting-list';
import { grown } from './columns';
import type { CertificateFacts, ProfileFacts, RestrictionFacts, TransferFacts } from './facts';
import { compileRestrictions } from './restrictions.compile';
import { setBit } from './skill-bits';
import { NO_COMMUNE, NO_PROVINCE, type Vocabulary } from './vocabulary';

export const STATE = Object.freeze({ profile: 1, discoverable: 2, named: 4, bank: 8, bankEligible: 16 });
/** The two low bits (prefers stable work, needs housing) are the person's preference variant (0–3). */
export const PREF = Object.freeze({ stable: 1, housing: 2, job: 4, training: 8, loan: 16, businessGoal: 32 });
const VARIANTS = 4;

/**
 * Returnees as columns (one slot per returneeId): pseudonymous facts with matching consent, interned and
 * packed so that 250,000 people fit in tens of megabytes, plus the restrictions of those who have any.
 * Discoverable people are also indexed for the candidates search by commune, and by province × preference
 * variant (× skill): a job scores people of one variant alike on stability and housing, so a whole list can
 * be skipped on one upper bound.
 * A revision older than the one held is ignored (events can be redelivered or replayed).
 */
export class ReturneeTable {
  size = 0;
  ids: string[] = [];
  givenNames: (string | null)[] = [];
  profileRevision: Uint32Array;
  restrictionRevision: Uint32Array;
  state: Uint8Array;
  province: Uint8Array;
  commune: Uint16Array;
  age: Uint8Array;
  physical: Uint8Array;
  prefs: Uint8Array;
  availableFrom: Int32Array;
  creditWindowEnd: Int32Array;
  skills: Uint32Array;
  restrictions = new Map<number, Restrictions>();
  /**
   * Per slot, the last day any of its restrictions applies (NO_DAY: none): the searches read this column and
   * look in the map only for the few people still restricted today, not for each candidate they consider.
   */
  restrictedUntil: Int32Array;
  /** Certificates colleges reported that the last profile revision did not list yet. */
  collegeCertificates = new Map<number, { certificateId: string; skills: number[] }[]>();
  /** Key ((province × skills) + skill) × 4 + variant. */
  byProvinceSkill: PostingIndex;
  /** Key province × 4 + variant. */
  byProvince = new PostingIndex((NO_PROVINCE + 1) * VARIANTS);
  byCommune = new PostingIndex(NO_COMMUNE + 1);
  private slots = new Map<string, number>();

  constructor(
    readonly vocab: Vocabulary,
    public capacity = 1024,
  ) {
    const W = vocab.skillWords;
    this.profileRevision = new Uint32Array(capacity);
    this.restrictionRevision = new Uint32Array(capacity);
    this.restrictedUntil = new Int32Array(capacity).fill(NO_DAY);
    this.state = new Uint8Array(capacity);
    this.province = new Uint8Array(capacity);
    this.commune = new Uint16Array(capacity);
    this.age = new Uint8Array(capacity);
    this.physical = new Uint8Array(capacity);
    this.prefs = new Uint8Array(capacity);
    this.availableFrom = new Int32Array(capacity);
    this.creditWindowEnd = new Int32Array(capacity);
    this.skills = new Uint32Array(capacity * W);
    this.byProvinceSkill = new PostingIndex((NO_PROVINCE + 1) * W * 32 * VARIANTS);
  }

  slotOf(returneeId: string): number {
    return this.slots.get(returneeId) ?? -1;
  }

  has(slot: number, flag: number): boolean {
    return (this.state[slot]! & flag) !== 0;
  }

  /** Applies a profile revision; a revision without the matching section drops every fact held. */
  applyProfile(f: ProfileFacts): boolean {
    const slot = this.ensure(f.returneeId);
    if (f.revision <= this.profileRevision[slot]!) return false;
    this.unindex(slot);
    this.profileRevision[slot] = f.revision;
    this.clearFacts(slot);
    const m = f.matching;
    if (!f.consent.matching || !m) {
      this.collegeCertificates.delete(slot);
      return true;
    }
    const v = this.vocab;
    let state = STATE.profile;
    if (f.consent.discoverable) state |= STATE.discoverable;
    if (f.employerView && f.consent.shareWithEmployers) {
      state |= STATE.named;
      this.givenNames[slot] = f.employerView.givenName;
    }
    if (f.bankView) {
      state |= STATE.bank | (f.bankView.releaseKindEligible ? STATE.bankEligible : 0);
      this.creditWindowEnd[slot] = dayOf(f.bankView.creditWindowEndsOn);
    }
    this.state[slot] = state;
    this.place(slot, m.provinceCode, m.communeCode);
    this.age[slot] = Math.min(255, m.ageYears);
    this.physical[slot] = physicalCapacity(m.ageYears, m.needs, m.physicalCapacity as PhysicalLevel | undefined);
    this.prefs[slot] = prefsOf(m);
    this.availableFrom[slot] = optionalDay(m.availableFrom);
    const listed = new Set<string>();
    for (const slug of m.skills) this.addSkill(slot, slug);
    for (const c of m.certificates) {
      if (c.certificateId) listed.add(c.certificateId);
      for (const slug of c.skills) this.addSkill(slot, slug);
    }
    const pending = (this.collegeCertificates.get(slot) ?? []).filter((c) => !listed.has(c.certificateId));
    for (const c of pending) for (const id of c.skills) setBit(this.skills, slot * v.skillWords, id);
    if (pending.length > 0) this.collegeCertificates.set(slot, pending);
    else this.collegeCertificates.delete(slot);
    this.index(slot);
    return true;
  }

  applyRestrictions(r: RestrictionFacts): boolean {
    const slot = this.ensure(r.returneeId);
    if (r.revision <= this.restrictionRevision[slot]!) return false;
    this.restrictionRevision[slot] = r.revision;
    this.setRestrictions(slot, compileRestrictions(this.vocab, r));
    return true;
  }

  /** A slot's compiled restrictions (undefined: none), in the map and in `restrictedUntil`. */
  setRestrictions(slot: number, compiled: Restrictions | undefined): void {
    if (compiled) this.restrictions.set(slot, compiled);
    else this.restrictions.delete(slot);
    this.restrictedUntil[slot] = compiled ? lastRestrictedDay(compiled) : NO_DAY;
  }

  /** A certificate's skills count at once; kept only while matching consent holds. */
  addCertificate(c: CertificateFacts): boolean {
    const slot = this.slotOf(c.returneeId);
    if (slot < 0 || !this.has(slot, STATE.profile)) return false;
    const held = this.collegeCertificates.get(slot) ?? [];
    if (held.some((h) => h.certificateId === c.certificateId)) return false;
    this.unindex(slot);
    const ids = c.skills.map((slug) => this.vocab.skills.intern(slug)).filter((id) => id >= 0);
    for (const id of ids) setBit(this.skills, slot * this.vocab.skillWords, id);
    this.collegeCertificates.set(slot, [...held, { certificateId: c.certificateId, skills: ids }]);
    this.index(slot);
    return true;
  }

  /** A move accepted by the receiving officer; ignored unless the person is where the move starts. */
  transfer(t: TransferFacts): boolean {
    const slot = this.slotOf(t.returneeId);
    if (slot < 0 || !this.has(slot, STATE.profile)) return false;
    const v = this.vocab;
    if (this.province[slot] !== v.provinces.find(t.from.provinceCode) || this.commune[slot] !== v.communes.find(t.from.communeCode)) return false;
    this.unindex(slot);
    this.place(slot, t.to.provinceCode, t.to.communeCode);
    this.index(slot);
    return true;
  }

  /** Rebuilds the slot map and indexes after a snapshot restored the columns. */
  reindexAll(): void {
    this.slots = new Map(this.ids.map((id, slot) => [id, slot]));
    this.byProvinceSkill = new PostingIndex(this.byProvinceSkill.size);
    this.byProvince = new PostingIndex((NO_PROVINCE + 1) * VARIANTS);
    this.byCommune = new PostingIndex(NO_COMMUNE + 1);
    for (let slot = 0; slot < this.size; slot++) this.index(slot);
  }

  private place(slot: number, provinceCode: string, communeCode: string): void {
    const p = this.vocab.provinces.intern(provinceCode);
    const c = this.vocab.communes.intern(communeCode);
    this.province[slot] = p < 0 ? NO_PROVINCE : p;
    this.commune[slot] = c < 0 ? NO_COMMUNE : c;
  }

  private addSkill(slot: number, slug: string): void {
    const id = this.vocab.skills.intern(slug);
    if (id >= 0) setBit(this.skills, slot * this.vocab.skillWords, id);
  }

  private clearFacts(slot: number): void {
    const W = this.vocab.skillWords;
    this.state[slot] = 0;
    this.givenNames[slot] = null;
    this.skills.fill(0, slot * W, slot * W + W);
    this.province[slot] = NO_PROVINCE;
    this.commune[slot] = NO_COMMUNE;
    this.age[slot] = this.physical[slot] = this.prefs[slot] = 0;
    this.availableFrom[slot] = this.creditWindowEnd[slot] = NO_DAY;
  }

  private index(slot: number): void {
    if (!this.has(slot, STATE.discoverable)) return;
    this.forEachKey(slot, (index, key) => index.add(key, slot));
  }

  private unindex(slot: number): void {
    if (!this.has(slot, STATE.discoverable)) return;
    this.forEachKey(slot, (index, key) => index.remove(key, slot));
  }

  private forEachKey(slot: number, visit: (index: PostingIndex, key: number) => void): void {
    const W = this.vocab.skillWords;
    const p = this.province[slot]!;
    const variant = this.prefs[slot]! & 3;
    visit(this.byProvince, p * VARIANTS + variant);
    visit(this.byCommune, this.commune[slot]!);
    for (let w = 0; w < W; w++) {
      let bits = this.skills[slot * W + w]!;
      while (bits !== 0) {
        const low = bits & -bits;
        visit(this.byProvinceSkill, (p * W * 32 + w * 32 + 31 - Math.clz32(low)) * VARIANTS + variant);
        bits ^= low;
      }
    }
  }

  private ensure(returneeId: string): number {
    const known = this.slots.get(returneeId);
    if (known !== undefined) return known;
    if (this.size === this.capacity) this.grow(this.capacity * 2);
    const slot = this.size++;
    this.slots.set(returneeId, slot);
    this.ids[slot] = returneeId;
    this.givenNames[slot] = null;
    this.clearFacts(slot);
    return slot;
  }

  private grow(capacity: number): void {
    const W = this.vocab.skillWords;
    this.profileRevision = grown(this.profileRevision, capacity);
    this.restrictionRevision = grown(this.restrictionRevision, capacity);
    this.restrictedUntil = grown(this.restrictedUntil, capacity);
    this.restrictedUntil.fill(NO_DAY, this.size);
    this.state = grown(this.state, capacity);
    this.province = grown(this.province, capacity);
    this.commune = grown(this.commune, capacity);
    this.age = grown(this.age, capacity);
    this.physical = grown(this.physical, capacity);
    this.prefs = grown(this.prefs, capacity);
    this.availableFrom = grown(this.availableFrom, capacity);
    this.creditWindowEnd = grown(this.creditWindowEnd, capacity);
    this.skills = grown(this.skills, capacity * W);
    this.capacity = capacity;
  }
}

function prefsOf(m: NonNullable<ProfileFacts['matching']>): number {
  let prefs = 0;
  if (m.prefersStable) prefs |= PREF.stable;
  if (m.needsHousing || m.needs.includes('housing')) prefs |= PREF.housing;
  if (m.needs.includes('job')) prefs |= PREF.job;
  if (m.needs.includes('training')) prefs |= PREF.training;
  if (m.needs.includes('loan')) prefs |= PREF.loan;
  if (m.goal && isBusinessGoal(m.goal)) prefs |= PREF.businessGoal;
  return prefs;
}
