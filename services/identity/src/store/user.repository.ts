import type { Role } from '@hoanhap/auth';
import type { IdempotencyRecord } from '@hoanhap/kit';
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
  const withSecret = (d: UserDocument | null): UserWithSecret | undefined => (d ? { ...toUser(d), passwordHash: d.passwordHash } : undefined);
  return {
    init: () => model.init(),
    /** One insert; a duplicate `_id` or email (code 11000) reaches the caller. */
    insert: async ({ id, ...user }: UserWithSecret & { idempotency?: IdempotencyRecord }) => {
      await model.create({ _id: id, ...user });
    },
    findIdempotency: async (id: string) => (await model.findById(id).select('+idempotency').lean())?.idempotency,
    findById: async (id: string) => {
      const document = await model.findById(id).lean();
      return document ? toUser(document) : undefined;
    },
    findByIdWithSecret: async (id: string) => withSecret(await model.findById(id).lean()),
    findByEmailWithSecret: async (email: string) => withSecret(await model.findOne({ email }).lean()),
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
