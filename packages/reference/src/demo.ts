/**
 * Demo geography for seeds and examples: Nghệ An, where one of the source reports is set. Codes are
 * checked against the official list by the tests.
 */
export const DEMO = Object.freeze({
  provinceCode: '40', // Tỉnh Nghệ An (unchanged by the 2025 merger)
  communeCode: '16681', // Phường Thành Vinh (centre of the former Vinh city)
  /** A few communes of the demo province: urban ward, lowland commune, mountain border commune, coast. */
  communeCodes: Object.freeze([
    '16681', // Phường Thành Vinh
    '17662', // Xã Đô Lương
    '16849', // Xã Hữu Kiệm (former Hữu Lập, Kỳ Sơn, from the Nghệ An report)
    '16732', // Phường Cửa Lò
  ] as const),
  /** A different province for restriction examples (bannedAreas): Thành phố Hà Nội. */
  otherProvinceCode: '01',
});
