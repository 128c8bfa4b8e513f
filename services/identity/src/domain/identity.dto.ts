import type { Organisation, Page, User } from './identity.types';

/** The wire shapes of openapi.yaml (dates as ISO strings). */
export type OrganisationDto = Omit<Organisation, 'createdAt'> & { createdAt: string };
export type UserDto = Omit<User, 'createdAt' | 'disabledAt'> & { createdAt: string; disabledAt?: string };

export const organisationDto = (o: Organisation): OrganisationDto => ({ ...o, createdAt: o.createdAt.toISOString() });

export const userDto = ({ createdAt, disabledAt, ...user }: User): UserDto => ({
  ...user,
  createdAt: createdAt.toISOString(),
  ...(disabledAt ? { disabledAt: disabledAt.toISOString() } : {}),
});

export const pageDto = <T, D>(page: Page<T>, toDto: (item: T) => D): Page<D> => ({ items: page.items.map(toDto), nextCursor: page.nextCursor });
