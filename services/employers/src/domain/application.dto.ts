import type { Application } from './application.types';
import type { CandidateCertificate, EmployerView, ReturneeProfile } from './returnee-profile.types';

function certificate({ certificateId, occupationCode, skills, issuedOn }: CandidateCertificate): CandidateCertificate {
  return { ...(certificateId ? { certificateId } : {}), ...(occupationCode ? { occupationCode } : {}), skills: [...skills], issuedOn };
}

/**
 * The candidate as an employer may see them: only the fields of cases'
 * employerView, copied one by one (an allow-list, so a field added upstream
 * by mistake never reaches an employer), and nothing once consent is gone.
 */
export function candidateOf(profile: ReturneeProfile | undefined): EmployerView | null {
  const view = profile?.shareWithEmployers ? profile.employerView : undefined;
  if (!view) return null;
  return {
    givenName: view.givenName,
    skills: [...view.skills],
    certificates: view.certificates.map(certificate),
    ...(view.availableFrom ? { availableFrom: view.availableFrom } : {}),
  };
}

const iso = (date: Date | undefined) => date?.toISOString();

/** An application as the API shows it. The referring officer's organisation and area stay inside. */
export function applicationDto(application: Application, profile: ReturneeProfile | undefined, jobTitle?: string) {
  const { officerOrgId: _o, provinceCode: _p, openedAt, interviewAt, hiredAt, createdAt, updatedAt, ...rest } = application;
  return {
    ...rest,
    ...(jobTitle ? { jobTitle } : {}),
    candidate: candidateOf(profile),
    openedAt: iso(openedAt),
    interviewAt: iso(interviewAt),
    hiredAt: iso(hiredAt),
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export type ApplicationDto = ReturnType<typeof applicationDto>;
