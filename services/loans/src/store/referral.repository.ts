import type { Connection } from 'mongoose';
import type { KnownReferral, ReferralRepository } from '../domain/loans.context';

/** Loan referrals known from cases events, by referralId (one writer: the consumer of that key). */
export function referralRepository(connection: Connection): ReferralRepository {
  const collection = connection.collection<KnownReferral & { _id: string }>('referrals');
  return {
    async get(referralId) {
      const doc = await collection.findOne({ _id: referralId });
      if (!doc) return undefined;
      const { _id, ...referral } = doc;
      return referral;
    },
    async save(referral) {
      await collection.replaceOne({ _id: referral.referralId }, { ...referral }, { upsert: true });
    },
  };
}
