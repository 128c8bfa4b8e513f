import { idempotentId } from '@hoanhap/kit';
import { DEMO } from '@hoanhap/reference';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './demo-accounts';
import type { IdentityContext } from './identity.context';
import { hashPassword } from './password';

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

async function insertOnce(insert: () => Promise<void>): Promise<boolean> {
  try {
    await insert();
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false; // already seeded, maybe by another instance starting at the same moment
    throw error;
  }
}

/**
 * Creates the demo organisations and accounts unless they exist. Ids are
 * derived from the demo slugs and emails, so every run (and every machine)
 * gets the same ids, and the unique indexes make two concurrent runs safe.
 * Never called when APP_ENV=production (config refuses SEED_DEMO there).
 */
export async function seedDemo(ctx: IdentityContext): Promise<{ created: number; logins: string[] }> {
  let created = 0;
  const orgIds = new Map<string, { id: string; provinceCode: string }>();
  for (const demo of DEMO_ORGANISATIONS) {
    const id = idempotentId('organisation', 'demo-seed', demo.slug);
    orgIds.set(demo.slug, { id, provinceCode: DEMO.provinceCode });
    const { slug: _slug, ...fields } = demo;
    if (await insertOnce(() => ctx.organisations.insert({ id, ...fields, provinceCode: DEMO.provinceCode, createdAt: new Date() }))) created++;
  }
  for (const demo of DEMO_USERS) {
    if (await ctx.users.findByEmailWithSecret(demo.email)) continue; // skip the slow hash on every restart
    const organisation = orgIds.get(demo.organisation)!;
    const user = {
      id: idempotentId('user', 'demo-seed', demo.email),
      email: demo.email,
      name: demo.name,
      role: demo.role,
      orgId: organisation.id,
      provinceCode: organisation.provinceCode,
      status: 'active' as const,
      createdAt: new Date(),
      passwordHash: await hashPassword(DEMO_PASSWORD),
    };
    if (await insertOnce(() => ctx.users.insert(user))) created++;
  }
  return { created, logins: DEMO_USERS.map((u) => u.email) };
}
