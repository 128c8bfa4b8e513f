import type { ProfilePublishedV1, ReferralCreatedV1, ReferralWithdrawnV1 } from '@hoanhap/contracts';
import type { LoansContext } from './loans.context';
import type { Trace } from './outgoing-event';
import { withdrawForReferral } from './withdraw-application.use-case';

/**
 * Keeps what cases publishes about a returnee, reduced to the bankView facts: with shareWithBank consent the
 * window and release-kind facts, without it nothing but the revision (revocation drops what was held).
 */
export async function recordReturneeProfile(ctx: LoansContext, profile: ProfilePublishedV1): Promise<void> {
  const view = profile.consent.shareWithBank ? profile.bankView : undefined;
  await ctx.returnees.save({
    returneeId: profile.returneeId,
    revision: profile.revision,
    shareWithBank: view !== undefined,
    ...(view
      ? {
          givenName: view.givenName,
          provinceCode: view.provinceCode,
          communeCode: view.communeCode,
          creditWindowEndsOn: view.creditWindowEndsOn,
          releaseKindEligible: view.releaseKindEligible,
        }
      : {}),
  });
}

/** Remembers referrals to a loan, so that an application can name the referral it answers. */
export async function recordReferral(ctx: LoansContext, referral: ReferralCreatedV1): Promise<void> {
  if (referral.target.kind !== 'loan') return;
  // the withdrawal may have arrived first (another topic): it wins
  const withdrawn = (await ctx.referrals.get(referral.referralId))?.withdrawn === true;
  await ctx.referrals.save({
    ...(withdrawn ? { withdrawn } : {}),
    referralId: referral.referralId,
    returneeId: referral.returneeId,
    targetKind: referral.target.kind,
    targetId: referral.target.id,
    provinceCode: referral.provinceCode,
  });
}

/** A withdrawn loan referral withdraws the undecided applications made from it. */
export async function recordReferralWithdrawn(ctx: LoansContext, withdrawn: ReferralWithdrawnV1, trace: Trace & { applyOnce: string }): Promise<void> {
  if (withdrawn.target.kind !== 'loan') return;
  const known = await ctx.referrals.get(withdrawn.referralId);
  const base = known ?? { referralId: withdrawn.referralId, returneeId: withdrawn.returneeId, targetKind: 'loan' as const, targetId: withdrawn.target.id, provinceCode: '' };
  await ctx.referrals.save({ ...base, withdrawn: true });
  await withdrawForReferral(ctx, withdrawn.referralId, withdrawn.reason, trace);
}
