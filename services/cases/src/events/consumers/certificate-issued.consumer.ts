import { certificateIssuedV1 } from '@hoanhap/contracts';
import { onEvent } from '@hoanhap/events';
import { addCertificate } from '../../domain/add-certificate.use-case';
import type { CasesContext } from '../../domain/cases.context';
import { systemActor } from './system-actor';

/** A certificate joins the file and its skills the profile (new skills, new matches). */
export const certificateIssuedConsumer = (ctx: CasesContext) =>
  onEvent(certificateIssuedV1, async (envelope) => {
    const p = envelope.payload;
    await addCertificate(ctx, systemActor(envelope), p.returneeId, {
      certificateId: p.certificateId,
      number: p.number,
      cohortId: p.cohortId,
      occupationCode: p.occupationCode,
      skills: p.skills,
      issuedOn: p.issuedOn,
    });
  });
