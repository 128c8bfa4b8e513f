import { defineEvent } from '../event-definition';
import { communeCode, guarded, isoDate, provinceCode, uuid } from './cases.schema-parts';

/** A dated step of reintegration, for reports. Key = returneeId. */
export interface MilestoneReachedV1 {
  returneeId: string;
  milestone: 'id-card' | 'residence-registered' | 'record-cleared' | 'loan-received' | 'job-started';
  on: string;
  provinceCode: string;
  communeCode: string;
}

export const milestoneReachedV1Schema = guarded({
  type: 'object',
  required: ['returneeId', 'milestone', 'on', 'provinceCode', 'communeCode'],
  properties: {
    returneeId: uuid,
    milestone: { enum: ['id-card', 'residence-registered', 'record-cleared', 'loan-received', 'job-started'] },
    on: isoDate,
    provinceCode,
    communeCode,
  },
});

/** Topic `cases.milestone.reached.v1`, key = returneeId. */
export const milestoneReachedV1 = defineEvent<MilestoneReachedV1>({
  service: 'cases',
  entity: 'milestone',
  event: 'reached',
  version: 1,
  payloadSchema: milestoneReachedV1Schema,
});
