import { defineEvent } from '../event-definition';
import { isoDate, occupationCode, opaqueId, skillSlugs, uuid } from './common.schema-parts';
import { collegesGuarded } from './colleges.schema-parts';

/**
 * A returnee completed a cohort and the college issued a certificate: the skills it grants join the
 * returnee's matching profile (cases republishes it; matching ranks with it). Consumers: cases, matching,
 * reports. Key = returneeId (all of one person's certificates in order).
 */
export interface CertificateIssuedV1 {
  certificateId: string;
  returneeId: string;
  cohortId: string;
  /** The college's certificate number, as printed. */
  number: string;
  skills: string[];
  occupationCode: string;
  issuedOn: string;
}

export const certificateIssuedV1Schema = collegesGuarded({
  type: 'object',
  required: ['certificateId', 'returneeId', 'cohortId', 'number', 'skills', 'occupationCode', 'issuedOn'],
  properties: {
    certificateId: opaqueId,
    returneeId: uuid,
    cohortId: opaqueId,
    number: { type: 'string', minLength: 1, maxLength: 60 },
    skills: skillSlugs,
    occupationCode: occupationCode,
    issuedOn: isoDate,
  },
});

/** Topic `colleges.certificate.issued.v1`, key = returneeId. */
export const certificateIssuedV1 = defineEvent<CertificateIssuedV1>({
  service: 'colleges',
  entity: 'certificate',
  event: 'issued',
  version: 1,
  payloadSchema: certificateIssuedV1Schema,
});
