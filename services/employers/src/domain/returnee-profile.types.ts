/** A certificate as an employer may see it (cases publishes it inside employerView). */
export interface CandidateCertificate {
  certificateId?: string;
  occupationCode?: string;
  skills: string[];
  issuedOn: string;
}

/** What the returnee consented to share with employers (cases' employerView); never more. */
export interface EmployerView {
  givenName: string;
  skills: string[];
  certificates: CandidateCertificate[];
  availableFrom?: string;
}

/**
 * This service's read model of one returnee, from
 * cases.returnee.profile-published.v1: the consent flags it needs and the
 * employer view while `shareWithEmployers` is given. A newer revision
 * without the view drops it here at once.
 */
export interface ReturneeProfile {
  returneeId: string;
  revision: number;
  discoverable: boolean;
  shareWithEmployers: boolean;
  employerView?: EmployerView;
  updatedAt: Date;
}
