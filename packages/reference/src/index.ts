export type {
  Commune,
  CommuneKind,
  EmployerSector,
  OldProvinceMapping,
  Occupation,
  OccupationGroup,
  Province,
  ProvinceKind,
  Skill,
} from './types';
export {
  provinces,
  province,
  communes,
  commune,
  isProvinceCode,
  isCommuneCode,
  communeInProvince,
  newProvinceCodeFor,
  oldProvinceMapping,
} from './divisions';
export { neighbours, areNeighbours, provinceCentroid, provinceDistanceKm } from './province-geography';
export { occupations, occupation, occupationGroups, isOccupationCode, isStateAgencyPost } from './occupations';
export { skills, skill, isSkill } from './skills';
export { foldVietnamese } from './fold-vietnamese';
export { importCommunesCsv, type CommunesCsvResult, type CsvRowError } from './communes-csv';
export { DEMO } from './demo';
