import { closeDropdown, eventually, expectText, fillDate, pick, screenshot, signIn, statistic, tick, type Journey } from '../helpers';

/** A name that search must find without its diacritics. */
export const returneeName = (stamp: string) => `Phạm Văn Thành ${stamp}`;

export const officerJourneys: Journey[] = [
  {
    name: 'officer logs in and sees the returnee list',
    async run(ctx) {
      const page = await signIn(ctx, 'officer@demo.vn');
      await expectText(page, 'Tổng quan địa bàn');
      await expectText(page, 'Hồ sơ đang quản lý');
      // the figures before this run's hire, to see them change later
      ctx.state.succeededBefore = String(await statistic(page, 'Giới thiệu thành công'));
      ctx.state.stableWorkBefore = String(await statistic(page, 'Việc làm ổn định'));
      await screenshot(page, 'officer-dashboard');
      await page.getByRole('menuitem', { name: 'Người tái hòa nhập' }).click();
      await page.getByRole('heading', { name: 'Người tái hòa nhập' }).waitFor();
      await expectText(page, 'Tỉnh Nghệ An');
      await screenshot(page, 'officer-returnee-list');
      await page.close();
    },
  },
  {
    name: 'officer registers a returnee (form validation, then the file with its clearance date)',
    async run(ctx) {
      const page = await signIn(ctx, 'officer@demo.vn');
      await page.goto(`${page.url().split('/officer')[0]}/officer/returnees/new`);
      await page.getByRole('heading', { name: 'Tiếp nhận hồ sơ mới' }).waitFor();
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await expectText(page, 'Bắt buộc');
      await page.getByLabel('Họ và tên').fill(returneeName(ctx.stamp));
      await fillDate(page, 'Ngày sinh', '12/05/1990');
      await pick(page, 'Giới tính', 'Nam');
      const nationalId = `0010${ctx.stamp.slice(-8).padStart(8, '0')}`;
      await page.getByLabel('Số định danh cá nhân (CCCD)').fill(nationalId);
      await pick(page, 'Xã/phường', 'Phường Thành Vinh', true);
      await fillDate(page, 'Ngày ra trại', '01/09/2025');
      await page.getByLabel('Thời hạn (tháng)').fill('30');
      await pick(page, 'Nhóm tội danh', 'Tàng trữ trái phép chất ma túy', true);
      await pick(page, 'Kỹ năng', 'Hàn', true).catch(() => undefined);
      await closeDropdown(page);
      await tick(page, 'Việc làm', true);
      for (const purpose of [
        'Dùng hồ sơ để gợi ý',
        'Chia sẻ tên gọi, kỹ năng với doanh nghiệp',
        'Chia sẻ tên gọi, kỹ năng với cơ sở đào tạo',
        'Chia sẻ thông tin đủ điều kiện vay',
        'Cho phép doanh nghiệp tìm thấy',
      ]) {
        await tick(page, purpose);
      }
      await screenshot(page, 'officer-register-form');
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await page.waitForURL(/\/officer\/returnees\/[0-9a-f-]{36}$/, { timeout: 60_000 });
      ctx.state.returneeId = page.url().split('/').pop()!;
      ctx.state.nationalId = nationalId;
      await page.getByRole('heading', { name: returneeName(ctx.stamp) }).waitFor();
      await expectText(page, 'Xóa án tích (Điều 70 BLHS)');
      await expectText(page, 'Dự kiến: chờ 2 năm');
      await expectText(page, 'Lịch sử đồng ý');
      await screenshot(page, 'officer-returnee-file');
      await page.close();
    },
  },
  {
    name: 'officer sees the API refuse a taken national ID next to the field',
    async run(ctx) {
      if (!ctx.state.nationalId) throw new Error('needs the registration journey');
      const page = await signIn(ctx, 'officer@demo.vn');
      await page.goto(`${page.url().split('/officer')[0]}/officer/returnees/new`);
      await page.getByLabel('Họ và tên').fill(`Lê Thị Hoa ${ctx.stamp}`);
      await fillDate(page, 'Ngày sinh', '03/03/1988');
      await pick(page, 'Giới tính', 'Nữ');
      await page.getByLabel('Số định danh cá nhân (CCCD)').fill(ctx.state.nationalId);
      await pick(page, 'Xã/phường', 'Phường Thành Vinh', true);
      await fillDate(page, 'Ngày ra trại', '01/10/2025');
      await page.getByLabel('Thời hạn (tháng)').fill('12');
      await pick(page, 'Nhóm tội danh', 'Trộm cắp tài sản', true);
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      // the 409 RETURNEE.NATIONAL_ID_TAKEN lands under the ID field, with a link to the existing file
      await page
        .locator('#nationalId_help, .ant-form-item-explain-error')
        .getByText('Số định danh này đã có trong một hồ sơ khác')
        .first()
        .waitFor({ timeout: 60_000 });
      await expectText(page, 'Mở hồ sơ đó');
      await screenshot(page, 'officer-register-conflict');
      await page.close();
    },
  },
  {
    name: 'officer finds the returnee searching without diacritics',
    async run(ctx) {
      if (!ctx.state.returneeId) throw new Error('needs the registration journey');
      const page = await signIn(ctx, 'officer@demo.vn');
      await page.getByRole('menuitem', { name: 'Người tái hòa nhập' }).click();
      await page.getByLabel('Tìm theo họ tên').fill(`pham van thanh ${ctx.stamp}`);
      await page.getByLabel('Tìm theo họ tên').press('Enter');
      await eventually(page, returneeName(ctx.stamp), {
        tries: 10,
        before: async () => {
          await page.getByLabel('Tìm theo họ tên').fill(`pham van thanh ${ctx.stamp}`);
          await page.getByLabel('Tìm theo họ tên').press('Enter');
        },
      });
      await page.close();
    },
  },
];
