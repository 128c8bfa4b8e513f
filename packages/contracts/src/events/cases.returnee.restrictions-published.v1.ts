import { defineEvent } from '../event-definition';
import { communeCode, guarded, isoDate, occupationCode, provinceCode, revision, uuid } from './cases.schema-parts';

/**
 * "Do not offer" facts from Penal Code Art. 41–44, always published (whatever the consent), to matching
 * ONLY, never shown to an organisation (EVENTS.md). Each applies through its `until` date inclusive.
 * Key = returneeId.
 */
export interface RestrictionsPublishedV1 {
  returneeId: string;
  revision: number;
  /** Art. 41: occupations (VSCO codes) the person may not practise. */
  bannedOccupations: { code: string; until: string }[];
  /** Art. 42: places the person may not live in (a whole province when no commune). */
  bannedAreas: { provinceCode: string; communeCode?: string; until: string }[];
  /** Art. 43: the person must live and work in this commune. */
  supervisedCommune?: { provinceCode: string; communeCode: string; until: string };
  /** Art. 44: no work in state agencies. */
  noStateAgencyWork: boolean;
  noStateAgencyWorkUntil?: string;
}

export const restrictionsPublishedV1Schema = guarded({
  type: 'object',
  required: ['returneeId', 'revision', 'bannedOccupations', 'bannedAreas', 'noStateAgencyWork'],
  properties: {
    returneeId: uuid,
    revision,
    bannedOccupations: { type: 'array', maxItems: 50, items: guarded({ type: 'object', required: ['code', 'until'], properties: { code: occupationCode, until: isoDate } }) },
    bannedAreas: {
      type: 'array',
      maxItems: 50,
      items: guarded({ type: 'object', required: ['provinceCode', 'until'], properties: { provinceCode, communeCode, until: isoDate } }),
    },
    supervisedCommune: guarded({ type: 'object', required: ['provinceCode', 'communeCode', 'until'], properties: { provinceCode, communeCode, until: isoDate } }),
    noStateAgencyWork: { type: 'boolean' },
    noStateAgencyWorkUntil: isoDate,
  },
});

/** Topic `cases.returnee.restrictions-published.v1`, key = returneeId. */
export const restrictionsPublishedV1 = defineEvent<RestrictionsPublishedV1>({
  service: 'cases',
  entity: 'returnee',
  event: 'restrictions-published',
  version: 1,
  payloadSchema: restrictionsPublishedV1Schema,
});
