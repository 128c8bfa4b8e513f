import type { EligibilityRule } from './eligibility.types';

/** At least 10% of the establishment's staff are qualifying returnees on labour contracts. */
export const qualifyingStaffRule: EligibilityRule = {
  name: 'qualifying-staff-share',
  appliesTo: ['business'],
  source: ({ product }) => product.minQualifyingStaffPercent?.source ?? 'Decision 22/2023/QĐ-TTg Art. 3(2)(b)',
  check: ({ application, product }) => {
    const staff = application.staffCount;
    const qualifying = application.qualifyingEmployees;
    const percent = product.minQualifyingStaffPercent?.value ?? 0;
    if (!staff || qualifying === undefined) return 'staffCount and qualifyingEmployees are needed';
    if (qualifying > staff) return `qualifyingEmployees (${qualifying}) cannot exceed staffCount (${staff})`;
    // integers only: qualifying / staff >= percent / 100
    return qualifying * 100 >= staff * percent
      ? undefined
      : `${qualifying} of ${staff} staff are qualifying returnees; at least ${percent}% (${Math.ceil((staff * percent) / 100)}) are needed`;
  },
};
