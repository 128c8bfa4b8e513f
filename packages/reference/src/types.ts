/** `city` = thành phố trực thuộc trung ương; `province` = tỉnh. */
export type ProvinceKind = 'province' | 'city';

/** `commune` = xã, `ward` = phường, `special-zone` = đặc khu (island districts kept as one unit). */
export type CommuneKind = 'commune' | 'ward' | 'special-zone';

/** A province or centrally-run city after 1 July 2025, with its official 2-digit code. */
export interface Province {
  /** Official code, zero-padded: "01", "40", "79". */
  readonly code: string;
  /** Official Vietnamese name with its kind: "Tỉnh Nghệ An". */
  readonly name: string;
  /** Vietnamese name without the kind: "Nghệ An". */
  readonly shortName: string;
  /** ASCII name for English text: "Nghe An". */
  readonly nameEn: string;
  readonly kind: ProvinceKind;
}

/** A commune, ward or special zone after 1 July 2025, with its official 5-digit code. */
export interface Commune {
  /** Official code, zero-padded: "16681". */
  readonly code: string;
  /** Official Vietnamese name with its kind: "Phường Thành Vinh". */
  readonly name: string;
  readonly kind: CommuneKind;
  readonly provinceCode: string;
}

/** One of the 63 provinces before 1 July 2025 and the new province it became part of. */
export interface OldProvinceMapping {
  readonly oldCode: string;
  readonly oldName: string;
  readonly newCode: string;
}

/** A VSCO 2020 1-digit major group. */
export interface OccupationGroup {
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
}

/** A VSCO 2020 4-digit occupation (unit group aligned with ISCO-08). */
export interface Occupation {
  /** 4 digits, zero-padded: "0110", "7212", "8322". */
  readonly code: string;
  readonly name: string;
  readonly nameEn: string;
  /** 1-digit major group, the first digit of the code. */
  readonly majorGroup: string;
  /** Work that Penal Code Art. 44 (loss of the right to work in state agencies / armed forces) forbids. */
  readonly stateAgencyPost: boolean;
  /** Set when the occupation is a state post only at a public employer (public schools, hospitals). */
  readonly atPublicEmployerOnly?: true;
}

/** One entry of the skills vocabulary. */
export interface Skill {
  /** English kebab-case slug: "welding", "driving-b2". */
  readonly slug: string;
  readonly name: string;
  readonly nameEn: string;
  /** VSCO codes this skill usually leads to (may be empty). */
  readonly occupationCodes: readonly string[];
}

/** Who employs: a public facility, a private one, or not known. */
export type EmployerSector = 'public' | 'private' | 'unknown';
