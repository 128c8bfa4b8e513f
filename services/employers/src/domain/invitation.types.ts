/**
 * An employer's request that an officer refer a candidate matching proposed.
 * The returnee is never contacted from here: the officer decides (cases).
 */
export interface Invitation {
  id: string;
  jobId: string;
  employerOrgId: string;
  returneeId: string;
  message?: string;
  status: 'requested';
  requestedBy: string;
  createdAt: Date;
}

export interface InvitationInput {
  jobId: string;
  returneeId: string;
  message?: string;
}
