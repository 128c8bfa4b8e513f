import { idempotentId } from '@hoanhap/kit';
import { DEMO } from '@hoanhap/reference';
import type { EmployersContext } from './employers.context';
import { PLEDGE_VERSION } from './organisation.rules';
import type { Organisation } from './organisation.types';

/**
 * identity's demo employers (same slugs, so the same ids: identity derives
 * them with idempotentId('organisation', 'demo-seed', slug)), seeded here as
 * verified with the pledge accepted, as ARCHITECTURE §6 asks. Never in
 * production (config refuses SEED_DEMO there).
 */
const DEMO_EMPLOYERS = [
  {
    slug: 'employer',
    name: 'Công ty TNHH Cơ khí Vinh (demo)',
    communeCode: DEMO.communeCode,
    taxCode: '2900000001',
    sector: 'private',
    pledgedBy: 'Nguyễn Thị Lan',
  },
  {
    slug: 'employer2',
    name: 'Hợp tác xã Nông nghiệp Đô Lương (demo)',
    communeCode: DEMO.communeCodes[1],
    taxCode: '2900000002',
    sector: 'cooperative',
    pledgedBy: 'Lê Văn Minh',
  },
] as const;

export const demoEmployerId = (slug: string) => idempotentId('organisation', 'demo-seed', slug);

export async function seedDemoEmployers(ctx: EmployersContext): Promise<number> {
  let created = 0;
  for (const demo of DEMO_EMPLOYERS) {
    const now = ctx.now();
    const organisation: Organisation = {
      id: demoEmployerId(demo.slug),
      name: demo.name,
      taxCode: demo.taxCode,
      sector: demo.sector,
      provinceCode: DEMO.provinceCode,
      communeCode: demo.communeCode,
      size: 'small',
      pledge: { version: PLEDGE_VERSION, acceptedByName: demo.pledgedBy, acceptedByTitle: 'Giám đốc', acceptedAt: now },
      verification: { status: 'verified', decidedBy: 'demo-seed', decidedByRole: 'admin', decidedAt: now },
      createdAt: now,
      updatedAt: now,
    };
    if (await ctx.organisations.insertIfAbsent(organisation)) created++;
  }
  return created;
}
