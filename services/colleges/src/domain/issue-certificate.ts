import { idempotentId } from '@hoanhap/kit';
import { certificateIssued } from '../events/college-events';
import type { Cause, CollegesContext } from './colleges.context';
import type { Certificate, Cohort, Enrolment } from './colleges.types';
import { today } from './dates';

/**
 * The certificate of a completed enrolment: one per enrolment (its id derives from the enrolment and a
 * unique index guards it), numbered `HN-<year>-<sequence>`, granting the course's skills. Issuing again
 * returns the one issued.
 */
export async function issueCertificate(ctx: CollegesContext, enrolment: Enrolment, cohort: Cohort, result: string | undefined, cause: Cause): Promise<Certificate> {
  // by its id, which derives from the enrolment (always has): `{ enrolmentId }` decodes every certificate on FerretDB 1.x
  const id = idempotentId('certificate', 'enrolment', enrolment.id);
  const issued = await ctx.certificates.findById(id);
  if (issued) return issued;
  const issuedOn = today();
  const year = Number(issuedOn.slice(0, 4));
  const certificate: Certificate = {
    id,
    number: `HN-${year}-${String(await ctx.certificates.nextSequence(year)).padStart(6, '0')}`,
    enrolmentId: enrolment.id,
    returneeId: enrolment.returneeId,
    cohortId: cohort.id,
    courseId: cohort.courseId,
    collegeOrgId: cohort.collegeOrgId,
    courseTitle: cohort.course.title,
    occupationCode: cohort.course.occupationCode,
    skills: cohort.course.skillsGranted,
    ...(result ? { result } : {}),
    issuedOn,
  };
  // the id derives from the enrolment: a retry finds the certificate already issued and publishes nothing more
  const stored = await ctx.certificates.change(certificate.id, (current) => (current ? { next: current } : { next: certificate, events: [certificateIssued(certificate)] }), cause);
  return stored ?? certificate;
}
