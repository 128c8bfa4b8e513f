import type { Role } from '@hoanhap/auth';
import { lookupKeys, type IdempotencyRecord } from '@hoanhap/kit';
import type { Connection } from 'mongoose';
import type { PagePosition, User, UserStatus, UserWithSecret } from '../domain/identity.types';
import { userModel, type UserDocument } from './user.model';
import { pageQuery } from './page-query';

const toUser = (d: UserDocument): User => ({
  id: d._id,
  email: d.email,
  name: d.name,
  role: d.role,
  orgId: d.orgId,
  provinceCode: d.provinceCode,
  status: d.status,
  createdAt: d.createdAt,
  ...(d.disabledAt ? { disabledAt: d.disabledAt } : {}),
});

export interface UserFilter {
  orgId?: string;
  role?: Role;
  status?: UserStatus;
}

/** Users in Mongo; returns plain objects, the hash only from the `WithSecret` readers. */
export function userRepository(connection: Connection) {
  const model = userModel(connection);
  // email → user id in `user_emails`, so that a login reads by _id only (see kit's lookupKeys)
  const emails = lookupKeys(connection, 'user_emails', { holderField: 'userId' });
  const withSecret = (d: UserDocument | null): UserWithSecret | undefined => (d ? { ...toUser(d), passwordHash: d.passwordHash } : undefined);
  return {
    /** Indexes, and the email keys of users stored before keys existed (once). */
    init: async () => {
      await model.init();
      await emails.backfill(async function* () {
        for await (const user of model.find({}, { _id: 1, email: 1 }).lean().cursor()) yield { key: user.email, holderId: user._id };
      });
    },
    /** One insert, its email key claimed first; a duplicate `_id` or email (code 11000) reaches the caller. */
    insert: async ({ id, ...user }: UserWithSecret & { idempotency?: IdempotencyRecord }) => {
      await emails.claim(user.email, id);
      await model.create({ _id: id, ...user });
      await emails.confirm(user.email, id);
    },
    findIdempotency: async (id: string) => (await model.findById(id).select('+idempotency').lean())?.idempotency,
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? toUser(document) : undefined;
    },
    findByIdWithSecret: async (id: string) => withSecret(await model.findById(id).lean()),
    /** By the email's key and then by `_id`; the scan by email only where a key names a user that is missing. */
    findByEmailWithSecret: async (email: string) => {
      const user = await emails.findHolder(email, {
        readById: (id) => model.findById(id).lean(),
        holds: (found) => found.email === email,
        scan: () => model.findOne({ email }).lean(),
        idOf: (found) => found._id,
      });
      return withSecret(user ?? null);
    },
    // Single-field sets on one user; a lost race between two admins changes nothing that matters (same end state).
    setPasswordHash: async (id: string, passwordHash: string) => {
      await model.updateOne({ _id: id }, { $set: { passwordHash, passwordChangedAt: new Date() } });
    },
    disable: async (id: string, at: Date) => {
      await model.updateOne({ _id: id }, { $set: { status: 'disabled', disabledAt: at } });
    },
    page: async (filter: UserFilter, limit: number, after?: PagePosition) => {
      const query = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
      const { documents, more } = await pageQuery(model, query, limit, after);
      return { items: documents.map(toUser), more };
    },
  };
}

export type UserRepository = ReturnType<typeof userRepository>;
