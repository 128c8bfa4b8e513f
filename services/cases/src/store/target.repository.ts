import { type Connection, type Model, Schema } from 'mongoose';
import type { ReferralKind } from '../domain/referral.types';

/** A job, cohort or loan product heard of from events: enough to refuse referrals to unknown or closed ones. */
export interface KnownTarget {
  kind: ReferralKind;
  id: string;
  open: boolean;
  /** The event time it was last heard of; an older event never overwrites a newer one. */
  at: string;
}

interface TargetDocument extends KnownTarget {
  _id: string;
}

const targetSchema = new Schema<TargetDocument>(
  { _id: String, kind: String, id: String, open: Boolean, at: String },
  { versionKey: false },
);

function targetModel(connection: Connection): Model<TargetDocument> {
  return (
    (connection.models.KnownTarget as Model<TargetDocument> | undefined) ??
    connection.model<TargetDocument>('KnownTarget', targetSchema, 'known_targets')
  );
}

/**
 * The read model of referral targets. Consumers of one topic run one at a time per partition (key), so the
 * read-then-write below has a single writer per target.
 */
export function targetRepository(connection: Connection) {
  const model = targetModel(connection);
  return {
    init: () => model.init(),
    find: async (kind: ReferralKind, id: string) => model.findById(`${kind}:${id}`).lean<KnownTarget>(),
    record: async (target: KnownTarget) => {
      const _id = `${target.kind}:${target.id}`;
      const current = await model.findById(_id).lean();
      if (current && current.at > target.at) return;
      await model.updateOne({ _id }, { $set: target }, { upsert: true });
    },
  };
}

export type TargetRepository = ReturnType<typeof targetRepository>;
