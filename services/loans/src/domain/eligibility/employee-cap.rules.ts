import { type EligibilityRule, vnd } from './eligibility.types';

/** An establishment borrows at most 100 million VND per qualifying employee (and 2 billion per project). */
export const employeeCapRule: EligibilityRule = {
  name: 'per-employee-cap',
  appliesTo: ['business'],
  source: ({ product }) => product.maxAmountPerEmployeeVnd?.source ?? product.maxAmountVnd.source,
  check: ({ application, product }) => {
    const perEmployee = product.maxAmountPerEmployeeVnd?.value;
    const qualifying = application.qualifyingEmployees ?? 0;
    if (perEmployee === undefined) return undefined;
    const cap = perEmployee * qualifying;
    return application.amountVnd <= cap
      ? undefined
      : `${vnd(application.amountVnd)} is above ${vnd(perEmployee)} × ${qualifying} qualifying employees = ${vnd(cap)}`;
  },
};
