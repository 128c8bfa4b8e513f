import type { components } from '@hoanhap/contracts/src/generated/gateway';
import { http } from './http';

type Schemas = components['schemas'];

/** A province after 1 July 2025 (packages/reference). */
export type Province = Schemas['Province'];
export type Commune = Schemas['Commune'];
/** VSCO 2020 4-digit occupation. */
export type Occupation = Schemas['Occupation'];
export type Skill = Schemas['Skill'];

/** Reference data: public, cached by the gateway for an hour. */
export const referenceApi = {
  provinces: () => http.get<Schemas['ProvinceList']>('/api/reference/provinces', undefined, { anonymous: true }),
  communes: (provinceCode: string) => http.get<Schemas['CommuneList']>('/api/reference/communes', { provinceCode }, { anonymous: true }),
  occupations: () => http.get<Schemas['OccupationList']>('/api/reference/occupations', undefined, { anonymous: true }),
  skills: () => http.get<Schemas['SkillList']>('/api/reference/skills', undefined, { anonymous: true }),
};
