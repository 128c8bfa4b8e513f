import { defineEvent } from '../event-definition';
import { communeCode, dateTime, guarded, provinceCode, uuid } from './cases.schema-parts';

/** A returnee file was opened: for counts per province, commune and period (reports). Key = returneeId. */
export interface ReturneeRegisteredV1 {
  returneeId: string;
  provinceCode: string;
  communeCode: string;
  releaseKind: 'completed' | 'amnesty' | 'conditional' | 'suspended' | 'non-custodial';
  /** YYYY-MM: the month only, never the day. */
  releaseMonth: string;
  registeredAt: string;
}

export const returneeRegisteredV1Schema = guarded({
  type: 'object',
  required: ['returneeId', 'provinceCode', 'communeCode', 'releaseKind', 'releaseMonth', 'registeredAt'],
  properties: {
    returneeId: uuid,
    provinceCode,
    communeCode,
    releaseKind: { enum: ['completed', 'amnesty', 'conditional', 'suspended', 'non-custodial'] },
    releaseMonth: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}$' },
    registeredAt: dateTime,
  },
});

/** Topic `cases.returnee.registered.v1`, key = returneeId. */
export const returneeRegisteredV1 = defineEvent<ReturneeRegisteredV1>({
  service: 'cases',
  entity: 'returnee',
  event: 'registered',
  version: 1,
  payloadSchema: returneeRegisteredV1Schema,
});
