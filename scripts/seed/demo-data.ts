/**
 * The made-up people, jobs and courses of the demo province (Nghệ An, code "40"), generated from a seed so
 * that every run produces the same request bodies: with the same Idempotency-Keys a rerun is a no-op.
 * Dates are fixed (not "today"), for the same reason: a different body under the same key is refused.
 */
import { communes, DEMO, skills } from '@hoanhap/reference';

/** mulberry32: small, fast, good enough for demo data, and the same on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
const int = (rand: Rand, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const date = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(Math.min(d, 28))}`;
function weighted<T>(rand: Rand, entries: readonly (readonly [T, number])[]): T {
  let r = rand() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries[entries.length - 1]![0];
}

// Family names as common in Nghệ An (Hồ, Phan, Thái, Đinh more than the national average).
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Hồ',
  'Phan',
  'Hoàng',
  'Đặng',
  'Võ',
  'Thái',
  'Đinh',
  'Cao',
  'Bùi',
  'Lương',
  'Chu',
  'Đậu',
  'Vi',
  'Lô',
];
const MIDDLE = {
  male: ['Văn', 'Đức', 'Hữu', 'Đình', 'Quang', 'Xuân', 'Công', 'Bá', 'Minh'],
  female: ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Hồng'],
};
const GIVEN = {
  male: [
    'Hùng',
    'Dũng',
    'Tuấn',
    'Nam',
    'Hải',
    'Sơn',
    'Thắng',
    'Long',
    'Cường',
    'Bình',
    'Phúc',
    'Toàn',
    'Trung',
    'Tâm',
    'Quân',
    'Việt',
    'Hiếu',
    'Lộc',
    'Tài',
    'Khánh',
    'Thành',
    'Vinh',
    'Đạt',
    'Kiên',
  ],
  female: ['Lan', 'Hoa', 'Mai', 'Hương', 'Hằng', 'Nga', 'Thảo', 'Trang', 'Linh', 'Yến', 'Hà', 'Liên', 'Nhung', 'Oanh'],
};
const OFFENCES = [
  ['drug-possession', 5],
  ['drug-trafficking', 2],
  ['theft', 5],
  ['assault', 3],
  ['fraud', 2],
  ['gambling', 2],
  ['robbery', 1],
  ['traffic', 2],
  ['public-disorder', 1],
  ['property-other', 1],
  ['smuggling', 1],
] as const;
const RELEASE = [
  ['completed', 60],
  ['amnesty', 8],
  ['conditional', 14],
  ['suspended', 12],
  ['non-custodial', 6],
] as const;
const NEEDS = ['id-card', 'residence-registration', 'job', 'training', 'loan', 'housing', 'health'] as const;
const EDUCATION = ['primary', 'lower-secondary', 'lower-secondary', 'upper-secondary', 'vocational'] as const;
/** Trades the source reports name (welding, mechanics, sewing, farming, driving, building) and their kin. */
export const TRADE_SKILLS = [
  'welding',
  'metal-cutting',
  'motorcycle-repair',
  'car-repair',
  'masonry',
  'concrete-work',
  'carpentry',
  'tiling',
  'painting-decorating',
  'electrical-installation',
  'sewing',
  'industrial-sewing',
  'cooking',
  'driving-b2',
  'driving-c',
  'forklift',
  'warehouse-keeping',
  'loading-unloading',
  'delivery',
  'crop-farming',
  'animal-husbandry',
  'poultry-farming',
  'aquaculture',
  'mushroom-growing',
  'food-processing',
  'packing',
  'furniture-making',
  'bamboo-rattan-weaving',
  'security-guarding',
  'sales',
  'computer-basic',
] as const;

export function demoCommunes(): string[] {
  return communes()
    .filter((c) => c.provinceCode === DEMO.provinceCode)
    .map((c) => c.code);
}

/** The registration body of returnee number `i` (0-based). */
export function returneeBody(seed: number, i: number, communeCodes: readonly string[]) {
  const rand = random(seed * 1_000_003 + i);
  const gender = rand() < 0.88 ? 'male' : 'female';
  const born = int(rand, 1968, 2004);
  const fullName = `${pick(rand, FAMILY)} ${pick(rand, MIDDLE[gender])} ${pick(rand, GIVEN[gender])}`;
  const releaseKind = weighted(rand, RELEASE);
  const released = { y: int(rand, 2023, 2026), m: int(rand, 1, 12), d: int(rand, 1, 28) };
  if (released.y === 2026 && released.m > 10) released.m = int(rand, 1, 10);
  const sentence =
    releaseKind === 'suspended' || releaseKind === 'non-custodial' ? { kind: releaseKind } : { kind: 'prison', months: int(rand, 6, 96) };
  const skillCount = int(rand, 0, 3);
  const own = new Set<string>();
  while (own.size < skillCount) own.add(pick(rand, TRADE_SKILLS));
  const needs = NEEDS.filter((n) => rand() < (n === 'job' ? 0.7 : n === 'training' ? 0.4 : n === 'loan' ? 0.3 : 0.15));
  const matching = rand() < 0.85;
  // CCCD: 040 = Nghệ An, then century/gender digit, two digits of the birth year, six digits unique per i
  const centuryGender = (born >= 2000 ? 2 : 0) + (gender === 'female' ? 1 : 0);
  const nationalId = `040${centuryGender}${pad(born % 100)}${pad((i * 7919 + seed * 31) % 1_000_000, 6)}`;
  return {
    fullName,
    dateOfBirth: date(born, int(rand, 1, 12), int(rand, 1, 28)),
    gender,
    nationalId,
    phone: `09${pad(int(rand, 0, 99_999_999), 8)}`,
    address: { provinceCode: DEMO.provinceCode, communeCode: pick(rand, communeCodes) },
    releaseDate: date(released.y, released.m, released.d),
    releaseKind,
    ...(releaseKind === 'conditional' && { probationEndsOn: date(released.y + 1, released.m, released.d) }),
    sentence,
    offenceCategory: weighted(rand, OFFENCES),
    education: { level: pick(rand, EDUCATION), years: int(rand, 5, 12) },
    skills: [...own],
    needs,
    preferences: { prefersStable: rand() < 0.7 },
    consent: {
      matching,
      shareWithEmployers: matching && rand() < 0.8,
      shareWithColleges: matching && rand() < 0.7,
      shareWithBank: matching && rand() < 0.5,
      discoverable: matching && rand() < 0.4,
      version: 'demo-2026-01',
      method: pick(rand, ['paper-form', 'in-person'] as const),
    },
  };
}

export type ReturneeBody = ReturnType<typeof returneeBody>;

const EMPLOYER_TRADES: Record<string, readonly string[]> = {
  employer: [
    'welding',
    'metal-cutting',
    'car-repair',
    'motorcycle-repair',
    'electrical-installation',
    'forklift',
    'warehouse-keeping',
    'packing',
    'driving-c',
  ],
  employer2: [
    'crop-farming',
    'animal-husbandry',
    'poultry-farming',
    'mushroom-growing',
    'food-processing',
    'aquaculture',
    'loading-unloading',
    'driving-b2',
  ],
};

/** The posting body of job `i` of a demo employer (`employer` or `employer2`). */
export function jobBody(seed: number, employer: 'employer' | 'employer2', i: number, communeCodes: readonly string[]) {
  const rand = random(seed * 7_000_003 + i * 2 + (employer === 'employer' ? 0 : 1));
  const main = pick(rand, EMPLOYER_TRADES[employer]!);
  const s = skills().find((k) => k.slug === main)!;
  const wageMin = int(rand, 50, 90) * 100_000;
  const seasonal = employer === 'employer2' && rand() < 0.4;
  return {
    title: `${s.name} (${pick(rand, ['tuyển gấp', 'làm việc lâu dài', 'có đào tạo', 'bao ăn ở'])})`,
    occupationCode: s.occupationCodes[0] ?? '9329',
    skills: [main],
    niceToHaveSkills: [pick(rand, TRADE_SKILLS)].filter((x) => x !== main),
    provinceCode: DEMO.provinceCode,
    communeCode: employer === 'employer' ? pick(rand, DEMO.communeCodes) : pick(rand, communeCodes),
    employmentType: seasonal ? 'seasonal' : 'stable',
    ...(seasonal && { seasonStart: '2027-03-01', seasonEnd: '2027-09-30' }),
    openings: int(rand, 2, 12),
    wageMinVnd: wageMin,
    wageMaxVnd: wageMin + int(rand, 5, 30) * 100_000,
    hoursPerWeek: pick(rand, [40, 44, 48]),
    accommodation: rand() < 0.4,
    meals: rand() < 0.5,
    trainingOnTheJob: rand() < 0.6,
    physicalDemands: pick(rand, ['light', 'moderate', 'heavy'] as const),
    description: 'Việc làm mẫu cho bản demo / a demo job. Không phân biệt người đã chấp hành xong án phạt tù.',
    closesAt: '2027-12-31',
  };
}

/** Courses of the demo college: the trades the reports say prisons and colleges teach. */
const COURSES = [
  ['Hàn điện cơ bản', 'welding', 12, 'college'],
  ['Sửa chữa xe máy', 'motorcycle-repair', 12, 'college'],
  ['May công nghiệp', 'industrial-sewing', 10, 'prison'],
  ['Kỹ thuật xây dựng – nề', 'masonry', 16, 'commune'],
  ['Điện dân dụng', 'electrical-installation', 14, 'college'],
  ['Nấu ăn', 'cooking', 8, 'college'],
  ['Trồng nấm', 'mushroom-growing', 6, 'commune'],
  ['Chăn nuôi gia cầm', 'poultry-farming', 8, 'commune'],
  ['Lái xe hạng B2', 'driving-b2', 12, 'college'],
  ['Mộc dân dụng', 'furniture-making', 20, 'prison'],
  ['Tin học văn phòng', 'computer-basic', 8, 'college'],
  ['Nuôi trồng thủy sản', 'aquaculture', 10, 'commune'],
] as const;

export function courseBody(seed: number, i: number) {
  const [title, skill, weeks, delivery] = COURSES[i % COURSES.length]!;
  const rand = random(seed * 9_000_011 + i);
  const s = skills().find((k) => k.slug === skill)!;
  return {
    title: i < COURSES.length ? title : `${title} (khóa ${Math.floor(i / COURSES.length) + 1})`,
    occupationCode: s.occupationCodes[0] ?? '9329',
    skillsGranted: [skill],
    provinceCode: DEMO.provinceCode,
    communeCode: pick(rand, DEMO.communeCodes),
    durationWeeks: weeks,
    tuitionVnd: int(rand, 15, 60) * 100_000,
    delivery,
    support: [{ kind: 'tuition-exempt' as const }],
    trainingLoanEligible: true,
    languages: ['vi'],
    startsAt: date(2027, 1 + (i % 6), 5),
    seats: int(rand, 15, 30),
    schedule: 'Thứ 2–6, 7:30–11:30',
  };
}
