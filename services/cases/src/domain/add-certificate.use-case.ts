import { AppError } from '@hoanhap/kit';
import { isSkill } from '@hoanhap/reference';
import { todayInVietnam } from './calendar.rules';
import type { CasesContext } from './cases.context';
import type { Certificate } from './returnee.types';
import type { Actor } from './returnee.types';
import { republishIfChanged } from './update-returnee.use-case';

/**
 * A college issued a certificate (ARCHITECTURE §3 step 4): it joins the file, its skills join the returnee's
 * skills, and the profile is published again so that matching finds new jobs. Idempotent per certificateId.
 */
export async function addCertificate(
  ctx: CasesContext,
  actor: Actor,
  returneeId: string,
  certificate: Certificate,
): Promise<'added' | 'known' | 'deleted'> {
  let outcome: 'added' | 'known' | 'deleted' = 'added';
  await ctx.returnees.change(returneeId, actor, async (current) => {
    if (!current) {
      // registered here a moment ago, or never: retried, then dead-lettered
      throw new AppError('RETURNEE.NOT_YET_KNOWN', 409, `no returnee file ${returneeId} yet`, { retryable: true });
    }
    if (current.status === 'deleted' || current.certificates.some((c) => c.certificateId === certificate.certificateId)) {
      outcome = current.status === 'deleted' ? 'deleted' : 'known';
      return { file: current, events: [] };
    }
    const skills = [...new Set([...current.skills, ...certificate.skills.filter((s) => isSkill(s))])];
    const next = { ...current, certificates: [...current.certificates, certificate], skills, updatedAt: ctx.clock().toISOString() };
    return republishIfChanged(current, next, todayInVietnam(ctx.clock()));
  });
  return outcome;
}
