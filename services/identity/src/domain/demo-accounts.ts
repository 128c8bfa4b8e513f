import type { Role } from '@hoanhap/auth';
import { DEMO } from '@hoanhap/reference';
import type { OrganisationKind } from './identity.types';

/** The demo password of every demo account (development only; never seeded in production). */
export const DEMO_PASSWORD = 'demo1234';

export interface DemoOrganisation {
  slug: string;
  kind: OrganisationKind;
  name: string;
  communeCode: string;
}

/** One organisation per kind in Nghệ An (reference DEMO), plus a second employer; "(demo)" marks them as made up. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { slug: 'police', kind: 'police-unit', name: 'Công an phường Thành Vinh (demo)', communeCode: DEMO.communeCode },
  { slug: 'employer', kind: 'employer', name: 'Công ty TNHH Cơ khí Vinh (demo)', communeCode: DEMO.communeCode },
  { slug: 'employer2', kind: 'employer', name: 'Hợp tác xã Nông nghiệp Đô Lương (demo)', communeCode: DEMO.communeCodes[1] },
  { slug: 'college', kind: 'college', name: 'Trường Cao đẳng nghề Nghệ An (demo)', communeCode: DEMO.communeCode },
  { slug: 'bank', kind: 'bank-branch', name: 'Ngân hàng Chính sách xã hội – Chi nhánh Nghệ An (demo)', communeCode: DEMO.communeCode },
  { slug: 'admin', kind: 'admin', name: 'Quản trị hệ thống Hòa Nhập (demo)', communeCode: DEMO.communeCode },
];

export interface DemoUser {
  email: string;
  name: string;
  role: Exclude<Role, 'returnee'>;
  organisation: string;
}

/** bank2 shares bank's branch: loan decisions will need a second pair of eyes from the same branch. */
export const DEMO_USERS: DemoUser[] = [
  { email: 'officer@demo.vn', name: 'Trần Văn Hùng', role: 'officer', organisation: 'police' },
  { email: 'employer@demo.vn', name: 'Nguyễn Thị Lan', role: 'employer', organisation: 'employer' },
  { email: 'employer2@demo.vn', name: 'Lê Văn Minh', role: 'employer', organisation: 'employer2' },
  { email: 'college@demo.vn', name: 'Phạm Thị Hoa', role: 'college', organisation: 'college' },
  { email: 'bank@demo.vn', name: 'Hoàng Văn Nam', role: 'bank', organisation: 'bank' },
  { email: 'bank2@demo.vn', name: 'Đặng Thị Mai', role: 'bank', organisation: 'bank' },
  { email: 'admin@demo.vn', name: 'Vũ Quốc Bảo', role: 'admin', organisation: 'admin' },
];
