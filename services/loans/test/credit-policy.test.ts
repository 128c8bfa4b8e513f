import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLoansConfig, loadPolicies } from '../src/config';
import { monthlyRatePpm, policyOn } from '../src/domain/policy/credit-policies';
import { DECISION_22_2023 } from '../src/domain/policy/decision-22-2023.policy';

describe('the credit policy is dated configuration (a new decision changes data, not code)', () => {
  it('when a later policy is supplied in LOANS_POLICY_FILE, then it applies from its effective date and the old one before it', () => {
    const next = { ...DECISION_22_2023, id: 'rate-2027', effectiveFrom: '2027-01-01', monthlyRatePercent: { value: 0.6, source: 'a later rate decision' } };
    const file = join(mkdtempSync(join(tmpdir(), 'loans-policy-')), 'policies.json');
    writeFileSync(file, JSON.stringify([next]));
    const policies = loadPolicies(loadLoansConfig({ LOANS_POLICY_FILE: file }));
    expect(policyOn(policies, '2026-12-31')?.id).toBe('decision-22-2023');
    expect(policyOn(policies, '2027-01-01')?.id).toBe('rate-2027');
    expect(monthlyRatePpm(policyOn(policies, '2027-06-01')!)).toBe(6000n);
    expect(policyOn(policies, '2023-10-09')).toBeUndefined();
  });

  it('when the policy file is not a list of dated policies, or the branch map is malformed, then the service refuses to start', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'loans-policy-')), 'bad.json');
    writeFileSync(file, JSON.stringify([{ products: [] }]));
    expect(() => loadPolicies(loadLoansConfig({ LOANS_POLICY_FILE: file }))).toThrow(/effectiveFrom/);
    expect(() => loadLoansConfig({ LOANS_BRANCH_BY_PROVINCE: '{"4": "x"}' })).toThrow(/LOANS_BRANCH_BY_PROVINCE/);
    expect(loadLoansConfig({ LOANS_BRANCH_BY_PROVINCE: '{"40": "org-bank-40"}' }).branchByProvince).toEqual({ '40': 'org-bank-40' });
  });

  it('when Decision 22/2023 is read, then every figure carries its source', () => {
    const figures = [
      DECISION_22_2023.monthlyRatePercent,
      DECISION_22_2023.overdueRatePercentOfRate,
      DECISION_22_2023.creditWindowYears,
      DECISION_22_2023.securityRequiredAboveVnd,
      DECISION_22_2023.decisionTargetWorkingDays,
      ...DECISION_22_2023.products.flatMap((p) => [p.maxAmountVnd, p.maxTermMonths, p.confirmationForm, p.lending]),
    ];
    for (const figure of figures) expect(figure.source).toMatch(/Decision 22\/2023\/QĐ-TTg/);
    expect(DECISION_22_2023.products.map((p) => [p.code, p.maxAmountVnd.value, p.maxTermMonths.value])).toEqual([
      ['d22-production', 100_000_000, 120],
      ['d22-training', 4_000_000, 120],
      ['d22-business', 2_000_000_000, 120],
    ]);
  });
});
