import { DEMO } from '@hoanhap/reference';

/** A complete individual production application (the fields beyond ARCHITECTURE §6's core included). */
export const productionApplication = (returneeId: string, overrides: Record<string, unknown> = {}) => ({
  returneeId,
  purpose: 'production',
  amountVnd: 80_000_000,
  termMonths: 36,
  plan: 'Nuôi 20 con dê giống tại xã, bán thịt sau 8 tháng',
  borrower: { kind: 'household-representative', representativeName: 'Nguyễn Thị Hoa', relationship: 'mẹ' },
  confirmation: { form: '01', number: '15/XN-UBND', issuedOn: '2026-01-10', communeCode: DEMO.communeCode },
  savingsGroup: { name: 'Tổ TK&VV khối 3' },
  entrustedVia: 'hoi-nong-dan',
  ...overrides,
});

/** Tiny but real files: the magic bytes are what the service checks. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
/** The first bytes of a Windows executable (MZ header, "This program cannot be run in DOS mode"). */
export const EXE = Buffer.concat([Buffer.from('4d5a90000300000004000000ffff0000', 'hex'), Buffer.from('This program cannot be run in DOS mode.', 'latin1')]);
