import { randomUUID } from 'node:crypto';
import {
  applicationStatusChangedV1,
  certificateIssuedV1,
  employmentCheckedV1,
  enrolmentStatusChangedV1,
  jobPostedV1,
  loanApplicationStatusChangedV1,
  milestoneReachedV1,
  referralCreatedV1,
  referralStatusChangedV1,
  returneeRegisteredV1,
  type EventDefinition,
  type JobPostedV1,
  type ReturneeRegisteredV1,
} from '@hoanhap/contracts';

export const A = '16681'; // Phường Thành Vinh, province 40
export const B = '16690'; // Phường Trường Vinh, province 40
export const HANOI = '00004'; // province 01: must never appear in province 40's figures

type Kind = ReturneeRegisteredV1['releaseKind'];
interface Person {
  id: string;
  province: string;
  commune: string;
  kind: Kind;
  registeredOn: string;
  hire?: { type: 'stable' | 'seasonal'; on: string; stillAt3?: boolean };
  training?: { enrolledOn: string; certifiedOn?: string };
  loan?: { amountVnd: number; approvedOn: string; disbursedOn?: string };
  cleared?: string;
  idCard?: string;
}

const person = (province: string, commune: string, kind: Kind, registeredOn: string, rest: Partial<Person> = {}): Person => ({
  id: randomUUID(),
  province,
  commune,
  kind,
  registeredOn,
  ...rest,
});

/** The people of the test, as plain facts: the expected figures are counted from this list, not from events. */
export const PEOPLE: Person[] = [
  person('40', A, 'completed', '2026-02-03', { hire: { type: 'stable', on: '2026-03-01', stillAt3: true }, idCard: '2026-02-10' }),
  person('40', A, 'amnesty', '2026-02-15', { hire: { type: 'seasonal', on: '2026-04-01' }, cleared: '2026-05-05' }),
  person('40', A, 'completed', '2026-03-20', { training: { enrolledOn: '2026-04-01', certifiedOn: '2026-06-01' } }),
  person('40', A, 'conditional', '2025-11-20', { loan: { amountVnd: 50_000_000, approvedOn: '2026-03-10', disbursedOn: '2026-03-20' } }),
  person('40', B, 'completed', '2026-04-11', { hire: { type: 'stable', on: '2026-05-02' }, loan: { amountVnd: 30_000_000, approvedOn: '2026-05-10' } }),
  person('40', B, 'suspended', '2026-05-30', { training: { enrolledOn: '2026-06-02' }, cleared: '2026-06-20' }),
  person('01', HANOI, 'completed', '2026-03-01', { hire: { type: 'stable', on: '2026-03-05' }, loan: { amountVnd: 90_000_000, approvedOn: '2026-03-06', disbursedOn: '2026-03-07' } }),
];

const inside = (on: string | undefined, from: string, to: string) => on !== undefined && on >= from && on <= to;

/** The provinces' table counted by hand from PEOPLE: one row per commune with anything, and the total. */
export function expectedRows(province: string, from: string, to: string) {
  const people = PEOPLE.filter((p) => p.province === province);
  const row = (group: Person[]) => ({
    returnees: group.filter((p) => inside(p.registeredOn, from, to)).length,
    stableWork: group.filter((p) => p.hire?.type === 'stable' && inside(p.hire.on, from, to)).length,
    seasonalWork: group.filter((p) => p.hire?.type === 'seasonal' && inside(p.hire.on, from, to)).length,
    inTraining: group.filter((p) => inside(p.training?.enrolledOn, from, to)).length,
    certified: group.filter((p) => inside(p.training?.certifiedOn, from, to)).length,
    loansApproved: group.filter((p) => inside(p.loan?.approvedOn, from, to)).length,
    amountDisbursedVnd: group.filter((p) => inside(p.loan?.disbursedOn, from, to)).reduce((s, p) => s + p.loan!.amountVnd, 0),
    recordsCleared: group.filter((p) => inside(p.cleared, from, to)).length,
  });
  const communes = [...new Set(people.map((p) => p.commune))].sort();
  const rows = communes.map((c) => ({ communeCode: c, ...row(people.filter((p) => p.commune === c)) }));
  return { rows: rows.filter((r) => Object.values(r).some((v) => typeof v === 'number' && v > 0)), total: { communeCode: null, ...row(people) } };
}

export interface Published<P = unknown> {
  definition: EventDefinition<P>;
  payload: P;
  key: string;
}
const ev = <P>(definition: EventDefinition<P>, payload: P, key: string): Published => ({ definition, payload, key }) as Published;
const at = (day: string) => `${day}T09:00:00.000Z`;

/** The contract events the other services would publish for PEOPLE. */
export function scenarioEvents(): Published[] {
  const events: Published[] = [];
  for (const p of PEOPLE) {
    const place = { provinceCode: p.province, communeCode: p.commune };
    const returneeId = p.id;
    events.push(ev(returneeRegisteredV1, { returneeId, ...place, releaseKind: p.kind, releaseMonth: p.registeredOn.slice(0, 7), registeredAt: at(p.registeredOn) }, returneeId));
    if (p.idCard) events.push(ev(milestoneReachedV1, { returneeId, milestone: 'id-card', on: p.idCard, ...place }, returneeId));
    if (p.cleared) events.push(ev(milestoneReachedV1, { returneeId, milestone: 'record-cleared', on: p.cleared, ...place }, returneeId));
    if (p.hire) events.push(...hireEvents(returneeId, place, p.hire));
    if (p.training) events.push(...trainingEvents(returneeId, p.training));
    if (p.loan) events.push(...loanEvents(returneeId, p.loan));
  }
  return events;
}

export function job(place: { provinceCode: string; communeCode: string }, employmentType: 'stable' | 'seasonal'): JobPostedV1 {
  return {
    jobId: randomUUID(), employerOrgId: 'org-employer-1', title: 'Thợ hàn', occupationCode: '7212', skills: ['welding'], niceToHaveSkills: [],
    ...place, employmentType, openings: 3, filled: 0, wageMinVnd: 6_000_000, wageMaxVnd: 9_000_000, accommodation: false,
    stateAgency: false, status: 'open', verifiedEmployer: true,
  };
}

function hireEvents(returneeId: string, place: { provinceCode: string; communeCode: string }, hire: NonNullable<Person['hire']>): Published[] {
  const posted = { ...job(place, hire.type), updatedAt: at(hire.on) };
  const referralId = randomUUID();
  const applicationId = randomUUID();
  const target = { kind: 'job' as const, id: posted.jobId };
  const common = { applicationId, referralId, jobId: posted.jobId, employerOrgId: posted.employerOrgId, returneeId, employmentType: hire.type };
  const events = [
    ev(jobPostedV1, posted, posted.jobId),
    ev(referralCreatedV1, { referralId, returneeId, target, officerId: 'officer-40', ...place, createdAt: at(hire.on) }, referralId),
    ev(applicationStatusChangedV1, { ...common, status: 'interview', at: at(hire.on) }, applicationId),
    ev(applicationStatusChangedV1, { ...common, status: 'hired', startDate: hire.on, at: at(hire.on) }, applicationId),
    ev(referralStatusChangedV1, { referralId, returneeId, target, status: 'succeeded', sideStatus: 'hired', at: at(hire.on), daysToAnswer: 4 }, referralId),
  ];
  if (hire.stillAt3 !== undefined) {
    const on = `2026-0${Number(hire.on.slice(5, 7)) + 3}-01`;
    events.push(ev(employmentCheckedV1, { applicationId, returneeId, jobId: posted.jobId, employerOrgId: posted.employerOrgId, monthsAfterHire: 3, stillEmployed: hire.stillAt3, on }, applicationId));
  }
  return events;
}

function trainingEvents(returneeId: string, training: NonNullable<Person['training']>): Published[] {
  const enrolmentId = randomUUID();
  const cohortId = randomUUID();
  const events = [ev(enrolmentStatusChangedV1, { enrolmentId, cohortId, returneeId, status: 'enrolled', at: at(training.enrolledOn) }, enrolmentId)];
  if (training.certifiedOn) {
    events.push(ev(enrolmentStatusChangedV1, { enrolmentId, cohortId, returneeId, status: 'completed', at: at(training.certifiedOn) }, enrolmentId));
    const certificateId = randomUUID();
    events.push(ev(certificateIssuedV1, { certificateId, returneeId, cohortId, number: 'CC-0001', skills: ['welding'], occupationCode: '7212', issuedOn: training.certifiedOn }, returneeId));
  }
  return events;
}

function loanEvents(returneeId: string, loan: NonNullable<Person['loan']>): Published[] {
  const applicationId = randomUUID();
  const base = { applicationId, returneeId, borrowerKind: 'individual' as const, purpose: 'production' as const, amountVnd: loan.amountVnd };
  const events = [
    ev(loanApplicationStatusChangedV1, { ...base, status: 'submitted', at: at(loan.approvedOn) }, applicationId),
    ev(loanApplicationStatusChangedV1, { ...base, status: 'approved', previousStatus: 'submitted', at: at(loan.approvedOn) }, applicationId),
  ];
  if (loan.disbursedOn) events.push(ev(loanApplicationStatusChangedV1, { ...base, status: 'disbursed', previousStatus: 'approved', at: at(loan.disbursedOn) }, applicationId));
  return events;
}
