import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { referenceApi, type Commune, type Occupation, type Province, type Skill } from '../api/reference.api';

// Reference lists change only with a deploy: fetched once per page load and shared by every screen.
const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let found = cache.get(key) as Promise<T> | undefined;
  if (!found) {
    found = load();
    cache.set(key, found);
    found.catch(() => cache.delete(key));
  }
  return found;
}

function useList<T>(key: string | null, load: () => Promise<{ items: T[] }>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    if (!key) {
      setItems([]);
      return;
    }
    let live = true;
    once(key, load).then(
      (page) => live && setItems(page.items),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
    // the key names the list
  }, [key]);
  return items;
}

export const useProvinces = () => useList<Province>('provinces', referenceApi.provinces);
export const useCommunes = (provinceCode: string | undefined) =>
  useList<Commune>(provinceCode ? `communes:${provinceCode}` : null, () => referenceApi.communes(provinceCode!));
export const useOccupations = () => useList<Occupation>('occupations', referenceApi.occupations);
export const useSkills = () => useList<Skill>('skills', referenceApi.skills);

/** Labels in the UI language for codes and slugs (falls back to the code itself). */
export function useReferenceLabels(provinceCode?: string) {
  const { i18n } = useTranslation();
  const english = i18n.language === 'en';
  const provinces = useProvinces();
  const occupations = useOccupations();
  const skills = useSkills();
  const communes = useCommunes(provinceCode);
  return {
    province: (code?: string) => {
      const found = provinces.find((p) => p.code === code);
      return found ? (english ? found.nameEn : found.name) : (code ?? '—');
    },
    commune: (code?: string) => communes.find((c) => c.code === code)?.name ?? code ?? '—',
    occupation: (code?: string) => {
      const found = occupations.find((o) => o.code === code);
      return found ? `${found.code} · ${english ? found.nameEn : found.name}` : (code ?? '—');
    },
    skill: (slug: string) => {
      const found = skills.find((s) => s.slug === slug);
      return found ? (english ? found.nameEn : found.name) : slug;
    },
  };
}
