import ExcelJS from 'exceljs';
import type { Locator } from 'playwright-core';
import { download, eventually, eventuallyStatistic, expectText, fillDate, followNotice, GATEWAY, pick, screenshot, signIn, today, type Journey } from '../helpers';
import { returneeName } from './officer.journeys';

export const jobTitle = (stamp: string) => `Thợ hàn ${stamp}`;

/** Clicks "Giới thiệu" on a proposal until it turns into "Đã giới thiệu" (cases may answer NOT_YET_KNOWN at first). */
export async function referOnce(item: Locator): Promise<void> {
  // events can lag minutes behind on a loaded machine: keep answering NOT_YET_KNOWN with another click
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const button = item.getByRole('button', { name: /Giới thiệu/ });
    if (await button.isVisible().catch(() => false)) await button.click();
    const done = await item
      .getByText('Đã giới thiệu')
      .waitFor({ state: 'visible', timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    if (done) return;
    await item.page().waitForTimeout(5_000); // NOT_YET_KNOWN: cases has not heard of the target yet
  }
  await expectText(item, 'Đã giới thiệu');
}

export const employerJourneys: Journey[] = [
  {
    name: 'employer posts a job',
    async run(ctx) {
      const page = await signIn(ctx, 'employer@demo.vn');
      await page.goto(`${GATEWAY}/employer/jobs/new`);
      await page.getByRole('heading', { name: 'Đăng tin mới' }).waitFor();
      await page.getByLabel('Vị trí').fill(jobTitle(ctx.stamp));
      await pick(page, 'Nghề (VSCO 2020)', '7212', true);
      await pick(page, 'Xã/phường', 'Phường Thành Vinh', true);
      await page.getByLabel('Lương từ (₫/tháng)').fill('7000000');
      await page.getByLabel('Lương đến (₫/tháng)').fill('9000000');
      await page.getByRole('button', { name: 'Đăng tin' }).click();
      await page.waitForURL(/\/employer\/jobs\/(?!new$)[^/]+$/, { timeout: 60_000 });
      ctx.state.jobId = page.url().split('/').pop()!;
      await page.getByRole('heading', { name: jobTitle(ctx.stamp) }).waitFor();
      await expectText(page, '7.000.000 ₫');
      await screenshot(page, 'employer-job');
      await page.goto(`${GATEWAY}/employer/jobs`);
      await expectText(page, jobTitle(ctx.stamp));
      await screenshot(page, 'employer-jobs');
      await page.close();
    },
  },
  {
    name: 'officer sees matches and refers the returnee to the job in one click',
    async run(ctx) {
      if (!ctx.state.returneeId || !ctx.state.jobId) throw new Error('needs the registration and job journeys');
      const page = await signIn(ctx, 'officer@demo.vn');
      await page.goto(`${GATEWAY}/officer/returnees/${ctx.state.returneeId}`);
      await expectText(page, 'Gợi ý phù hợp');
      const item = page.locator('.ant-list-item', { hasText: jobTitle(ctx.stamp) });
      // the job reaches matching (or the job list) through events: wait for it
      await eventually(page, jobTitle(ctx.stamp), { tries: 10 });
      await expectText(item, /Điểm phù hợp: [\d,]+\/100/);
      await expectText(item, 'Cùng xã/phường nơi cư trú'); // a reason, in Vietnamese
      await screenshot(page, 'officer-matches');
      await referOnce(item);
      await expectText(item, 'Đã giới thiệu');
      await expectText(page.locator('table'), 'Đã gửi');
      ctx.state.referredToJob = 'yes';
      await page.close();
    },
  },
  {
    name: 'employer sees the consented candidate and hires',
    async run(ctx) {
      if (!ctx.state.referredToJob) throw new Error('needs the job referral journey');
      const page = await signIn(ctx, 'employer@demo.vn');
      // the referral arrives as a notice in the bell, which leads to the job
      await followNotice(page, `Ứng viên mới được giới thiệu: ${jobTitle(ctx.stamp)}`);
      await page.waitForURL(`**/employer/jobs/${ctx.state.jobId}`, { timeout: 60_000 });
      // given name only: the last word of the full name
      const givenName = returneeName(ctx.stamp).split(' ').pop()!;
      await eventually(page, givenName, { tries: 15 });
      await page.getByRole('button', { name: givenName, exact: true }).first().click();
      await expectText(page, 'Bạn chỉ thấy thông tin người lao động đồng ý chia sẻ');
      const drawer = page.locator('.ant-drawer-content');
      if (
        await drawer
          .getByText('Phạm')
          .isVisible()
          .catch(() => false)
      )
        throw new Error('the employer sees the full name');
      await screenshot(page, 'employer-candidate');
      await drawer.getByRole('button', { name: 'Tuyển dụng' }).click();
      const hire = page.locator('.ant-modal');
      // starting today: reports count a hire from its start date (the form proposes a week ahead), and the officer's
      // dashboard is to show it today
      await fillDate(hire, 'Ngày bắt đầu làm việc', today());
      await hire.getByRole('button', { name: 'Tuyển dụng' }).click();
      await expectText(page, 'Đã cập nhật: Đã tuyển');
      await expectText(page.locator('table'), 'Đã tuyển');
      await screenshot(page, 'employer-pipeline');
      await page.close();
    },
  },
  {
    name: 'officer sees the referral succeeded and the dashboard counts change',
    async run(ctx) {
      if (!ctx.state.returneeId) throw new Error('needs the registration journey');
      const page = await signIn(ctx, 'officer@demo.vn');
      await page.goto(`${GATEWAY}/officer/returnees/${ctx.state.returneeId}`);
      await eventually(page, /^Thành công$/, { tries: 15 });
      await expectText(page, 'Đã tuyển');
      await page.goto(`${GATEWAY}/officer/referrals`);
      await expectText(page, 'Theo dõi giới thiệu');
      await screenshot(page, 'officer-referrals');
      // the dashboard: one more successful referral (cases) and one more stable hire (reports, from events)
      await page.goto(`${GATEWAY}/officer`);
      const stable = Number(ctx.state.stableWorkBefore) + 1;
      await eventuallyStatistic(page, 'Giới thiệu thành công', Number(ctx.state.succeededBefore) + 1);
      await eventuallyStatistic(page, 'Việc làm ổn định', stable);
      // the provinces' table, as CSV and as XLSX, says the same as the tile
      const csv = await download(page, 'Tải bảng (CSV)');
      if (!csv.name.endsWith('.csv') || !csv.bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])))
        throw new Error(`the CSV ${csv.name} has no UTF-8 BOM (Excel would garble the Vietnamese)`);
      const lines = csv.bytes.toString('utf8').trim().split('\r\n');
      const csvTotal = lines.at(-1)!.split(',');
      if (!lines[1]!.includes('In stable work') || !csvTotal[1]!.startsWith('Tổng / Total') || Number(csvTotal[3]) !== stable)
        throw new Error(`the CSV's total row says ${lines.at(-1)}, expected ${stable} in stable work`);
      const xlsx = await download(page, 'Tải bảng (Excel .xlsx)');
      const sheet = (await new ExcelJS.Workbook().xlsx.load(xlsx.bytes as unknown as ArrayBuffer)).worksheets[0]!;
      const total = sheet.getRow(sheet.rowCount);
      if (!xlsx.name.endsWith('.xlsx') || sheet.getCell('D1').text !== 'Có việc làm ổn định' || !total.getCell(2).text.startsWith('Tổng / Total') || Number(total.getCell(4).value) !== stable)
        throw new Error(`the XLSX ${xlsx.name} total row says ${JSON.stringify(total.values)}, expected ${stable} in stable work`);
      await screenshot(page, 'officer-dashboard-after-hire');
      await page.close();
    },
  },
];
