/**
 * The columns of the import workbook, in order: the key read from the header row, a Vietnamese label and
 * how to fill it in. Lists use ";" between items; restriction items are "code:until" (dates YYYY-MM-DD).
 */
export const IMPORT_COLUMNS = [
  ['fullName', 'Họ và tên', 'Nguyễn Văn An'],
  ['dateOfBirth', 'Ngày sinh', '1990-05-12'],
  ['gender', 'Giới tính', 'male | female | other'],
  ['nationalId', 'Số định danh cá nhân (12 số)', '001090012345'],
  ['phone', 'Số điện thoại', '0912345678'],
  ['provinceCode', 'Mã tỉnh', '40'],
  ['communeCode', 'Mã xã/phường', '16681'],
  ['addressLine', 'Địa chỉ (thôn, số nhà)', 'Khối 5'],
  ['releaseDate', 'Ngày chấp hành xong án', '2025-09-01'],
  ['releaseKind', 'Hình thức', 'completed | amnesty | conditional | suspended | non-custodial'],
  ['probationEndsOn', 'Hết thời gian thử thách', '(án treo, tha tù trước thời hạn)'],
  ['sentenceKind', 'Hình phạt chính', 'warning | fine | non-custodial | suspended | prison | life | death-commuted'],
  ['sentenceMonths', 'Số tháng', '30'],
  ['offenceCategory', 'Nhóm tội', 'drug-possession'],
  ['bannedOccupations', 'Cấm hành nghề (Điều 41)', '8322:2028-09-01'],
  ['bannedAreas', 'Cấm cư trú (Điều 42)', '01:2027-09-01; 40/16681:2027-01-01'],
  ['supervisedCommune', 'Quản chế (Điều 43)', '16681:2026-09-01'],
  ['noStateAgencyWork', 'Tước quyền làm việc trong cơ quan nhà nước (Điều 44)', 'yes | no'],
  ['noStateAgencyWorkUntil', 'Đến ngày', '2027-09-01'],
  ['skills', 'Kỹ năng', 'welding; masonry'],
  ['needs', 'Nhu cầu', 'job; id-card'],
  ['consentMatching', 'Đồng ý: gợi ý việc làm', 'yes | no'],
  ['consentShareWithEmployers', 'Đồng ý: chia sẻ với doanh nghiệp', 'yes | no'],
  ['consentShareWithColleges', 'Đồng ý: chia sẻ với cơ sở đào tạo', 'yes | no'],
  ['consentShareWithBank', 'Đồng ý: chia sẻ với ngân hàng', 'yes | no'],
  ['consentDiscoverable', 'Đồng ý: cho phép tìm thấy', 'yes | no'],
  ['consentVersion', 'Phiên bản mẫu đồng ý', '2026-01'],
  ['consentMethod', 'Cách ghi nhận', 'paper-form | in-person | electronic | verbal-witnessed'],
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number][0];
export type ImportRecord = Partial<Record<ImportColumn, string>>;
