import type { IdentityContext } from './identity.context';

/**
 * The notices a user has read, wherever they read them (another browser, a phone). Notices themselves are
 * not stored: the web app derives them from the services' own lists; only the marks `<key>@<time>` live
 * here, so a referral answered again (a new time) is unread again.
 */
export async function noticeReads(ctx: IdentityContext, userId: string): Promise<{ marks: string[] }> {
  return { marks: await ctx.noticeReads.marksOf(userId) };
}

/** Adds marks (again is harmless: a set); answers the marks kept. */
export async function markNoticesRead(ctx: IdentityContext, userId: string, marks: string[]): Promise<{ marks: string[] }> {
  return { marks: await ctx.noticeReads.add(userId, [...new Set(marks)], new Date()) };
}
