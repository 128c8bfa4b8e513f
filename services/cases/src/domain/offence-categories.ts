/**
 * Offence categories an officer records (sensitive: they never leave this service), each with its chapter of
 * the Penal Code 2015 — the chapter decides whether record clearance is automatic (Art. 70(1)).
 * `other` has no chapter: the officer still sees a clearance estimate, flagged as unchecked.
 */
export const OFFENCE_CATEGORIES = Object.freeze({
  'national-security': 'XIII', // Art. 108–122
  'crimes-against-peace-humanity': 'XXVI', // Art. 421–425, including war crimes
  homicide: 'XIV',
  assault: 'XIV',
  'sexual-offence': 'XIV',
  'human-trafficking': 'XIV',
  'freedom-rights': 'XV',
  theft: 'XVI',
  robbery: 'XVI',
  fraud: 'XVI',
  'property-other': 'XVI',
  'marriage-family': 'XVII',
  economic: 'XVIII',
  smuggling: 'XVIII',
  environment: 'XIX',
  'drug-possession': 'XX', // Art. 249
  'drug-trafficking': 'XX', // Art. 250–251
  'drug-other': 'XX',
  traffic: 'XXI', // Art. 260
  gambling: 'XXI', // Art. 321–322
  'public-disorder': 'XXI',
  weapons: 'XXI',
  'administrative-order': 'XXII',
  corruption: 'XXIII',
  'judicial-activities': 'XXIV',
  'military-duties': 'XXV',
  other: null,
} as const satisfies Record<string, string | null>);

export type OffenceCategory = keyof typeof OFFENCE_CATEGORIES;
export const OFFENCE_CATEGORY_CODES = Object.keys(OFFENCE_CATEGORIES) as OffenceCategory[];

export const chapterOf = (category: string): string | null => OFFENCE_CATEGORIES[category as OffenceCategory] ?? null;
