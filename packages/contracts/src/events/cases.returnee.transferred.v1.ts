import { defineEvent } from '../event-definition';
import { dateTime, guarded, place, uuid } from './cases.schema-parts';

/** A file moved to another commune or province, once the receiving officer accepted. Key = returneeId. */
export interface ReturneeTransferredV1 {
  returneeId: string;
  from: { provinceCode: string; communeCode: string };
  to: { provinceCode: string; communeCode: string };
  at: string;
}

export const returneeTransferredV1Schema = guarded({
  type: 'object',
  required: ['returneeId', 'from', 'to', 'at'],
  properties: { returneeId: uuid, from: place, to: place, at: dateTime },
});

/** Topic `cases.returnee.transferred.v1`, key = returneeId. */
export const returneeTransferredV1 = defineEvent<ReturneeTransferredV1>({
  service: 'cases',
  entity: 'returnee',
  event: 'transferred',
  version: 1,
  payloadSchema: returneeTransferredV1Schema,
});
