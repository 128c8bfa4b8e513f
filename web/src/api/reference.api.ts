import { http, type Page } from './http';

/** A province after 1 July 2025 (packages/reference). */
export interface Province {
  code: string;
  name: string;
  shortName: string;
  nameEn: string;
  kind: 'province' | 'city';
}
export interface Commune {
  code: string;
  name: string;
  kind: 'commune' | 'ward' | 'special-zone';
  provinceCode: string;
}
/** VSCO 2020 4-digit occupation. */
export interface Occupation {
  code: string;
  name: string;
  nameEn: string;
  majorGroup: string;
  stateAgencyPost: boolean;
}
export interface Skill {
  slug: string;
  name: string;
  nameEn: string;
  occupationCodes: string[];
}

/** Reference data: public, cached by the gateway for an hour. */
export const referenceApi = {
  provinces: () => http.get<Page<Province>>('/api/reference/provinces', undefined, { anonymous: true }),
  communes: (provinceCode: string) => http.get<Page<Commune>>('/api/reference/communes', { provinceCode }, { anonymous: true }),
  occupations: () => http.get<Page<Occupation>>('/api/reference/occupations', undefined, { anonymous: true }),
  skills: () => http.get<Page<Skill>>('/api/reference/skills', undefined, { anonymous: true }),
};
