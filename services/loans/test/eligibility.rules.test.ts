import { checkEligibility } from '../src/domain/eligibility/eligibility.rules';
import type { CheckedFields, EligibilityInput, ReturneeFacts } from '../src/domain/eligibility/eligibility.types';
import { DECISION_22_2023 } from '../src/domain/policy/decision-22-2023.policy';
import { productFor } from '../src/domain/policy/credit-policies';
import type { LoanPurpose } from '../src/domain/policy/credit-policy.types';

const returnee: ReturneeFacts = { returneeId: 'r', revision: 1, shareWithBank: true, provinceCode: '40', communeCode: '16681', creditWindowEndsOn: '2028-09-01', releaseKindEligible: true };
const form01 = { form: '01' as const, number: '1/XN', issuedOn: '2026-01-01', communeCode: '16681' };
const form02 = { form: '02' as const, number: '2/XN', issuedOn: '2026-01-01', communeCode: '16681' };

function check(purpose: LoanPurpose, fields: Partial<CheckedFields>, extra: Partial<EligibilityInput> = {}) {
  const product = productFor(DECISION_22_2023, purpose)!;
  const application: CheckedFields = {
    borrowerKind: product.borrowerKind,
    purpose,
    amountVnd: 50_000_000,
    termMonths: 36,
    confirmation: purpose === 'business' ? form02 : form01,
    ...(purpose === 'business' ? { staffCount: 20, qualifyingEmployees: 2 } : {}),
    ...fields,
  };
  return checkEligibility({ policy: DECISION_22_2023, product, today: '2026-03-02', application, returnee, outstandingSamePurpose: [], ...extra });
}
const rules = (result: ReturnType<typeof check>) => result.failures.map((f) => f.rule);

describe('amount caps (Decision 22/2023/QĐ-TTg, loan amounts)', () => {
  it('when a production loan asks exactly 100,000,000 VND, then it passes; 100,000,001 fails amount-cap', () => {
    expect(rules(check('production', { amountVnd: 100_000_000 }))).not.toContain('amount-cap');
    const over = check('production', { amountVnd: 100_000_001 });
    expect(rules(over)).toContain('amount-cap');
    expect(over.failures.find((f) => f.rule === 'amount-cap')!.source).toMatch(/Decision 22\/2023/);
  });
  it('when a training loan asks 4,000,000 VND per month of a 6-month course, then 24,000,000 passes and 24,000,001 fails', () => {
    expect(rules(check('training', { amountVnd: 24_000_000, courseMonths: 6, termMonths: 12 }))).toEqual([]);
    expect(rules(check('training', { amountVnd: 24_000_001, courseMonths: 6, termMonths: 12 }))).toEqual(['amount-cap']);
  });
  it('when a business asks 2,000,000,000 VND for one project with 20 qualifying employees, then it passes; one VND more fails', () => {
    const security = { kind: 'land-use-right' as const, description: 'Sổ đỏ thửa 12' };
    expect(rules(check('business', { amountVnd: 2_000_000_000, staffCount: 100, qualifyingEmployees: 20, security }))).toEqual([]);
    expect(rules(check('business', { amountVnd: 2_000_000_001, staffCount: 100, qualifyingEmployees: 20, security }))).toEqual(['amount-cap', 'per-employee-cap']);
  });
  it('when a business asks more than 100,000,000 VND per qualifying employee, then per-employee-cap fails', () => {
    const security = { kind: 'deposit' as const, description: 'Sổ tiết kiệm' };
    expect(rules(check('business', { amountVnd: 300_000_000, staffCount: 30, qualifyingEmployees: 3, security }))).toEqual([]);
    expect(rules(check('business', { amountVnd: 300_000_001, staffCount: 30, qualifyingEmployees: 3, security }))).toEqual(['per-employee-cap']);
  });
});

describe('term caps (Decision 22/2023/QĐ-TTg Art. 8)', () => {
  it('when the term is 120 months, then it passes; 121 fails term-cap', () => {
    expect(rules(check('production', { termMonths: 120 }))).toEqual([]);
    expect(rules(check('production', { termMonths: 121 }))).toEqual(['term-cap']);
  });
  it('when a training loan is shorter than its course, then term-cap fails', () => {
    expect(rules(check('training', { amountVnd: 8_000_000, courseMonths: 6, termMonths: 5 }))).toEqual(['term-cap']);
  });
});

describe('the 5-year window after release (Decision 22/2023/QĐ-TTg Art. 3(2)(a))', () => {
  const on = (today: string) => rules(check('production', {}, { today, returnee: { ...returnee, creditWindowEndsOn: '2026-03-02' } }));
  it('when the application is made the day before the window ends, then it passes', () => expect(on('2026-03-01')).toEqual([]));
  it('when it is made on the last day of the window, then it passes', () => expect(on('2026-03-02')).toEqual([]));
  it('when it is made the day after the window ended, then credit-window fails', () => expect(on('2026-03-03')).toEqual(['credit-window']));
});

describe('completed sentence or amnesty, residence (Decision 22/2023/QĐ-TTg Art. 3(1)(a), 3(2)(a) Form 01)', () => {
  it('when cases says the release kind does not qualify, then release-kind fails', () => {
    expect(rules(check('production', {}, { returnee: { ...returnee, releaseKindEligible: false } }))).toEqual(['release-kind']);
  });
  it('when there is no Form 01, or it comes from another commune, then commune-confirmation fails', () => {
    expect(rules(check('production', { confirmation: undefined }))).toEqual(['commune-confirmation']);
    expect(rules(check('production', { confirmation: { ...form01, communeCode: '17662' } }))).toEqual(['commune-confirmation']);
    expect(rules(check('production', { confirmation: form02 }))).toEqual(['commune-confirmation']);
  });
  it('when the consent is missing, then only bank-consent is reported (the other facts are unknown)', () => {
    expect(rules(check('production', {}, { returnee: undefined }))).toEqual(['bank-consent']);
  });
});

describe('the 10% staff rule (Decision 22/2023/QĐ-TTg Art. 3(2)(b))', () => {
  it('when 10 of 100 staff qualify, then it passes; 9 of 100 fails qualifying-staff-share', () => {
    expect(rules(check('business', { staffCount: 100, qualifyingEmployees: 10 }))).toEqual([]);
    expect(rules(check('business', { staffCount: 100, qualifyingEmployees: 9 }))).toEqual(['qualifying-staff-share']);
  });
  it('when 1 of 10 qualifies (exactly 10%), then it passes; 1 of 11 fails', () => {
    expect(rules(check('business', { staffCount: 10, qualifyingEmployees: 1 }))).toEqual([]);
    expect(rules(check('business', { staffCount: 11, qualifyingEmployees: 1 }))).toEqual(['qualifying-staff-share']);
  });
  it('when more employees qualify than there are staff, then it fails', () => {
    expect(rules(check('business', { staffCount: 2, qualifyingEmployees: 3 }))).toContain('qualifying-staff-share');
  });
});

describe('security above 100 million VND and no outstanding loan (Decision 22/2023/QĐ-TTg, Art. 3(3))', () => {
  it('when a business borrows 100,000,000 VND, then no security is needed; 100,000,001 needs it', () => {
    expect(rules(check('business', { amountVnd: 100_000_000 }))).toEqual([]);
    expect(rules(check('business', { amountVnd: 100_000_001, staffCount: 20, qualifyingEmployees: 2 }))).toEqual(['loan-security']);
  });
  it('when the borrower already has an outstanding loan for the same purpose, then no-outstanding-loan fails', () => {
    expect(rules(check('production', {}, { outstandingSamePurpose: ['a-1'] }))).toEqual(['no-outstanding-loan']);
  });
  it('when everything fails at once, then every failure is reported, each with its source', () => {
    const result = check('production', { amountVnd: 150_000_000, termMonths: 200, confirmation: undefined }, { today: '2029-01-01', outstandingSamePurpose: ['x'], returnee: { ...returnee, releaseKindEligible: false } });
    expect(rules(result)).toEqual(['release-kind', 'credit-window', 'commune-confirmation', 'amount-cap', 'term-cap', 'no-outstanding-loan', 'loan-security']);
    for (const failure of result.failures) expect(failure.source).toBeTruthy();
  });
});
