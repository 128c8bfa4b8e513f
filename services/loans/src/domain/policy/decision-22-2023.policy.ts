import type { CreditPolicy } from './credit-policy.types';

// Article numbers checked against published summaries of the text (lawnet.vn, luatvietnam.vn, VBSP news):
// Art. 3 (subjects and conditions), Art. 4 (lending method), Art. 8 (term), Art. 9 (interest). The amounts and
// the security threshold are quoted by every summary but their article numbers were not verified against the
// Official Gazette text, so they name the clause by its subject. See README "Legal figures".
const D22 = 'Decision 22/2023/QĐ-TTg (17/8/2023, in force 10/10/2023)';

/** Credit for people who have completed a prison sentence, and for establishments employing them. */
export const DECISION_22_2023: CreditPolicy = {
  id: 'decision-22-2023',
  titleVi: 'Quyết định 22/2023/QĐ-TTg về tín dụng đối với người chấp hành xong án phạt tù',
  titleEn: 'Decision 22/2023/QĐ-TTg on credit for persons who have completed their prison sentences',
  effectiveFrom: '2023-10-10',
  monthlyRatePercent: {
    value: 0.55,
    source: `${D22} Art. 9(1): the poor-household rate, which is 0.55 %/month (6.6 %/year) since Decision 750/QĐ-TTg (1/6/2015)`,
  },
  overdueRatePercentOfRate: { value: 130, source: `${D22} Art. 9(2)` },
  creditWindowYears: { value: 5, source: `${D22} Art. 3(2)(a)` },
  securityRequiredAboveVnd: { value: 100_000_000, source: `${D22}, loan security: borrowing above 100 million VND requires security` },
  decisionTargetWorkingDays: { value: 3, source: `${D22}, procedure: VBSP decides within 3 working days of a complete file (ARCHITECTURE §4)` },
  noOutstandingSamePurpose: { value: true, source: `${D22} Art. 3(3)` },
  householdRepresentative: { value: true, source: `${D22} Art. 4: the household representative borrows, the returnee only when no member is an adult with capacity` },
  entrustedOrganisations: ['hoi-nong-dan', 'hoi-phu-nu', 'doan-thanh-nien', 'hoi-cuu-chien-binh'],
  schedule: { method: 'equal-principal', interestBasis: 'actual-days-30', instalmentEveryMonths: 1 },
  products: [
    {
      code: 'd22-production',
      purpose: 'production',
      borrowerKind: 'individual',
      titleVi: 'Cho vay sản xuất, kinh doanh, tạo việc làm (người chấp hành xong án phạt tù)',
      titleEn: 'Production, business and job-creation loan (person who completed a sentence)',
      maxAmountVnd: { value: 100_000_000, source: `${D22}, loan amounts: up to 100 million VND per person` },
      amountBasis: 'per-loan',
      maxTermMonths: { value: 120, source: `${D22} Art. 8(2)` },
      confirmationForm: { value: '01', source: `${D22} Art. 3(2)(a), Form 01` },
      lending: { value: 'entrusted', source: `${D22} Art. 4` },
      documents: ['loan-request', 'use-of-funds-plan', 'commune-confirmation'],
    },
    {
      code: 'd22-training',
      purpose: 'training',
      borrowerKind: 'individual',
      titleVi: 'Cho vay học nghề (người chấp hành xong án phạt tù)',
      titleEn: 'Vocational-training loan (person who completed a sentence)',
      maxAmountVnd: { value: 4_000_000, source: `${D22}, loan amounts: up to 4 million VND per month of the course per person` },
      amountBasis: 'per-course-month',
      maxTermMonths: { value: 120, source: `${D22} Art. 8(1): the course (disbursement period) plus the repayment period set by VBSP; capped like production loans here` },
      confirmationForm: { value: '01', source: `${D22} Art. 3(2)(a), Form 01` },
      lending: { value: 'entrusted', source: `${D22} Art. 4` },
      documents: ['loan-request', 'commune-confirmation', 'course-enrolment'],
    },
    {
      code: 'd22-business',
      purpose: 'business',
      borrowerKind: 'business',
      titleVi: 'Cho vay cơ sở sản xuất kinh doanh sử dụng lao động là người chấp hành xong án phạt tù',
      titleEn: 'Loan to a business, cooperative or household business employing returnees',
      maxAmountVnd: { value: 2_000_000_000, source: `${D22}, loan amounts: up to 2 billion VND per project` },
      amountBasis: 'per-project',
      maxAmountPerEmployeeVnd: { value: 100_000_000, source: `${D22}, loan amounts: at most 100 million VND per qualifying employee` },
      maxTermMonths: { value: 120, source: `${D22} Art. 8(2)` },
      minQualifyingStaffPercent: { value: 10, source: `${D22} Art. 3(2)(b)` },
      confirmationForm: { value: '02', source: `${D22} Art. 3(2)(b), Form 02` },
      lending: { value: 'direct', source: `${D22} Art. 4` },
      documents: ['loan-request', 'use-of-funds-plan', 'commune-confirmation', 'labour-contracts', 'business-registration'],
    },
  ],
};
