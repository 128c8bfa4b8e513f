import { expectText, GATEWAY, screenshot, signIn, type Journey } from '../helpers';

export const adminJourneys: Journey[] = [
  {
    name: 'admin lists organisations and users, and finds audit entries of the returnee file',
    async run(ctx) {
      const page = await signIn(ctx, 'admin@demo.vn');
      await page.getByRole('heading', { name: 'Tổ chức' }).waitFor();
      await expectText(page, 'Công an xã/phường');
      await screenshot(page, 'admin-organisations');
      await page.goto(`${GATEWAY}/admin/users`);
      await expectText(page, 'officer@demo.vn');
      await screenshot(page, 'admin-users');
      await page.goto(`${GATEWAY}/admin/audit`);
      await page.getByRole('heading', { name: 'Nhật ký truy cập' }).waitFor();
      if (ctx.state.returneeId) {
        await page.getByLabel('Mã đối tượng').fill(ctx.state.returneeId);
        await page.getByRole('button', { name: 'Tìm kiếm' }).click();
        await page.locator('table tbody tr.ant-table-row').first().waitFor({ timeout: 60_000 });
      }
      await screenshot(page, 'admin-audit');
      await page.close();
    },
  },
];
