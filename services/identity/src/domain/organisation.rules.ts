import type { Role } from '@hoanhap/auth';
import { communeInProvince, isCommuneCode, isProvinceCode } from '@hoanhap/reference';
import { errors } from './identity.errors';
import type { OrganisationKind } from './identity.types';

/** The kind of organisation each staff role works for (a bank user belongs to a VBSP branch, and so on). */
export const KIND_FOR_ROLE: Record<Exclude<Role, 'returnee'>, OrganisationKind> = {
  officer: 'police-unit',
  employer: 'employer',
  college: 'college',
  bank: 'bank-branch',
  admin: 'admin',
};

/** Province and commune must be official codes (packages/reference), and the commune must lie in the province. */
export function checkLocation(provinceCode: string, communeCode: string | undefined): void {
  if (!isProvinceCode(provinceCode)) {
    throw errors.field('ORGANISATION.PROVINCE_UNKNOWN', 'provinceCode', 'reference', `provinceCode ${provinceCode} is not a province code`);
  }
  if (communeCode === undefined) return;
  if (!isCommuneCode(communeCode)) {
    throw errors.field('ORGANISATION.COMMUNE_UNKNOWN', 'communeCode', 'reference', `communeCode ${communeCode} is not a commune code`);
  }
  if (!communeInProvince(communeCode, provinceCode)) {
    throw errors.field('ORGANISATION.COMMUNE_NOT_IN_PROVINCE', 'communeCode', 'reference', `communeCode ${communeCode} is not in province ${provinceCode}`);
  }
}
