import type { Role } from '@hoanhap/auth';
import { createOnce, isDuplicateKey, type CreateOnceResult } from '@hoanhap/kit';
import type { IdentityContext } from './identity.context';
import { userDto, type UserDto } from './identity.dto';
import { errors } from './identity.errors';
import type { UserWithSecret } from './identity.types';
import { hashPassword } from './password';
import { checkRoleFitsOrganisation, normaliseEmail } from './user.rules';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  orgId: string;
  /** The initial password, set by the administrator and handed over out of band. */
  password: string;
}

/**
 * Creates a staff account in an organisation of the matching kind. The email
 * index is the uniqueness check (an insert is atomic on FerretDB; a read
 * before it would race): its duplicate-key error becomes 409.
 */
export async function createUser(ctx: IdentityContext, caller: { userId: string }, key: string | undefined, input: NewUser): Promise<CreateOnceResult<UserDto>> {
  const organisation = checkRoleFitsOrganisation(input.role, await ctx.organisations.findById(input.orgId), input.orgId);
  const email = normaliseEmail(input.email);
  try {
    return await createOnce({
      resource: 'user',
      scope: caller.userId,
      key,
      // the fingerprint must not hold the password itself
      request: { ...input, password: undefined },
      build: async (id) => {
        const user: UserWithSecret = {
          id,
          email,
          name: input.name.trim(),
          role: input.role,
          orgId: organisation.id,
          provinceCode: organisation.provinceCode,
          status: 'active',
          createdAt: new Date(),
          passwordHash: await hashPassword(input.password),
        };
        const { passwordHash: _secret, ...visible } = user;
        return { document: user, reply: { status: 201, body: userDto(visible) } };
      },
      insert: (document) => ctx.users.insert(document),
      findRecord: (id) => ctx.users.findIdempotency(id),
      cache: ctx.idempotencyCache,
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw errors.emailTaken(email);
    throw error;
  }
}
