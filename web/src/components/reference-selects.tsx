import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { foldVietnamese } from '../format/format';
import { useCommunes, useOccupations, useProvinces, useSkills } from './reference-data';

// Typing "Nghe An" or "nghệ an" finds "Tỉnh Nghệ An".
const foldedFilter: SelectProps['filterOption'] = (input, option) =>
  foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

type Props = Omit<SelectProps, 'options'>;

export function ProvinceSelect(props: Props) {
  const { i18n } = useTranslation();
  const provinces = useProvinces();
  const english = i18n.language === 'en';
  return (
    <Select
      showSearch
      filterOption={foldedFilter}
      options={provinces.map((p) => ({ value: p.code, label: english ? p.nameEn : p.name }))}
      {...props}
    />
  );
}

export function CommuneSelect({ provinceCode, ...props }: Props & { provinceCode: string | undefined }) {
  const communes = useCommunes(provinceCode);
  return (
    <Select
      showSearch
      filterOption={foldedFilter}
      disabled={!provinceCode}
      options={communes.map((c) => ({ value: c.code, label: c.name }))}
      {...props}
    />
  );
}

export function OccupationSelect(props: Props) {
  const { i18n } = useTranslation();
  const occupations = useOccupations();
  const english = i18n.language === 'en';
  return (
    <Select
      showSearch
      filterOption={foldedFilter}
      options={occupations.map((o) => ({ value: o.code, label: `${o.code} · ${english ? o.nameEn : o.name}` }))}
      {...props}
    />
  );
}

export function SkillSelect(props: Props) {
  const { i18n } = useTranslation();
  const skills = useSkills();
  const english = i18n.language === 'en';
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={foldedFilter}
      options={skills.map((s) => ({ value: s.slug, label: english ? s.nameEn : s.name }))}
      {...props}
    />
  );
}
