import type { ProvinceRow } from '../domain/summary.types';

/**
 * The columns of the table provinces publish ("of 422 returnees, 33 in stable jobs, 51 seasonal"), with a
 * Vietnamese header (what the province files) and an English one (for partners), in that order.
 */
export const PROVINCE_COLUMNS: readonly { key: keyof ProvinceRow; vi: string; en: string }[] = [
  { key: 'communeCode', vi: 'Mã xã', en: 'Commune code' },
  { key: 'communeName', vi: 'Xã, phường', en: 'Commune' },
  { key: 'returnees', vi: 'Người chấp hành xong án phạt tù trở về', en: 'Returnees' },
  { key: 'stableWork', vi: 'Có việc làm ổn định', en: 'In stable work' },
  { key: 'seasonalWork', vi: 'Có việc làm thời vụ', en: 'In seasonal work' },
  { key: 'inTraining', vi: 'Đang học nghề', en: 'In training' },
  { key: 'certified', vi: 'Được cấp chứng chỉ nghề', en: 'Certified' },
  { key: 'loansApproved', vi: 'Được duyệt vay vốn', en: 'Loans approved' },
  { key: 'amountDisbursedVnd', vi: 'Số tiền đã giải ngân (đồng)', en: 'Amount disbursed (VND)' },
  { key: 'recordsCleared', vi: 'Được xóa án tích', en: 'Records cleared' },
];

/** Commune rows, then the province total last, as the provinces' tables put it. */
export const tableRows = (rows: ProvinceRow[], total: ProvinceRow): ProvinceRow[] => [...rows, total];
